"""kg: turn news articles into a knowledge graph with evidence.

Data flows one way: text -> spaCy Doc -> plain facts -> RDF -> SPARQL / Turtle / HTML / networkx.
"""

__version__ = "0.1.0"
