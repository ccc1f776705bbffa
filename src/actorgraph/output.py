"""Writers: events as JSON Lines (nested, the CLI contract), CSV and Parquet (flat columns).

Example:
    >>> sorted(FLAT_COLUMNS)[:3]
    ['attributed_to_code', 'attributed_to_text', 'code']
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from typing import IO, Any

from actorgraph.records import Actor, Event

__all__ = ["COLUMN_TYPES", "FLAT_COLUMNS", "EventWriter", "event_json", "flat_event"]

Scalar = str | int | float | None


def _actor(a: Actor | None) -> dict[str, Scalar] | None:
    if a is None:
        return None
    return {
        "text": a.text,
        "code": a.code,
        "actor_id": a.actor_id,
        "country": a.country,
        "sector": a.sector,
        "start": a.start,
        "end": a.end,
    }


def event_json(e: Event) -> dict[str, Any]:
    """The JSON shape of an event: DESIGN.md's data model, ``source``/``target`` as objects."""
    loc = e.location
    return {
        "event_id": e.event_id,
        "doc": e.doc,
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "sentence": e.sentence,
        "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
        "source": _actor(e.source) or {"text": None, "code": None},
        "target": _actor(e.target) or {"text": None, "code": None},
        "code": e.code,
        "root": e.root,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "plover": {"type": e.plover_type, "mode": e.plover_mode},
        "date": e.date.value.isoformat() if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "date_text": e.date.text if e.date else None,
        "location": None
        if loc is None
        else {
            "name": loc.name,
            "geonames_id": loc.geonames_id,
            "lat": loc.lat,
            "lon": loc.lon,
            "country": loc.country,
            "precision": loc.precision,
            "inferred": loc.inferred,
        },
        "voice": e.voice,
        "attributed_to": _actor(e.attributed_to),
        "modality": e.modality,
        "claim": e.claim,
        "main": e.main,
        "confidence": e.confidence,
        "rule": e.rule,
    }


def _side(prefix: str, a: Actor | None) -> dict[str, Scalar]:
    return {
        f"{prefix}_text": a.text if a else None,
        f"{prefix}_code": a.code if a else None,
        f"{prefix}_actor_id": a.actor_id if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None,
    }


def flat_event(e: Event) -> dict[str, Scalar]:
    """One flat row per event, for CSV, Parquet and the store."""
    loc = e.location
    row: dict[str, Scalar] = {
        "event_id": e.event_id,
        "doc": e.doc,
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "sentence": e.sentence,
        "trigger_text": e.trigger.text,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
    }
    row |= _side("source", e.source) | _side("target", e.target)
    row |= {
        "code": e.code,
        "root": e.root,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "plover_type": e.plover_type,
        "plover_mode": e.plover_mode,
        "date": e.date.value.isoformat() if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "date_text": e.date.text if e.date else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_precision": loc.precision if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_inferred": loc.inferred if loc else None,
        "voice": e.voice,
        "attributed_to_text": e.attributed_to.text if e.attributed_to else None,
        "attributed_to_code": e.attributed_to.code if e.attributed_to else None,
        "modality": e.modality,
        "claim": e.claim,
        "main": e.main,
        "confidence": e.confidence,
        "rule": e.rule,
    }
    return row


FLAT_COLUMNS: tuple[str, ...] = tuple(
    [
        "event_id",
        "doc",
        "doc_id",
        "sentence_index",
        "sentence",
        "trigger_text",
        "trigger_start",
        "trigger_end",
        "source_text",
        "source_code",
        "source_actor_id",
        "source_country",
        "source_sector",
        "target_text",
        "target_code",
        "target_actor_id",
        "target_country",
        "target_sector",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "plover_type",
        "plover_mode",
        "date",
        "date_precision",
        "date_text",
        "location_name",
        "location_country",
        "location_precision",
        "geonames_id",
        "lat",
        "lon",
        "location_inferred",
        "voice",
        "attributed_to_text",
        "attributed_to_code",
        "modality",
        "claim",
        "main",
        "confidence",
        "rule",
    ]
)


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# SQL types of the flat columns that are not text; shared by the Parquet writer and the store.
COLUMN_TYPES: dict[str, str] = {
    "sentence_index": "INTEGER",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "quad_class": "INTEGER",
    "goldstein": "DOUBLE",
    "lat": "DOUBLE",
    "lon": "DOUBLE",
    "confidence": "DOUBLE",
    "date": "DATE",
    "geonames_id": "BIGINT",
    "location_inferred": "BOOLEAN",
    "claim": "BOOLEAN",
    "main": "BOOLEAN",
}


class EventWriter:
    """Streams events to ``stream`` as JSONL or CSV, or collects them into a Parquet file.

    Parquet needs a file path (it is binary and written at close); a misuse raises ValueError.
    """

    def __init__(self, fmt: str, stream: IO[str] | None = None, path: str | None = None) -> None:
        if fmt not in ("jsonl", "csv", "parquet"):
            raise ValueError(f"unknown format {fmt!r}; use jsonl, csv or parquet")
        if fmt == "parquet" and not path:
            raise ValueError("--format parquet needs an output file (-o FILE)")
        self.fmt, self.stream, self.path = fmt, stream, path
        self.count = 0
        self._csv: Any = None
        self._tmp: Any = None
        if fmt == "csv" and stream is not None:
            self._csv = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS)
            self._csv.writeheader()
        if fmt == "parquet":
            # Rows go through a temporary CSV so memory stays flat; DuckDB converts at close.
            self._tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in close()
                "w", suffix=".csv", delete=False, encoding="utf-8", newline=""
            )
            self._csv = csv.DictWriter(self._tmp, fieldnames=FLAT_COLUMNS)
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            if self.fmt == "jsonl":
                assert self.stream is not None
                self.stream.write(json.dumps(event_json(e), ensure_ascii=False) + "\n")
            else:
                self._csv.writerow(flat_event(e))
            self.count += 1

    def close(self) -> None:
        if self.fmt == "parquet" and self._tmp is not None:
            import duckdb

            self._tmp.close()
            try:
                con = duckdb.connect()
                types = COLUMN_TYPES
                cols = ", ".join(f"'{c}': '{types.get(c, 'VARCHAR')}'" for c in FLAT_COLUMNS)
                tmp_out = f"{self.path}.part"
                con.execute(
                    f"COPY (SELECT * FROM read_csv({_sql_str(self._tmp.name)}, header=true, "
                    f"columns={{{cols}}})) TO {_sql_str(tmp_out)} (FORMAT parquet)"
                )
                con.close()
                os.replace(tmp_out, str(self.path))
            finally:
                os.unlink(self._tmp.name)
        elif self.stream is not None:
            self.stream.flush()
