"""House rules that a linter does not check: no function in kg/ longer than 60 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import kg

MAX_LINES = 60
KG_DIR = Path(kg.__file__).parent


def _long_functions(root: Path, limit: int) -> list[str]:
    """``file:line name (n lines)`` for every function or method over ``limit`` lines, from
    its ``def`` line to its last line (decorators not counted)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    where = path.relative_to(root.parent)
                    found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_in_kg_is_longer_than_60_lines() -> None:
    assert _long_functions(KG_DIR, MAX_LINES) == []


def test_the_check_finds_a_long_function(tmp_path: Path) -> None:
    body = "".join(f"        x{i} = {i}\n" for i in range(MAX_LINES))
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text(
        f"def short():\n    return 1\n\n\nclass C:\n    def long(self):\n{body}",
        encoding="utf-8",
    )
    assert _long_functions(tmp_path / "pkg", MAX_LINES) == [
        f"pkg/long.py:6 long ({MAX_LINES + 1} lines)"
    ]
