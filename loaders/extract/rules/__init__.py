"""The relation rules, as data: one YAML table per domain (deals, ownership, people,
government, trade, listings, products, places), read and validated by :mod:`.schema`
and applied by :mod:`loaders.extract.matcher`."""
