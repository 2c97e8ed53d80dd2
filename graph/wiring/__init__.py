"""App wiring: settings read once from the environment and .env, and opening the store they
name."""
