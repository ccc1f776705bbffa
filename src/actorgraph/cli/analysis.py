"""Commands over a store: graph, coalitions, fissures, export, import, migrate and serve.

Example:
    >>> from actorgraph.cli import main
    >>> main(["coalitions", "--db", "missing.duckdb"])  # doctest: +SKIP
    actorgraph: error: missing.duckdb: no such store (create it with `actorgraph ingest`)
    2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import networkx as nx

from actorgraph.exchange import EXPORT_FORMATS, export, export_parquet, import_parquet
from actorgraph.graph import PERIODS, Graph, coalitions, fissures, period_graph, to_networkx
from actorgraph.store import SCHEMA_VERSION, Store, StoreError
from actorgraph.store.parts import MANIFEST, import_parts, list_parts, read_manifest
from actorgraph.store.reader import MAX_SESSIONS

__all__ = ["register"]


def _reader(db: str) -> Store:
    if not Path(db).exists():
        raise StoreError(f"{db}: no such store (create it with `actorgraph ingest`)")
    return Store(db, read_only=True)


def _periods(store: Store, period: str) -> list[tuple[dt.date | None, dt.date | None]]:
    """[start, end) of every period holding events, or one open span for ``all``."""
    if period == "all":
        return [(None, None)]
    rows = store.con.execute(
        f"SELECT DISTINCT date_trunc('{period}', day)::DATE FROM events WHERE day IS NOT NULL ORDER BY 1"
    ).fetchall()
    step = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}
    out: list[tuple[dt.date | None, dt.date | None]] = []
    for (start,) in rows:
        if period == "month":
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            end = start + step[period]
        out.append((start, end))
    return out


def _graph_json(g: Graph) -> dict[str, Any]:
    return {
        "start": g.start.isoformat() if g.start else None,
        "end": g.end.isoformat() if g.end else None,
        "nodes": [{"code": n.code, "name": n.name, "events": n.events} for n in g.nodes],
        "edges": [
            {
                "source": e.source, "target": e.target, "events": e.events,
                "quad_class": list(e.quad), "cooperation": e.cooperation, "conflict": e.conflict,
                "balance": round(e.balance, 3), "mean_goldstein": round(e.mean_goldstein, 3),
                "evidence": list(e.evidence),
            }
            for e in g.edges
        ],
        "relations": [
            {"kind": r.kind, "source": r.source, "target": r.target, "doc_id": r.doc_id,
             "sentence_index": r.sentence_index, "sentence": r.sentence}
            for r in g.relations
        ],
    }


def cmd_graph(args: argparse.Namespace) -> int:
    with _reader(args.db) as store:
        graphs = [period_graph(store, start, end) for start, end in _periods(store, args.period)]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        if args.format == "json":
            json.dump([_graph_json(g) for g in graphs], out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            merged = nx.MultiDiGraph()
            for g in graphs:
                part = to_networkx(g)
                period = g.start.isoformat() if g.start else "all"
                merged.add_nodes_from(part.nodes(data=True))
                merged.add_edges_from((a, b, {**d, "period": period}) for a, b, d in part.edges(data=True))
            lines = nx.generate_graphml(merged) if args.format == "graphml" else nx.generate_gexf(merged)
            for line in lines:
                out.write(line + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_coalitions(args: argparse.Namespace) -> int:
    with _reader(args.db) as store:
        found = coalitions(store, args.start, args.end)
    if args.format == "json":
        print(json.dumps([
            {"members": list(c.members), "cooperation": c.cooperation, "conflict": c.conflict,
             "enemies": [{"actor": a, "conflict_events": n} for a, n in c.enemies],
             "relations": [{"kind": r.kind, "source": r.source, "target": r.target, "doc_id": r.doc_id,
                            "sentence": r.sentence} for r in c.relations],
             "evidence": list(c.evidence)}
            for c in found
        ], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("No coalitions: no actors bound by cooperation or asserted alliance.")
    for n, c in enumerate(found, 1):
        print(f"Coalition {n}: {', '.join(c.members)}")
        print(f"  inside: {c.cooperation} cooperative, {c.conflict} conflict events; {len(c.relations)} "
              "asserted relations")
        if c.enemies:
            print("  against: " + ", ".join(f"{a} ({k})" for a, k in c.enemies[:8]))
        for r in c.relations[:args.evidence]:
            print(f"    {r.source} {r.kind} {r.target}: \"{' '.join(r.sentence.split())[:120]}\"")
    return 0


def cmd_fissures(args: argparse.Namespace) -> int:
    with _reader(args.db) as store:
        found = fissures(store, args.period, alpha=args.alpha)
        ids = [i for f in found for i in f.evidence]
        sentences = dict(
            store.con.execute("SELECT event_id, sentence FROM events WHERE list_contains(?, event_id)", [ids])
            .fetchall()
        )
    if args.format == "json":
        print(json.dumps([
            {"members": list(f.members), "before": f.before.isoformat(), "after": f.after.isoformat(),
             "cooperation_before": f.cooperation_before, "conflict_before": f.conflict_before,
             "cooperation_after": f.cooperation_after, "conflict_after": f.conflict_after,
             "p_value": round(f.p_value, 5), "evidence": list(f.evidence)}
            for f in found
        ], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print(f"No fissures at p <= {args.alpha} between consecutive {args.period}s.")
    for f in found:
        print(
            f"{' / '.join(f.members)}: {f.before} {f.cooperation_before} coop {f.conflict_before} conflict"
            f" -> {f.after} {f.cooperation_after} coop {f.conflict_after} conflict"
            f" (Fisher p = {f.p_value:.4f})"
        )
        for event_id in f.evidence[:args.evidence]:
            print(f"    \"{' '.join(sentences.get(event_id, '').split())[:120]}\" [{event_id}]")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _reader(args.db) as store:
        if args.format == "parquet":
            if not args.output:
                raise ValueError("--format parquet needs an output file (-o FILE)")
            count = export_parquet(store, args.output)
        else:
            out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
            try:
                count = export(store, args.format, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    print(f"{count} events exported", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if not os.path.exists(args.file):  # before the store is created, so a typo leaves no file
        raise StoreError(f"{args.file}: no such file")
    if os.path.isdir(args.file):
        parts = [args.file] if os.path.exists(os.path.join(args.file, MANIFEST)) else list_parts(args.file)
        if not parts:
            raise StoreError(f"{args.file}: no Parquet parts in this folder (written by `ingest --parts`)")
        for part in parts:
            read_manifest(part)  # a foreign part is an error before the store is created
        with Store(args.db) as store:
            added = import_parts(store, parts)
            total = store.count("documents")
        print(f"{added} documents imported from {len(parts)} parts; {total} documents in {args.db}",
              file=sys.stderr)
        return 0
    with Store(args.db) as store:
        added = import_parquet(store, args.file)
        total = store.count("events")
    print(f"{added} events imported; {total} events in {args.db}", file=sys.stderr)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    if not os.path.exists(args.db):
        raise StoreError(f"{args.db}: no such store")
    with Store(args.db):
        pass
    print(f"{args.db}: schema version {SCHEMA_VERSION}", file=sys.stderr)
    return 0


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from actorgraph.web import create_app

    token = args.token or os.environ.get("ACTORGRAPH_TOKEN")
    if args.host not in _LOOPBACK and not token:
        raise ValueError(f"serving on {args.host} (beyond this machine) needs --token or ACTORGRAPH_TOKEN")
    if not Path(args.db).exists():
        raise StoreError(f"{args.db}: no such store (create it with `actorgraph ingest`)")
    print(f"actorgraph: serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    app = create_app(args.db, token, max_sessions=args.sessions)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def register(sub: Any) -> None:
    """Add the analysis commands to the ``actorgraph`` subparsers."""
    g = sub.add_parser("graph", help="the actor graph per period (json, graphml or gexf)")
    g.add_argument("--db", required=True)
    g.add_argument("--period", choices=[*PERIODS, "all"], default="month")
    g.add_argument("--format", choices=["json", "graphml", "gexf"], default="json")
    g.add_argument("-o", "--output", help="output file (default: standard output)")
    g.set_defaults(func=cmd_graph)

    c = sub.add_parser("coalitions", help="coalitions: actors bound by cooperation and asserted alliance")
    c.add_argument("--db", required=True)
    c.add_argument("--start", type=_date, help="events on or after this day")
    c.add_argument("--end", type=_date, help="events before this day")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--evidence", type=int, default=5, help="relations to quote per coalition")
    c.set_defaults(func=cmd_coalitions)

    f = sub.add_parser("fissures", help="dyads and coalitions whose cooperation dropped significantly")
    f.add_argument("--db", required=True)
    f.add_argument("--period", choices=list(PERIODS), default="month")
    f.add_argument("--alpha", type=float, default=0.05, help="significance level (one-sided Fisher test)")
    f.add_argument("--format", choices=["text", "json"], default="text")
    f.add_argument("--evidence", type=int, default=5, help="conflict events to quote per fissure")
    f.set_defaults(func=cmd_fissures)

    e = sub.add_parser("export", help="export events: parquet, jsonl, csv or gdelt (GDELT 2.0 columns)")
    e.add_argument("--db", required=True)
    e.add_argument("--format", choices=list(EXPORT_FORMATS), required=True)
    e.add_argument("-o", "--output", help="output file (default: standard output; parquet needs one)")
    e.set_defaults(func=cmd_export)

    i = sub.add_parser(
        "import", help="add the events of an exported Parquet file, or a folder of parts, to a store"
    )
    i.add_argument("file", help="a Parquet file from `export`, or a folder of parts from `ingest --parts`")
    i.add_argument("--db", required=True, help="DuckDB file (created if missing)")
    i.set_defaults(func=cmd_import)

    s = sub.add_parser("serve", help="the HTTP API and web UI over a store (read-only)")
    s.add_argument("--db", required=True)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--token", help="required of every request; needed to listen beyond 127.0.0.1")
    s.add_argument("--sessions", type=_positive, default=MAX_SESSIONS,
                   help=f"requests reading the store at once; more wait their turn (default: {MAX_SESSIONS},"
                   " the cores)")
    s.set_defaults(func=cmd_serve)

    m = sub.add_parser("migrate", help="upgrade a store file to this version's schema")
    m.add_argument("--db", required=True)
    m.set_defaults(func=cmd_migrate)
