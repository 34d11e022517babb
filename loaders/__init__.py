"""Articles in, RDF out: read → clean → extract → resolve → map.

Pure: knows nothing of stores, queries or pictures.
"""
