// Range index on the survivor of redirects (a merge of the survivor moves them along).
// params: none
CREATE INDEX redirect_target IF NOT EXISTS
FOR (n:Redirect) ON (n.target)
