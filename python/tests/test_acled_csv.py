"""The ACLED-shaped export (`rasad export events --format acled-csv --excel`) opens as is in
Python's csv module and in pandas, with ACLED's columns first (the Rust test
crates/cli/tests/exports.rs checks the same when it finds a Python with pandas)."""
import csv
import os
import subprocess

import pytest

from conftest import RASAD_BIN, ROOT

ACLED = ['event_id', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
         'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'iso3', 'country',
         'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes',
         'fatalities', 'fatalities_min', 'fatalities_max', 'sources_disagree']


@pytest.mark.skipif(not os.path.exists(RASAD_BIN), reason=f'no release binary at {RASAD_BIN} (cargo build --release)')
def test_acled_csv_opens_in_csv_and_pandas(tmp_path):
    pd = pytest.importorskip('pandas', reason='pandas is not installed (pip install pandas)')
    db, out = str(tmp_path / 'db.sqlite'), str(tmp_path / 'acled.csv')
    subprocess.run([RASAD_BIN, 'ingest', '--db', db, os.path.join(ROOT, 'examples')], check=True, capture_output=True, timeout=120)
    subprocess.run([RASAD_BIN, 'export', 'events', '--db', db, '--format', 'acled-csv', '--excel', '-o', out],
                   check=True, capture_output=True, timeout=120)
    with open(out, 'rb') as f:
        assert f.read(3) == b'\xef\xbb\xbf', '--excel starts the file with a UTF-8 byte-order mark'
    with open(out, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:len(ACLED)] == ACLED
    df = pd.read_csv(out, encoding='utf-8-sig')
    assert list(df.columns[:len(ACLED)]) == ACLED and len(df) == len(rows) >= 30
    days = pd.to_datetime(df['event_date'], format='%Y-%m-%d')
    assert days.notna().all(), 'every example has a publication date, so every row a day'
    assert set(df['time_precision'].astype(int)) <= {1, 2, 3}
    assert set(df['geo_precision'].dropna().astype(int)) <= {1, 2, 3}
    assert df['latitude'].dtype.kind == 'f' and df['fatalities'].dtype.kind == 'f'
    assert (df.loc[df['date_basis'] == 'published', 'time_precision'] == 2).all()
    air = df[df['sub_event_type'] == 'Air/drone strike']
    assert len(air) and (air['event_type'] == 'Explosions/Remote violence').all() and (air['country'] == 'Syria').any()
    assert df['notes'].str.endswith('.').all()
