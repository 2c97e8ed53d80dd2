"""sinograph's domain model and stores: entities, dated and sourced facts, and queries over them."""
