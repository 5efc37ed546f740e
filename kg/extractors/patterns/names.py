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


# Honorifics before a name, never part of it ("Sir Keir Starmer", "Dame Jane Whitfield"); like a
# title, they mark the capitalised words after them as a name.
HONORIFICS = frozenset({"sir", "dame"})
# Courtesy titles trimmed off the front of a name the tagger included them in.
COURTESY_TITLES = frozenset(
    {"prime", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "the"} | HONORIFICS
)

# Nouns after a person's surname or a country that make the phrase a government.
GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet", "regime"})
