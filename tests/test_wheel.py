"""The installed package is the product: a wheel installed into a fresh venv outside the
checkout runs every command from an unrelated folder.

The wheel is built from a copy of the sources (nothing is written into the checkout), with
the build tools already installed and no index (no network). The fresh venv gets the wheel
alone (``--no-deps``); it sees kg's dependencies through a ``.pth`` line naming the test
run's site-packages, which adds that folder to ``sys.path`` without running its ``.pth``
files, so the checkout's editable install stays out of reach. The first thing checked is
that ``kg`` is imported from the venv.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.net import free_port
from tests.paths import ROOT

pytestmark = pytest.mark.slow

ARTICLE = """---
title: Akazawa to hold tariff talks in Washington
date: 2025-05-26
source: Example Wire
---
Japan's chief tariff negotiator Ryosei Akazawa will travel to Washington on Friday for a
fourth round of tariff talks with U.S. Treasury Secretary Scott Bessent, officials said.

The United States imposed a 25 percent tariff on imported cars in April. "We will keep
pressing for a full exemption," Akazawa told reporters in Tokyo on Monday.
"""

HINT_VALUES = {"YYYY-MM-DD": "2025-05-30", "YYYY-MM": "2025-05"}


def _wheel(tmp: Path) -> Path:
    source = tmp / "src"
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    dist = tmp / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("kg-*.whl")
    return wheel


def _venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "kg-test-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _wheel(tmp)
    venv = _venv(tmp, wheel)
    work = tmp / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_BASE")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return wheel, venv, work, env


def _kg(installed, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    _wheel_path, venv, work, env = installed
    done = subprocess.run(
        [str(venv / "bin" / "kg"), *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if check:
        assert done.returncode == 0, f"kg {' '.join(args)}: {done.stderr}"
    return done


def test_the_wheel_carries_queries_page_assets_and_data(installed):
    wheel, *_ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {f"kg/query/queries/{p.name}" for p in (ROOT / "kg/query/queries").glob("*.rq")}
    assert packaged and packaged <= names
    assets = {f"kg/graph/assets/{p.name}" for p in (ROOT / "kg/graph/assets").iterdir()}
    assert assets <= names
    assert {"kg/data/ontology.ttl", "kg/data/countries.tsv"} <= names


def test_every_command_runs_from_the_installed_wheel_in_another_folder(installed):
    _wheel_path, venv, work, env = installed
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kg; print(kg.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), where  # the wheel's kg, not the checkout's

    (work / "talks.md").write_text(ARTICLE, encoding="utf-8")
    built = _kg(installed, "build", "talks.md")
    assert "built 1 article" in built.stdout
    assert (work / "output" / "graph.html").is_file()

    listed = _kg(installed, "query", "--list").stdout
    names = [line.split(":")[0] for line in listed.splitlines() if not line.startswith(" ")]
    assert set(names) == {p.stem for p in (ROOT / "kg/query/queries").glob("*.rq")}
    for name in names:
        binds = _binds(listed, name)
        result = _kg(installed, "query", name, "--format", "csv", *binds)
        header = result.stdout.splitlines()[0]
        assert header == ",".join(_columns(listed, name)), name
    officials = _kg(installed, "query", "officials", "--format", "csv").stdout
    assert "Ryosei Akazawa" in officials

    _kg(installed, "export", "--format", "turtle", "--out", "graph.ttl")
    assert "Ryosei Akazawa" in (work / "graph.ttl").read_text(encoding="utf-8")
    assert "wrote output/viz.html" in _kg(installed, "viz").stdout
    assert "most central people and governments" in _kg(installed, "analyze").stdout
    assert "tariff" in _kg(installed, "timeline").stdout
    _serve_once(installed)


def test_the_readme_python_example_runs_on_the_installed_wheel(installed):
    from tests.test_api import readme_example

    _wheel_path, venv, work, env = installed
    code, shown = readme_example()
    (work / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [str(venv / "bin" / "python"), "example.py"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown


def _block(listed: str, name: str) -> list[str]:
    lines = listed.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{name}: "))
    block = []
    for line in lines[at + 1 :]:
        if not line.startswith(" "):
            break
        block.append(line.strip())
    return block


def _binds(listed: str, name: str) -> list[str]:
    """``--bind`` options for a query's declared parameters, with a value fitting each hint."""
    binds = []
    for line in _block(listed, name):
        if line.startswith("needs:"):
            for option in shlex.split(line)[1:]:
                if option == "--bind":
                    continue
                key, hint = option.split("=", 1)  # a quoted hint is an example value
                binds += ["--bind", f"{key}={HINT_VALUES.get(hint, hint)}"]
    return binds


def _columns(listed: str, name: str) -> list[str]:
    for line in _block(listed, name):
        if line.startswith("columns:"):
            return [c.lstrip("?") for c in line.split()[1:]]
    return []


def _serve_once(installed) -> None:
    _wheel_path, venv, work, env = installed
    port = free_port()
    server = subprocess.Popen(
        [str(venv / "bin" / "kg"), "serve", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/query?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
        deadline = time.monotonic() + 60
        while True:
            try:
                request = urllib.request.Request(
                    url, headers={"Accept": "application/sparql-results+json"}
                )
                with urllib.request.urlopen(request, timeout=10) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert '"boolean":true' in body.replace(" ", "")
    finally:
        server.terminate()
        server.communicate(timeout=30)
