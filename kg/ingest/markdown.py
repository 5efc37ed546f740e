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


# Front matter holds a few short fields; past this it is not front matter.
MAX_FRONT_MATTER_BYTES = 64 * 1024


class _AliasRefused(Exception):
    def __init__(self, anchor: str, line: int) -> None:
        super().__init__(anchor, line)
        self.anchor, self.line = anchor, line


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases: an alias bomb (nested lists of aliases, a
    billion strings when expanded) and a recursive alias (``id: &a [*a]``) are refused
    when the alias is met, before anything is built or turned into text."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            raise _AliasRefused(str(event.anchor), event.start_mark.line)
        return super().compose_node(parent, index)


def _parse_front_matter(path: Path, front: str) -> dict[str, Any]:
    size = len(front.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise InputError(
            f"{path}: front matter of {size:,} bytes is over the {MAX_FRONT_MATTER_BYTES:,}-byte "
            "limit; keep only the metadata (id, title, date, source, url) in it"
        )
    try:
        meta = yaml.load(front, Loader=_FrontMatterLoader)  # a SafeLoader without aliases
    except _AliasRefused as exc:  # line 1 of the file is the opening ---
        raise InputError(
            f"{path}:{exc.line + 2}: front matter uses the YAML alias *{exc.anchor}; aliases "
            "are not allowed, write the value out"
        ) from None
    except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for 2025-13-01
        first = " ".join(str(exc).split("\n")[0].split())
        raise InputError(f"{path}: front matter is not valid YAML: {first}") from None
    except RecursionError:
        raise InputError(f"{path}: front matter is nested too deeply") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(
            f"{path}: front matter must be a mapping of keys, got {type(meta).__name__}"
        )
    return {str(key): value for key, value in meta.items()}
