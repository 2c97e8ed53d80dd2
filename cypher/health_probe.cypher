// A cheap probe for GET /health: the server answers a read by an indexed key. No scan.
// params: none
OPTIONAL MATCH (m:SinographMeta {id: 'writes'})
RETURN coalesce(m.epoch, 0) AS epoch
