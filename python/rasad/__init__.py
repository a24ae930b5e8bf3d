"""Rasad: Arabic news to verifiable, structured conflict-event data.

    import rasad
    rec = rasad.extract("قصفت طائرات روسية بلدة في ريف إدلب أمس", published="2024-05-10")
    rec["events"][0]["type"]                      # 'ASSAULT'
    for rec in rasad.pipe(docs, batch_size=256):   # a stream: texts or dicts, bounded memory
        ...
    df = rasad.events_table(records, kind="pandas")  # one row per event, the export's columns

Every value carries `start`/`end`: code-point offsets into the text, so text[start:end] is the
value's text. Records are plain dicts of the output contract (docs/output.md), typed by
`rasad.types`. Batches run on every core without the GIL; a process forked from one that used
them (multiprocessing) builds its own threads.
"""
from . import types
from ._api import (
    RasadInputError,
    RasadWarning,
    extract,
    extract_batch,
    extract_jsonl,
    pipe,
    pipe_jsonl,
    published_date,
)
from ._rasad import __version__, threads
from .display import show
from .table import COLUMN_NAMES, COLUMNS, EXPORT_COLUMNS, arrow_schema, event_rows, events_table
from .tools import actors, event_types, kb_lookup, ner, parse_quantities, parse_times, places

__all__ = [
    'COLUMNS', 'COLUMN_NAMES', 'EXPORT_COLUMNS', 'RasadInputError', 'RasadWarning', '__version__',
    'actors', 'arrow_schema', 'event_rows', 'event_types', 'events_table', 'extract', 'extract_batch',
    'extract_jsonl', 'kb_lookup', 'ner', 'parse_quantities', 'parse_times', 'pipe', 'pipe_jsonl',
    'places', 'published_date', 'show', 'threads', 'types',
]
