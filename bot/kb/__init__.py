"""The knowledge base: its typed model, the YAML loader and checker, the notes importer."""
