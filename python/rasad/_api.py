"""Extraction: one text, a batch, a stream (`pipe`) and JSON Lines, over the extension module.

Documents are given as a text (`str`) or a mapping with `text` and optionally `id`, `published`,
`url`, `outlet`, `title` and `lang` (other keys are ignored). `published` may be a
`YYYY-MM-DD` string, an ISO 8601 date-time with or without a zone (`2024-05-10T23:40:00+03:00`:
the date as written, the local one, is kept), a `datetime.date` or a `datetime.datetime` (its own
date, never converted to UTC); empty or None is no date. A bad document raises `RasadInputError`
naming it (its index and id) and the field.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import json
import re
import warnings
from typing import Any, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Union, cast, overload

from . import _rasad
from .types import Record

DocTuple = Tuple[str, str, Optional[str], Optional[str], Optional[str], Optional[str], Optional[str]]

_ISO = re.compile(
    r'(\d{4})-(\d{2})-(\d{2})'
    r'(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?'
)


class RasadInputError(ValueError):
    """A document that cannot be read: `index` (its position in the input, from 0; for JSON
    Lines, `line` from 1), `doc_id` (when it has one) and `field` (`text`, `published` …)."""

    def __init__(self, message: str, index: Optional[int] = None, doc_id: Optional[str] = None,
                 field: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(message)
        self.index, self.doc_id, self.field, self.line = index, doc_id, field, line


class RasadWarning(UserWarning):
    """A document skipped because of `on_error="skip"`; the message names it."""


def _where(index: int, doc_id: Optional[str]) -> str:
    return f'document {index}' + (f' (id {doc_id!r})' if doc_id is not None else '')


def published_date(value: Any) -> Optional[str]:
    """`value` as `YYYY-MM-DD`, or None for no date (None or blank). Raises ValueError for
    anything else than the forms the module docstring lists."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f'{value!r} is a {type(value).__name__}, not a date '
                         '(str YYYY-MM-DD or ISO 8601, datetime.date, datetime.datetime)')
    s = value.strip()
    if not s:
        return None
    m = _ISO.fullmatch(s)
    if m:
        try:
            _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if m.group(4) is not None:
                _dt.time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
            return s[:10]
        except ValueError:
            pass
    raise ValueError(f'{value!r} is not a date (YYYY-MM-DD, or ISO 8601 such as 2024-05-10T14:30:00+03:00)')


def _opt_str(value: Any, field: str, where: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    raise RasadInputError(f'{where}: {field}: expected a str or None, got {type(value).__name__}', field=field)


def doc_tuple(item: Any, index: int, published: Any = None, doc_id: Optional[str] = None) -> DocTuple:
    """One input document as the extension takes it; `published` and `doc_id` are the defaults
    for a document that has none. Raises RasadInputError naming the document and the field."""
    if isinstance(item, str):
        text, fields = item, {}
    elif isinstance(item, Mapping):
        fields = item
        text = item.get('text')
        if 'id' in item and item['id'] is not None:
            doc_id = item['id'] if isinstance(item['id'], str) else str(item['id'])
        if item.get('published') is not None:
            published = item['published']
    else:
        raise RasadInputError(f'{_where(index, doc_id)}: expected a text (str) or a dict with "text", '
                              f'got {type(item).__name__}', index, doc_id, 'text')
    where = _where(index, doc_id)
    if not isinstance(text, str):
        problem = 'missing' if text is None else f'expected a str, got {type(text).__name__}'
        raise RasadInputError(f'{where}: text: {problem}', index, doc_id, 'text')
    try:
        day = published_date(published)
    except ValueError as e:
        raise RasadInputError(f'{where}: published: {e}', index, doc_id, 'published') from None
    extra = []
    for field in ('url', 'outlet', 'title', 'lang'):
        try:
            extra.append(_opt_str(fields.get(field), field, where))
        except RasadInputError as e:
            e.index, e.doc_id = index, doc_id
            raise
    return (doc_id if doc_id is not None else str(index), text, day, extra[0], extra[1], extra[2], extra[3])


def extract(text: str, published: Any = None, id: Optional[str] = None, url: Optional[str] = None,
            outlet: Optional[str] = None, title: Optional[str] = None, lang: Optional[str] = None) -> Record:
    """Entities, quantities, times and events of one text: a record of the output contract
    (docs/output.md; typed as `rasad.types.Record`), with `url`, `outlet` and `title` when given.

    Parameters:
        text: the document. Spans are code-point offsets into it: `text[start:end] == value["text"]`.
        published: publication date (see the module docstring); relative times resolve against it.
            Without one, Rasad looks for one in the text.
        id: the record's id ("doc" by default). url, outlet, title: carried into the record.
        lang: the text's language when known (`ar`, `fa` …); only Arabic gives events.

    Raises:
        RasadInputError (a ValueError): a text that is not a str, or a bad date.
    """
    doc = {'text': text, 'id': 'doc' if id is None else id, 'published': published,
           'url': url, 'outlet': outlet, 'title': title, 'lang': lang}
    return cast(Record, _rasad.extract_docs([doc_tuple(doc, 0)])[0])


def _published_for(published: Any, n: int) -> List[Any]:
    if isinstance(published, (list, tuple)):
        if len(published) != n:
            raise ValueError(f'published has {len(published)} dates for {n} texts')
        return list(published)
    return [published] * n


def extract_batch(texts: Sequence[Any], published: Any = None, ids: Optional[Sequence[str]] = None) -> List[Record]:
    """Extracts from many documents in parallel on every core, without the GIL; records in input
    order. Holds every record at once: for large inputs use `pipe`.

    Parameters:
        texts: texts, or mappings with `text` and optionally `id`, `published`, `url`, `outlet`,
            `title`, `lang`.
        published: one date for every document, or a list of one per document (a document's own
            `published` wins).
        ids: one id per document (default: its index as a str, or its own `id`).

    Raises:
        RasadInputError: the first bad document, by index, id and field.
        ValueError: `ids` or `published` of another length than `texts`.
    """
    texts = list(texts)
    if ids is not None and len(ids) != len(texts):
        raise ValueError(f'ids has {len(ids)} ids for {len(texts)} texts')
    dates = _published_for(published, len(texts))
    docs = [doc_tuple(t, i, dates[i], None if ids is None else ids[i]) for i, t in enumerate(texts)]
    return cast(List[Record], _rasad.extract_docs(docs))


def _check_on_error(on_error: str) -> None:
    if on_error not in ('raise', 'skip'):
        raise ValueError(f'on_error must be "raise" or "skip", not {on_error!r}')


@overload
def pipe(docs: Iterable[Any], batch_size: int = ..., as_tuples: Literal[False] = ..., on_error: str = ...,
         published: Any = ...) -> Iterator[Record]: ...


@overload
def pipe(docs: Iterable[Tuple[Any, Any]], batch_size: int = ..., *, as_tuples: Literal[True], on_error: str = ...,
         published: Any = ...) -> Iterator[Tuple[Record, Any]]: ...


def pipe(docs: Iterable[Any], batch_size: int = 256, as_tuples: bool = False, on_error: str = 'raise',
         published: Any = None) -> Iterator[Any]:
    """Yields the record of each document as a stream, in input order, reading `batch_size`
    documents at a time (in parallel, without the GIL): memory stays that of one batch, a
    progress bar over `docs` (tqdm) advances batch by batch, and Ctrl-C stops within a batch.

    Parameters:
        docs: an iterable of texts or mappings (see `extract_batch`); read lazily.
        batch_size: documents per batch (at least 1).
        as_tuples: items are `(doc, context)` pairs and `(record, context)` pairs come out, the
            context untouched (as spaCy's `nlp.pipe`).
        on_error: "raise" (the default) raises RasadInputError for a bad document; "skip" leaves
            it out with a RasadWarning naming it.
        published: the date of documents that have none.

    Raises:
        RasadInputError: a bad document, with on_error="raise". ValueError: a bad argument.
        KeyboardInterrupt: Ctrl-C, within the batch being read.
    """
    _check_on_error(on_error)
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f'batch_size must be a positive int, not {batch_size!r}')
    it = iter(docs)
    index = 0
    while True:
        chunk = list(itertools.islice(it, batch_size))
        if not chunk:
            return
        tuples: List[DocTuple] = []
        contexts: List[Any] = []
        for item in chunk:
            context = None
            if as_tuples:
                if not (isinstance(item, tuple) and len(item) == 2):
                    err = RasadInputError(f'{_where(index, None)}: with as_tuples=True, expected a (doc, context) '
                                          f'pair, got {type(item).__name__}', index, None, 'doc')
                    _fail(err, on_error)
                    index += 1
                    continue
                item, context = item
            try:
                tuples.append(doc_tuple(item, index, published))
                contexts.append(context)
            except RasadInputError as err:
                _fail(err, on_error)
            index += 1
        if not tuples:
            continue
        records = _rasad.extract_docs(tuples)
        if as_tuples:
            yield from zip(records, contexts)
        else:
            yield from records


def _fail(err: RasadInputError, on_error: str) -> None:
    if on_error == 'raise':
        raise err
    warnings.warn(f'{err}; skipped', RasadWarning, stacklevel=3)


def extract_jsonl(lines: Iterable[Union[str, bytes]], on_error: str = 'raise', batch_size: int = 1024) -> List[Record]:
    """Extracts from JSON Lines documents (`{"id", "text", "published"?, "url"?, "outlet"?,
    "title"?, "lang"?}` a line, as `rasad extract --input jsonl` reads them; an open file works),
    in parallel without the GIL; blank lines are passed over. `published` here is `YYYY-MM-DD`.

    Parameters:
        lines: the lines (str or UTF-8 bytes), read in batches of `batch_size`.
        on_error: "raise" raises RasadInputError for a line that is not such a document, naming
            its line number (from 1, blank lines counted) and what is wrong; "skip" leaves it out
            with a RasadWarning.

    Returns the records in input order (`url`, `outlet`, `title` carried in when present).
    """
    return list(pipe_jsonl(lines, on_error=on_error, batch_size=batch_size))


def pipe_jsonl(lines: Iterable[Union[str, bytes]], on_error: str = 'raise', batch_size: int = 256) -> Iterator[Record]:
    """`extract_jsonl` as a stream: yields each record, reading `batch_size` lines at a time."""
    _check_on_error(on_error)
    numbered = enumerate(lines, start=1)
    while True:
        chunk = list(itertools.islice(numbered, batch_size))
        if not chunk:
            return
        kept: List[Tuple[int, str]] = []
        for n, line in chunk:
            if isinstance(line, bytes):
                try:
                    line = line.decode('utf-8')
                except UnicodeDecodeError as e:
                    _fail(RasadInputError(f'line {n}: not UTF-8 ({e.reason} at byte {e.start})', line=n), on_error)
                    continue
            if not isinstance(line, str):
                _fail(RasadInputError(f'line {n}: expected a str, got {type(line).__name__}', line=n), on_error)
                continue
            if line.strip():
                kept.append((n, line))
        if not kept:
            continue
        out = _rasad.extract_jsonl_lines(kept)
        for (n, line), rec in zip(kept, out):
            if isinstance(rec, str):
                _fail(_jsonl_error(n, line, rec), on_error)
            else:
                yield cast(Record, rec)


def _jsonl_error(n: int, line: str, message: str) -> RasadInputError:
    """A precise error for a JSON Lines document the extension refused with `message`: which
    field is wrong, and the document's id (JSON's own message only gives a column)."""
    try:
        doc = json.loads(line)
    except ValueError:
        return RasadInputError(f'{message} (not JSON)', line=n)
    if not isinstance(doc, dict):
        return RasadInputError(f'line {n}: expected a JSON object {{"id", "text", …}}, got {type(doc).__name__}', line=n)
    doc_id = doc.get('id') if isinstance(doc.get('id'), str) else None
    where = f'line {n}' + (f' (id {doc_id!r})' if doc_id is not None else '')
    for field in ('id', 'text'):
        if not isinstance(doc.get(field), str):
            problem = 'missing' if doc.get(field) is None else f'expected a string, got {type(doc[field]).__name__}'
            return RasadInputError(f'{where}: {field}: {problem}', doc_id=doc_id, field=field, line=n)
    for field in ('published', 'url', 'outlet', 'title', 'lang', 'date_source'):
        v = doc.get(field)
        if v is not None and not isinstance(v, str):
            return RasadInputError(f'{where}: {field}: expected a string or null, got {type(v).__name__}',
                                   doc_id=doc_id, field=field, line=n)
    if 'published' in message:
        return RasadInputError(f'{where}: published: {doc.get("published")!r} is not a valid YYYY-MM-DD date',
                               doc_id=doc_id, field='published', line=n)
    return RasadInputError(f'{where}: {message.split(": ", 1)[-1]}', doc_id=doc_id, line=n)
