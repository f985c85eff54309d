"""The HTTP service: a FastAPI app over the store (SPARQL, linked data, API, web pages)."""
