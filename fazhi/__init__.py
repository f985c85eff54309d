"""fazhi (法治): a knowledge graph of Chinese law-based-government annual reports.

Shared core: configuration, namespaces, IRI minting, the store, and the command line.
The pipeline parts live beside this package: ``ingest`` (text → extraction → RDF),
``ontology`` and ``shapes`` (vocabulary and SHACL), ``service`` (the HTTP app).
"""

__version__ = "0.1.0"
