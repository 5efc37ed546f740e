"""The RDF layer: vocabulary, IRIs, facts to RDF, the store (local or remote), exports.

Only this layer imports rdflib and pyoxigraph for writing; it never imports spaCy.
"""
