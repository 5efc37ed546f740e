"""``.md`` articles with optional YAML front matter between ``---`` lines at the top."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.ingest.files import read_text
from kg.ingest.records import Article, build_article


def load_md(path: Path, default_date: dt.date | None, id_base: str) -> Article:
    content = read_text(path)
    meta: dict[str, Any] = {}
    text = content
    lines = content.split("\n")
    if lines[0].rstrip() == "---":
        offset = len(lines[0]) + 1
        for line in lines[1:]:
            if line.rstrip() in ("---", "..."):
                front = content[len(lines[0]) + 1 : offset]
                text = content[offset + len(line) + 1 :]
                meta = _parse_front_matter(path, front)
                break
            offset += len(line) + 1
        else:
            raise InputError(f"{path}: front matter opened with '---' on line 1 is never closed")
    if not text.strip():
        raise InputError(f"{path}: empty article")
    return build_article(
        meta,
        where=str(path),
        text=text,
        default_id=id_base,
        default_title=None,
        default_date=default_date,
        path=path,
    )


def _parse_front_matter(path: Path, front: str) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(front)
    except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for 2025-13-01
        first = " ".join(str(exc).split("\n")[0].split())
        raise InputError(f"{path}: front matter is not valid YAML: {first}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(
            f"{path}: front matter must be a mapping of keys, got {type(meta).__name__}"
        )
    return {str(key): value for key, value in meta.items()}
