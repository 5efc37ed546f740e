"""Measuring the graph against hand-made gold (``kg eval``).

- :mod:`kg.evaluation.scoring`: precision/recall/F1 tallies, failures by category and the
  text normalisation every scorer shares;
- :mod:`kg.evaluation.graphs`: gold articles through kg's own build path into stores held in
  memory, and the rows of the packaged queries;
- :mod:`kg.evaluation.dwie`: officials against the DWIE development set (``kg eval dwie``);
- :mod:`kg.evaluation.news`, ``news_gold``, ``news_match``: every fact type against the
  news2025 set (``kg eval news``).
"""
