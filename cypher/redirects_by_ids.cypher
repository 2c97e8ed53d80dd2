// Of these ids, those of merged-away entities, each with its survivor's id.
// params: ids
UNWIND $ids AS id
MATCH (r:Redirect {id: id})
RETURN r.id AS id, r.target AS target
