"""Record the parses the extractor tests of ``test_recorded_parses.py`` read.

    python -m tests.extractors.record_parses

Each sentence (written for these tests) is parsed once with kg's pipeline and saved as
``Doc.to_json()`` under ``tests/data/parses/``. The tests read the saved parse, not the
model, so a new model cannot silently change what they check; rerun this deliberately
after a model change and read the diff of the JSON files.
"""

from __future__ import annotations

import json
import logging

from tests.paths import ROOT

log = logging.getLogger(__name__)

PARSES = ROOT / "tests" / "data" / "parses"

SENTENCES = {
    "summit_planned": (
        "Japanese Prime Minister Shigeru Ishiba will meet U.S. President Donald Trump in "
        "Washington on Friday, officials said."
    ),
    "tariff_imposed": (
        "The United States imposed a 25% tariff on Japanese cars on April 3, the Commerce "
        "Department said."
    ),
    "quote_and_title": (
        '"We will not accept these tariffs," Canadian Foreign Minister Melanie Joly told '
        "reporters on Tuesday."
    ),
    "pause": (
        "Washington paused the 34% tariffs on Chinese goods for 90 days, Treasury Secretary "
        "Scott Bessent said on Monday."
    ),
}


def main() -> None:
    from kg.nlp import load_model

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    nlp = load_model()
    PARSES.mkdir(parents=True, exist_ok=True)
    for name, text in SENTENCES.items():
        path = PARSES / f"{name}.json"
        path.write_text(json.dumps(nlp(text).to_json(), indent=1, sort_keys=True) + "\n")
        log.info("wrote %s", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
