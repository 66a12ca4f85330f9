"""MkDocs hooks, one concern per module; mkdocs.yml lists them in the order they run."""
