"""Ingest: read a report, extract its metadata, sections and mentions, map them to RDF, validate, load.

The pipeline (``ingest.pipeline``) runs components over one :class:`ingest.model.Doc`, like a spaCy
pipeline: each component reads the text and adds spans that keep their character offsets.
"""
