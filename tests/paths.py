"""Where the tests find the checkout's files, whatever folder a test lives in."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"
DATA = Path(__file__).resolve().parent / "data"
