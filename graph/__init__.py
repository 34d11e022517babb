"""The store, building, reasoning, validation, networkx projection, export and viz."""
