"""The event table: the export's columns, every argument kept, None for missing values."""
import csv
import io
import json
import os
import subprocess

import pytest

import rasad
from conftest import ARREST, RASAD_BIN, STRIKES, TALKS

DOCS = [
    {'id': 't1', 'text': STRIKES, 'published': '2021-04-12', 'outlet': 'وكالة تجريبية', 'url': 'https://example.org/a', 'title': 'غارات على الشمال'},
    {'id': 't2', 'text': ARREST, 'published': '2022-03-09', 'outlet': 'صحيفة المثال'},
    {'id': 't3', 'text': TALKS, 'published': '2023-01-17'},
]


def test_rows_keep_every_argument_and_fill_missing_with_none():
    recs = rasad.extract_batch(DOCS)
    rows = rasad.events_table(recs, texts=[d['text'] for d in DOCS])
    assert rows and all(list(r) == list(rasad.COLUMN_NAMES) for r in rows)
    n_events = sum(len(r['events']) for r in recs)
    assert len(rows) == n_events
    for rec in recs:
        mine = [r for r in rows if r['doc_id'] == rec['id']]
        for k, (e, row) in enumerate(zip(rec['events'], mine)):
            assert row['event_id'] == f"{rec['id']}-{k}"
            assert row['actors'] == [a.get('name') or a['text'] for a in e['actors']]
            assert row['targets'] == [a.get('name') or a['text'] for a in e['targets']]
            assert row['place_ids'] == [p.get('id') for p in e['places']]
            assert len(row['place_lats']) == len(e['places'])
            text = next(d['text'] for d in DOCS if d['id'] == rec['id'])
            assert row['sentence'] == text[e['sentence']['start']:e['sentence']['end']]
    several = [r for r in rows if len(r['places']) > 1]
    assert several, 'the strikes sentence names three cities'
    row = rows[0]
    assert row['outlet'] == 'وكالة تجريبية' and row['url'] == 'https://example.org/a'
    assert row['story'] is None and row['independent_sources'] is None
    talks = [r for r in rows if r['doc_id'] == 't3']
    assert all(r['url'] is None and r['title'] is None for r in talks)
    for r in rows:
        assert r['date_first'] is None or len(r['date_first']) == 10
    assert rasad.events_table(recs)[0]['sentence'] is None
    with pytest.raises(ValueError, match='kind'):
        rasad.events_table(recs, kind='excel')
    with pytest.raises(TypeError, match='result 0'):
        rasad.events_table(['not a record'])


def test_dates_of_every_precision_give_whole_days():
    rec = {'id': 'x', 'published': None, 'events': [
        {'type': 'ASSAULT', 'status': 'reported', 'actors': [], 'targets': [], 'places': [], 'trigger': None,
         'sentence': {'start': 0, 'end': 0}, 'confidence': 0.5, 'quantity': None, 'source': None,
         'date': {'text': 'ت', 'start': 0, 'end': 1, 'value': v, 'precision': p}}
        for v, p in [('2024', 'year'), ('2024-02', 'month'), ('2024-02-05', 'day')]]}
    rows = rasad.events_table([rec])
    assert [(r['date_first'], r['date_last']) for r in rows] == [
        ('2024-01-01', '2024-12-31'), ('2024-02-01', '2024-02-29'), ('2024-02-05', '2024-02-05')]
    assert [r['event_date'] for r in rows] == ['2024', '2024-02', '2024-02-05']
    assert rows[0]['trigger_span'] is None and rows[0]['background'] is False


def _csv_cell(v):
    if v is None:
        return ''
    if isinstance(v, bool):
        return 'true' if v else 'false'
    return str(v)


@pytest.mark.skipif(not os.path.exists(RASAD_BIN), reason=f'no release binary at {RASAD_BIN} (cargo build --release)')
def test_the_columns_and_values_are_those_of_the_csv_export(tmp_path):
    inp = tmp_path / 'in.jsonl'
    inp.write_text(''.join(json.dumps(d, ensure_ascii=False) + '\n' for d in DOCS), encoding='utf-8')
    db = str(tmp_path / 'db.sqlite')
    subprocess.run([RASAD_BIN, 'ingest', '--db', db, str(inp)], check=True, capture_output=True, timeout=120)
    out = subprocess.run([RASAD_BIN, 'export', 'events', '--db', db, '--format', 'csv'], check=True, capture_output=True, timeout=120)
    exported = list(csv.DictReader(io.StringIO(out.stdout.decode('utf-8'))))
    header = out.stdout.decode('utf-8').splitlines()[0].split(',')
    assert header == [c[0] for c in rasad.EXPORT_COLUMNS]
    rows = rasad.events_table(rasad.extract_jsonl(open(inp, encoding='utf-8')), texts={d['id']: d['text'] for d in DOCS})
    assert len(rows) == len(exported)
    store_only = {'event_id', 'doc_id', 'story', 'independent_sources', 'notes', 'fatalities_min', 'fatalities_max', 'sources_disagree'}
    key = lambda r: (r['title'] or '', r['trigger_span'])  # noqa: E731
    for mine, theirs in zip(sorted(rows, key=key), sorted(exported, key=key)):
        for name in header:
            if name not in store_only:
                assert _csv_cell(mine[name]) == theirs[name], (name, mine, theirs)


def test_pandas_and_arrow_tables_have_the_schema():
    pd = pytest.importorskip('pandas', reason='pandas is not installed (pip install pandas)')
    recs = rasad.extract_batch(DOCS)
    df = rasad.events_table(recs, kind='pandas')
    assert list(df.columns) == list(rasad.COLUMN_NAMES)
    assert len(df) == sum(len(r['events']) for r in recs)
    assert str(df['latitude'].dtype) == 'Float64' and str(df['background'].dtype) == 'boolean'
    assert df['story'].isna().all() and df['title'].iloc[-1] is None
    assert pd.to_datetime(df['date_first']).notna().sum() == df['date_first'].notna().sum()
    assert rasad.events_table([], kind='pandas').shape == (0, len(rasad.COLUMN_NAMES))
    pa = pytest.importorskip('pyarrow', reason='pyarrow is not installed (pip install pyarrow)')
    t = rasad.events_table(recs, kind='arrow')
    assert t.schema == rasad.arrow_schema() and t.num_rows == len(df)
    assert t.schema.field('places').type == pa.list_(pa.string())
    assert t.column('places').to_pylist() == df['places'].tolist()
