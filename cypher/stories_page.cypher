// One page of stories, newest first: by the first day of the publication date (padded
// to an ISO day, so it sorts as a date), then id; undated stories ('') come last. Only
// the stories in $ids when it is given (one entity's), by publisher (lower case), with a
// publication date overlapping [$since, $until] (padded days; graph.model.story_query), after
// the cursor ($after_low, $after_id), $limit + 1 of them so the caller can tell there are
// more. Each with how many facts (not rejected) and metrics it is evidence for.
// params: ids, publisher, since, until, after_low, after_id, limit
CALL () {
  WITH $ids AS ids
  WHERE ids IS NOT NULL
  UNWIND ids AS id
  MATCH (s:Story {id: id})
  RETURN s
  UNION
  WITH $ids AS ids
  WHERE ids IS NULL
  MATCH (s:Story)
  RETURN s
}
WITH s,
     CASE size(s.published)
       WHEN 4 THEN s.published + '-01-01'
       WHEN 7 THEN s.published + '-01'
       ELSE s.published
     END AS first_day,
     CASE size(s.published)
       WHEN 4 THEN s.published + '-12-31'
       WHEN 7 THEN s.published + '-31'
       ELSE s.published
     END AS last_day
WITH s, coalesce(first_day, '') AS low, last_day AS high
WHERE ($publisher IS NULL OR toLower(s.publisher) = $publisher)
  AND ($since IS NULL OR high >= $since)
  AND ($until IS NULL OR (low <> '' AND low <= $until))
  AND ($after_id IS NULL OR low < $after_low OR (low = $after_low AND s.id > $after_id))
WITH s, low
ORDER BY low DESC, s.id
LIMIT $limit + 1
OPTIONAL MATCH (s)-[e:EVIDENCE]->()
WHERE e.rejected IS NULL
WITH s, low, collect(DISTINCT e.key) AS keys
RETURN properties(s) AS props, low,
       size([k IN keys WHERE k STARTS WITH 'fact:']) AS facts,
       size([k IN keys WHERE NOT k STARTS WITH 'fact:']) AS metrics
ORDER BY low DESC, props.id
