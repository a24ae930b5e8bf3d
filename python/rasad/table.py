"""One row per event: the event table of `rasad export events` (CSV, JSON Lines, Parquet), made
from extract records in memory, as rows (dicts), a pandas DataFrame or a pyarrow Table.

The columns are the export's, in its order (`EXPORT_COLUMNS`), followed by columns no export has
(`EXTRA_COLUMNS`): every actor, target and place of the event as lists (the export keeps the first
one by name and id and joins the others' names into `assoc_actor_1`/`assoc_actor_2`; it keeps one
place), and the first and last day an event date covers. Nothing of an event's arguments is lost,
and a missing value is always None (pandas: `<NA>`; object columns hold None).

Differences from an export of the store, which has what a single record has not:

- `doc_id` is the record's `id` (the store uses a hash of the text) and `event_id` is
  `<doc_id>-<n>`, n counting the record's events from 0, as the store does;
- `story`, `independent_sources`, `fatalities_min`, `fatalities_max` and `sources_disagree` are None
  (they come from the stories of a store);
- `notes` (the English one-line summary) is None: the store writes it (`rasad export events`);
- `sentence` (the event's Arabic sentence) needs the document's text: give `texts`, else it is None.

Dates stay strings (`event_date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, its precision in
`time_precision`), so mixed precisions never break `pd.to_datetime`; `date_first` and
`date_last` are always whole days (`pd.to_datetime(df.date_first)` works on every row).
"""
from __future__ import annotations

import calendar
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

# (name, kind, meaning). Kinds: str, float, bool, int, list[str], list[float].
EXPORT_COLUMNS: Tuple[Tuple[str, str, str], ...] = (
    ('event_id', 'str', '<doc_id>-<n>: the n-th event of the record, from 0'),
    ('doc_id', 'str', "the record's id"),
    ('event_date', 'str', 'YYYY, YYYY-MM or YYYY-MM-DD'),
    ('time_precision', 'str', 'year, month, week or day'),
    ('event_type', 'str', 'PLOVER type (ASSAULT …)'),
    ('mode', 'str', 'PLOVER mode (aerial, troops, visit …)'),
    ('status', 'str', 'reported, claimed, planned or denied'),
    ('actor1', 'str', 'first actor: English name, else the text'),
    ('actor1_id', 'str', "first actor's catalogue id"),
    ('assoc_actor_1', 'str', 'further actors, "; " between them'),
    ('actor2', 'str', 'first target'),
    ('actor2_id', 'str', "first target's catalogue id"),
    ('assoc_actor_2', 'str', 'further targets, "; " between them'),
    ('location', 'str', 'the first place with coordinates, else the first place'),
    ('place_id', 'str', 'its gazetteer id'),
    ('latitude', 'float', 'its latitude'),
    ('longitude', 'float', 'its longitude'),
    ('geo_precision', 'str', 'exact, admin or country'),
    ('quantity', 'float', 'the count as read'),
    ('quantity_unit', 'str', 'the counted noun (match key, singular)'),
    ('quantity_bound', 'str', 'exact, at_least, at_most or range'),
    ('quantity_approx', 'bool', 'about?'),
    ('fatalities', 'float', 'deaths when the count is of the killed, unless background'),
    ('background', 'bool', 'long before publication, or recalled history'),
    ('source', 'str', 'who reports it: name, else the text'),
    ('outlet', 'str', "the document's outlet"),
    ('url', 'str', "the document's URL"),
    ('title', 'str', "the document's title"),
    ('published', 'str', 'publication date used (YYYY-MM-DD)'),
    ('notes', 'str', 'one-line English summary, written by the store (None here)'),
    ('sentence', 'str', "the event's sentence (None without the text)"),
    ('story', 'int', 'story id in a store (None here)'),
    ('independent_sources', 'int', 'independent outlets of the story in a store (None here)'),
    ('fatalities_min', 'float', "smallest death toll of the story's reports in a store (None here)"),
    ('fatalities_max', 'float', "largest death toll of the story's reports in a store (None here)"),
    ('sources_disagree', 'bool', "the story's sources give tolls that cannot both be true (None here)"),
    ('confidence', 'float', "the extractor's confidence, 0..1"),
    ('trigger_span', 'str', 'trigger word and span: text@start-end'),
    ('actor1_span', 'str', 'span of actor1'),
    ('actor2_span', 'str', 'span of actor2'),
    ('location_span', 'str', 'span of the location'),
    ('date_span', 'str', 'span of the date'),
    ('quantity_span', 'str', 'span of the quantity'),
    ('source_span', 'str', 'span of the source'),
)

EXTRA_COLUMNS: Tuple[Tuple[str, str, str], ...] = (
    ('actors', 'list[str]', 'every actor: English name, else the text'),
    ('actor_ids', 'list[str]', 'their catalogue ids (None where unlinked)'),
    ('targets', 'list[str]', 'every target'),
    ('target_ids', 'list[str]', 'their catalogue ids'),
    ('places', 'list[str]', 'every place'),
    ('place_ids', 'list[str]', 'their gazetteer ids'),
    ('place_lats', 'list[float]', 'their latitudes (None where unknown)'),
    ('place_lons', 'list[float]', 'their longitudes'),
    ('date_first', 'str', 'first day the date covers, YYYY-MM-DD'),
    ('date_last', 'str', 'last day the date covers, YYYY-MM-DD'),
)

COLUMNS: Tuple[Tuple[str, str, str], ...] = EXPORT_COLUMNS + EXTRA_COLUMNS
COLUMN_NAMES: Tuple[str, ...] = tuple(c[0] for c in COLUMNS)

Row = Dict[str, Any]
Texts = Union[Sequence[str], Mapping[str, str], None]


def _name(arg: Mapping[str, Any]) -> Optional[str]:
    return arg.get('name') or arg.get('text')


def _span(v: Optional[Mapping[str, Any]]) -> Optional[str]:
    if not v or v.get('text') is None:
        return None
    return f"{v['text']}@{v['start']}-{v['end']}"


def _rest(args: Sequence[Mapping[str, Any]]) -> Optional[str]:
    names = [_name(a) or '' for a in args[1:]]
    return '; '.join(names) if names else None


def _day_range(date: Optional[Mapping[str, Any]]) -> Tuple[Optional[str], Optional[str]]:
    """The first and last day a time covers (weeks and Hijri dates say so themselves)."""
    if not date:
        return None, None
    if date.get('start_date') and date.get('end_date'):
        return date['start_date'], date['end_date']
    v = date.get('value')
    if not isinstance(v, str):
        return None, None
    try:
        parts = [int(x) for x in v.split('-')]
    except ValueError:
        return None, None
    if len(parts) == 3:
        return v, v
    if len(parts) == 2:
        y, m = parts
        return f'{y:04d}-{m:02d}-01', f'{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}'
    if len(parts) == 1:
        return f'{parts[0]:04d}-01-01', f'{parts[0]:04d}-12-31'
    return None, None


def _num(v: Any) -> Optional[float]:
    return None if v is None else float(v)


def event_rows(record: Mapping[str, Any], text: Optional[str] = None) -> List[Row]:
    """The rows of one record (`COLUMNS`, in order), one per event."""
    doc_id = record.get('id')
    rows = []
    for n, e in enumerate(record.get('events') or ()):
        actors, targets, places = e.get('actors') or [], e.get('targets') or [], e.get('places') or []
        place = next((p for p in places if p.get('lat') is not None), places[0] if places else None)
        a1 = actors[0] if actors else None
        a2 = targets[0] if targets else None
        d, q, s = e.get('date'), e.get('quantity'), e.get('source')
        sent = e.get('sentence') or {}
        sentence = None
        if text is not None and 'start' in sent:
            start = min(sent['start'], len(text))
            sentence = text[start:max(start, min(sent['end'], len(text)))]
        first, last = _day_range(d)
        background = bool(e.get('background', False))
        row = {
            'event_id': f'{doc_id}-{n}',
            'doc_id': doc_id,
            'event_date': d.get('value') if d else None,
            'time_precision': d.get('precision') if d else None,
            'event_type': e.get('type'),
            'mode': e.get('mode'),
            'status': e.get('status'),
            'actor1': _name(a1) if a1 else None,
            'actor1_id': a1.get('id') if a1 else None,
            'assoc_actor_1': _rest(actors),
            'actor2': _name(a2) if a2 else None,
            'actor2_id': a2.get('id') if a2 else None,
            'assoc_actor_2': _rest(targets),
            'location': _name(place) if place else None,
            'place_id': place.get('id') if place else None,
            'latitude': _num(place.get('lat')) if place else None,
            'longitude': _num(place.get('lon')) if place else None,
            'geo_precision': place.get('geo_precision') if place else None,
            'quantity': _num(q.get('value')) if q else None,
            'quantity_unit': q.get('unit') if q else None,
            'quantity_bound': q.get('bound') if q else None,
            'quantity_approx': q.get('approx') if q else None,
            'fatalities': None if background else _num(e.get('fatalities')),
            'background': background,
            'source': _name(s) if s else None,
            'outlet': record.get('outlet'),
            'url': record.get('url'),
            'title': record.get('title'),
            'published': record.get('published'),
            'notes': None,
            'sentence': sentence,
            'story': None,
            'independent_sources': None,
            'fatalities_min': None,
            'fatalities_max': None,
            'sources_disagree': None,
            'confidence': _num(e.get('confidence')),
            'trigger_span': _span(e.get('trigger')),
            'actor1_span': _span(a1),
            'actor2_span': _span(a2),
            'location_span': _span(place),
            'date_span': _span(d),
            'quantity_span': _span(q),
            'source_span': _span(s),
            'actors': [_name(a) for a in actors],
            'actor_ids': [a.get('id') for a in actors],
            'targets': [_name(a) for a in targets],
            'target_ids': [a.get('id') for a in targets],
            'places': [_name(p) for p in places],
            'place_ids': [p.get('id') for p in places],
            'place_lats': [_num(p.get('lat')) for p in places],
            'place_lons': [_num(p.get('lon')) for p in places],
            'date_first': first,
            'date_last': last,
        }
        rows.append(row)
    return rows


def _text_of(texts: Texts, i: int, record: Mapping[str, Any]) -> Optional[str]:
    if texts is None:
        return None
    if isinstance(texts, Mapping):
        return texts.get(record.get('id'))  # type: ignore[arg-type]
    return texts[i]


def _rows(results: Iterable[Mapping[str, Any]], texts: Texts) -> List[Row]:
    out: List[Row] = []
    for i, rec in enumerate(results):
        if not isinstance(rec, Mapping) or 'events' not in rec:
            raise TypeError(f'result {i} is not an extract record (a dict with "events"): {type(rec).__name__}')
        out.extend(event_rows(rec, _text_of(texts, i, rec)))
    return out


def _missing(package: str, kind: str) -> ImportError:
    return ImportError(f'kind={kind!r} needs {package}, which is not installed: pip install {package} '
                       f'(or kind="rows" for plain dicts)')


def arrow_schema() -> Any:
    """The table's pyarrow schema (needs pyarrow)."""
    try:
        import pyarrow as pa
    except ImportError:
        raise _missing('pyarrow', 'arrow') from None
    types = {'str': pa.string(), 'float': pa.float64(), 'bool': pa.bool_(), 'int': pa.int64(),
             'list[str]': pa.list_(pa.string()), 'list[float]': pa.list_(pa.float64())}
    return pa.schema([pa.field(name, types[kind]) for name, kind, _ in COLUMNS])


def events_table(results: Iterable[Mapping[str, Any]], kind: str = 'rows', texts: Texts = None) -> Any:
    """One row per event of `results` (extract records, from this package or JSON Lines of
    `rasad extract`), with the columns of `COLUMNS` (see this module's docstring).

    Parameters:
        results: extract records.
        kind: "rows" (a list of dicts, the default), "pandas" (a DataFrame: text and list columns
            of dtype object holding None where missing, floats Float64, flags boolean, integers
            Int64) or "arrow" (a pyarrow Table of `arrow_schema()`).
        texts: the documents' texts, in the order of `results` or as a dict by id; fills
            `notes` (the event's sentence). Without them `notes` is None.

    Raises:
        ValueError: an unknown kind. TypeError: a result that is not a record.
        ImportError: kind="pandas" without pandas, kind="arrow" without pyarrow.
    """
    if kind not in ('rows', 'pandas', 'arrow'):
        raise ValueError(f'kind must be "rows", "pandas" or "arrow", not {kind!r}')
    if kind == 'pandas':
        try:
            import pandas as pd
        except ImportError:
            raise _missing('pandas', kind) from None
        rows = _rows(results, texts)
        dtypes = {'float': 'Float64', 'bool': 'boolean', 'int': 'Int64'}
        data = {}
        for name, k, _ in COLUMNS:
            values = [r[name] for r in rows]
            data[name] = pd.Series(values, dtype=dtypes.get(k, object))
        return pd.DataFrame(data, columns=list(COLUMN_NAMES))
    if kind == 'arrow':
        schema = arrow_schema()
        import pyarrow as pa
        rows = _rows(results, texts)
        return pa.table({name: [r[name] for r in rows] for name in COLUMN_NAMES}, schema=schema)
    return _rows(results, texts)
