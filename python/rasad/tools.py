"""The pipeline's parts one at a time (as `rasad kb lookup`, `rasad parse` and the NER tagger on
the command line), and the knowledge base as tables."""
from __future__ import annotations

from typing import Any, Dict, List

from . import _rasad
from ._api import published_date
from .table import _missing


def kb_lookup(name: str) -> List[Dict[str, Any]]:
    """What a name may stand for, best first (clitics and spelling variants are fine: بحماة).

    Returns dicts with `kind` ("actor" or "place"), `score` (the disambiguation score of
    `rasad kb lookup`) and the fields of `actors()` or `places()`. An unknown name gives [].
    """
    return _rasad.kb_lookup(name)


def parse_quantities(text: str) -> List[Dict[str, Any]]:
    """Counts in digits or words (`rasad parse quantities`): dicts as a record's `quantities`
    (`text`, `start`, `end`, `value`, `approx`, `bound`, `min`?, `max`?, `unit`?)."""
    return _rasad.parse_quantities(text)


def parse_times(text: str, published: Any = None) -> List[Dict[str, Any]]:
    """Time expressions (`rasad parse times`), relative ones resolved against `published`
    (str, date or datetime, as for `extract`): dicts as a record's `times`."""
    return _rasad.parse_times(text, published_date(published))


def ner(text: str) -> List[Dict[str, Any]]:
    """Names the NER model finds, linked or not: dicts `{text, start, end, label}` with label
    PER, ORG, LOC or MISC (a record's `entities` also holds the linked names)."""
    return _rasad.ner(text)


def event_types() -> List[str]:
    """The 16 PLOVER event types, cooperative first, violent last."""
    return _rasad.event_types()


def _table(rows: List[Dict[str, Any]], kind: str) -> Any:
    if kind == 'rows':
        return rows
    if kind == 'pandas':
        try:
            import pandas as pd
        except ImportError:
            raise _missing('pandas', kind) from None
        return pd.DataFrame(rows)
    if kind == 'arrow':
        try:
            import pyarrow as pa
        except ImportError:
            raise _missing('pyarrow', kind) from None
        return pa.Table.from_pylist(rows)
    raise ValueError(f'kind must be "rows", "pandas" or "arrow", not {kind!r}')


def actors(kind: str = 'rows') -> Any:
    """The actor catalogue, one row per actor: id, name, type (state, military, armed_group …),
    country, parent, backers, role, affiliation, start, end, ar (Arabic names), demonyms, source.
    `kind` as for `events_table`."""
    return _table(_rasad.actors(), kind)


def places(kind: str = 'rows') -> Any:
    """The curated places and the built gazetteer, one row per place: id, name, feature,
    country, admin1, admin2, lat, lon, geo_precision, population, curated, ar."""
    return _table(_rasad.places(), kind)
