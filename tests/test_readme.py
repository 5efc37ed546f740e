"""The README's two set-up commands are the ones CI runs, and its examples still hold."""

from __future__ import annotations

import re

from tests.paths import ROOT


def setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "no bash block in the README's set-up section"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_setup_commands_are_exactly_what_ci_runs():
    commands = setup_commands()
    assert len(commands) == 2
    assert "pip install" in commands[0] and commands[0].endswith("kg build")
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:
        assert command in ci, f"README command not in .ci/run: {command}"


def test_readme_lists_every_shipped_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for query in sorted((ROOT / "queries").glob("*.rq")):
        assert f"`{query.name}`" in readme, f"{query.name} is not documented in the README"
