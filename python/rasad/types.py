"""The record's types (docs/output.md) as TypedDicts, for type checkers and editors; at run time
records are plain dicts. A key typed `NotRequired`-like (in a `total=False` base) is absent when
the value is unknown, as in the JSON of `rasad extract`."""
from __future__ import annotations

from typing import List, Literal, Optional, TypedDict

Label = Literal['PER', 'ORG', 'LOC', 'MISC']
Precision = Literal['year', 'month', 'week', 'day']
Bound = Literal['exact', 'at_least', 'at_most', 'range']
GeoPrecision = Literal['exact', 'admin', 'country']
Status = Literal['reported', 'claimed', 'planned', 'denied', 'negated']
EventType = Literal['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
                    'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']


class Span(TypedDict):
    """A piece of the text: `text == document[start:end]` (code points)."""
    text: str
    start: int
    end: int


class SentenceSpan(TypedDict):
    start: int
    end: int


class _LinkFields(TypedDict, total=False):
    id: str
    name: str
    lat: float
    lon: float
    geo_precision: GeoPrecision


class Arg(Span, _LinkFields):
    """An actor, target or place; the link fields only when linked."""


class _EntityLabel(TypedDict):
    label: Label


class Entity(Span, _LinkFields, _EntityLabel):
    """A name in the text with its label, linked or not."""


class _QuantityOptional(TypedDict, total=False):
    min: float
    max: float
    unit: str


class Quantity(Span, _QuantityOptional):
    value: float
    approx: bool
    bound: Bound


class _TimeOptional(TypedDict, total=False):
    value: str
    precision: Precision
    start_date: str
    end_date: str


class Time(Span, _TimeOptional):
    """A time expression; `value` is YYYY, YYYY-MM or YYYY-MM-DD when it resolves."""


class _SourceOptional(TypedDict, total=False):
    name: str
    id: str


class Source(Span, _SourceOptional):
    """Who reports an event."""


class Mention(TypedDict):
    trigger: Span
    sentence: SentenceSpan


class _EventOptional(TypedDict, total=False):
    mode: str
    fatalities: float
    background: bool


class Event(_EventOptional):
    type: EventType
    trigger: Span
    sentence: SentenceSpan
    actors: List[Arg]
    targets: List[Arg]
    places: List[Arg]
    date: Optional[Time]
    quantity: Optional[Quantity]
    source: Optional[Source]
    status: Status
    confidence: float
    mentions: List[Mention]


class _RecordOptional(TypedDict, total=False):
    url: str
    outlet: str
    title: str


class Record(_RecordOptional):
    """One document's record: what `extract`, `extract_batch`, `pipe` and `extract_jsonl` give."""
    id: str
    published: Optional[str]
    relevance: float
    entities: List[Entity]
    quantities: List[Quantity]
    times: List[Time]
    events: List[Event]
