"""Level and economy files: YAML read with positions, validated by pydantic models."""
