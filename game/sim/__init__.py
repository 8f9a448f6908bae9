"""The economy simulation: numpy only, seeded, knows nothing of pygame, files or YAML."""
