"""A record shown over its text as HTML: every entity, quantity, time and event trigger marked
where it stands (Jupyter shows `show(text, record)` by itself). Text is escaped, so a document
holding markup shows it as text."""
from __future__ import annotations

import html
from typing import Any, Dict, List, Mapping, Optional, Tuple

# (CSS background, label) by kind of span.
_STYLES: Dict[str, str] = {
    'PER': '#fde68a', 'ORG': '#bfdbfe', 'LOC': '#bbf7d0', 'MISC': '#e9d5ff',
    'QUANTITY': '#fed7aa', 'TIME': '#a5f3fc', 'EVENT': '#fecaca',
}


def _spans(record: Mapping[str, Any]) -> List[Tuple[int, int, str, str]]:
    """(start, end, kind, tooltip) of every value, in text order; overlaps are dropped in favour
    of the earlier, longer span (a trigger inside an entity shows as the entity)."""
    found: List[Tuple[int, int, str, str]] = []
    for e in record.get('entities') or ():
        tip = ' '.join(str(x) for x in (e.get('label'), e.get('name'), e.get('id')) if x)
        found.append((e['start'], e['end'], e.get('label') or 'MISC', tip))
    for q in record.get('quantities') or ():
        tip = ' '.join(str(x) for x in ('quantity', q.get('value'), q.get('unit')) if x is not None)
        found.append((q['start'], q['end'], 'QUANTITY', tip))
    for t in record.get('times') or ():
        found.append((t['start'], t['end'], 'TIME', ' '.join(str(x) for x in ('time', t.get('value'), t.get('precision')) if x)))
    for ev in record.get('events') or ():
        tr = ev.get('trigger') or {}
        if 'start' in tr:
            tip = ' '.join(str(x) for x in (ev.get('type'), ev.get('mode'), ev.get('status')) if x)
            found.append((tr['start'], tr['end'], 'EVENT', tip))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: List[Tuple[int, int, str, str]] = []
    for s in found:
        if s[1] > s[0] and (not kept or s[0] >= kept[-1][1]):
            kept.append(s)
    return kept


def to_html(text: str, record: Mapping[str, Any]) -> str:
    """The text as right-to-left HTML with the record's spans marked (a tooltip tells what each
    is), then one line per event."""
    out = ['<div dir="rtl" lang="ar" style="line-height:2.2;font-size:1.05em">']
    pos = 0
    for start, end, kind, tip in _spans(record):
        if start < pos or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        label = 'EVENT' if kind == 'EVENT' else kind
        out.append(f'<mark style="background:{_STYLES.get(kind, "#eee")};padding:0.1em 0.25em;border-radius:0.3em" '
                   f'title="{html.escape(tip)}">{html.escape(text[start:end])}'
                   f'<sub style="font-size:0.65em;margin-inline-start:0.3em">{html.escape(label)}</sub></mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    out.append('</div>')
    events = record.get('events') or []
    if events:
        out.append('<ol dir="ltr" style="font-size:0.9em">')
        for ev in events:
            def names(key: str) -> str:
                return ', '.join(a.get('name') or a.get('text') or '' for a in ev.get(key) or []) or '-'
            date = (ev.get('date') or {}).get('value') or '-'
            out.append(f'<li><b>{html.escape(str(ev.get("type")))}</b> [{html.escape(str(ev.get("status")))}] '
                       f'actors: {html.escape(names("actors"))}; targets: {html.escape(names("targets"))}; '
                       f'places: {html.escape(names("places"))}; date: {html.escape(date)}</li>')
        out.append('</ol>')
    return ''.join(out)


class Shown:
    """What `show` returns: Jupyter displays it; `.html` is the markup."""

    def __init__(self, text: str, record: Mapping[str, Any]) -> None:
        self.html = to_html(text, record)

    def _repr_html_(self) -> str:
        return self.html


def show(text: str, record: Optional[Mapping[str, Any]] = None) -> Shown:
    """The record of `text` (extracted now when not given) shown with its spans highlighted."""
    if record is None:
        from ._api import extract
        record = extract(text)
    return Shown(text, record)
