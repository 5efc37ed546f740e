"""Name tables: particles in names, post-nominal letters, nouns that make a name a government."""

from __future__ import annotations

# Post-nominal letters that are not part of a person's name ("Paul Boateng MP").
NAME_SUFFIXES = frozenset({"MP", "MEP", "MSP", "QC", "KC", "PhD", "MD"})

# Lower-case particles inside personal names ("Pieter van der Berg", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "du",
        "da",
        "di",
        "al",
        "bin",
        "ibn",
        "la",
        "le",
        "dos",
        "das",
    }
)


# Nouns after a person's surname or a country that make the phrase a government.
GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet", "regime"})
