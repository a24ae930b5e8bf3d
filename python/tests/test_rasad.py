"""The Python package: the output contract, spans, batches, threads, and the PySpark example."""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest

import rasad

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
EXAMPLES = sorted(os.path.join(ROOT, 'examples', f) for f in os.listdir(os.path.join(ROOT, 'examples')) if f.endswith('.txt'))
TEXT = 'قصفت طائرات روسية بلدة كفرنبل في ريف إدلب أمس، ما أسفر عن مقتل 12 مدنيا، بحسب المرصد السوري لحقوق الإنسان.'


def spans(v, text, seen):
    if isinstance(v, dict):
        if 'start' in v and 'end' in v and 'text' in v:
            assert text[v['start']:v['end']] == v['text']
            seen.append(v['text'])
        for x in v.values():
            spans(x, text, seen)
    elif isinstance(v, list):
        for x in v:
            spans(x, text, seen)


def test_extract_returns_the_contract_with_spans_that_slice_back():
    rec = rasad.extract(TEXT, published='2019-05-10', id='a')
    assert list(rec) == ['id', 'published', 'relevance', 'entities', 'quantities', 'times', 'events']
    assert json.loads(json.dumps(rec)) == rec
    assert 0.0 <= rec['relevance'] <= 1.0
    assert rec['id'] == 'a' and rec['published'] == '2019-05-10'
    ev = next(e for e in rec['events'] if e['type'] == 'ASSAULT')
    assert ev['date']['value'] == '2019-05-09'
    assert ev['quantity']['value'] == 12
    seen = []
    spans(rec, TEXT, seen)
    assert len(seen) > 5


def test_a_bad_date_is_a_value_error():
    with pytest.raises(ValueError, match='published'):
        rasad.extract(TEXT, published='yesterday')


def test_batch_equals_one_by_one_and_keeps_the_order():
    texts = [open(f, encoding='utf-8').read() for f in EXAMPLES]
    one = [rasad.extract(t, id=str(i)) for i, t in enumerate(texts)]
    assert rasad.extract_batch(texts) == one
    lines = [json.dumps({'id': str(i), 'text': t}, ensure_ascii=False) for i, t in enumerate(texts)]
    assert rasad.extract_jsonl(lines) == one
    with pytest.raises(ValueError, match='^line 2: '):
        rasad.extract_jsonl([lines[0], 'not json'])


def test_batches_run_from_several_threads_at_once():
    texts = [open(f, encoding='utf-8').read() for f in EXAMPLES] * 3
    want = rasad.extract_batch(texts)
    got = [None] * 4

    def work(k):
        got[k] = rasad.extract_batch(texts)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g == want for g in got)


def spark_ready():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return 'pyspark is not installed (pip install pyspark)'
    if not shutil.which('java'):
        return 'no java on PATH'
    return None


@pytest.mark.skipif(spark_ready() is not None, reason=str(spark_ready()))
def test_the_spark_example_writes_every_event_as_parquet(tmp_path):
    lines = [json.dumps({'id': os.path.basename(f), 'text': open(f, encoding='utf-8').read(), 'published': '2024-12-02',
                         'outlet': 'المنفذ', 'url': f'https://example.org/{k}'}, ensure_ascii=False) for k, f in enumerate(EXAMPLES)]
    inp = tmp_path / 'in'
    inp.mkdir()
    for k in range(2):
        (inp / f'part-{k}.jsonl').write_text('\n'.join(lines[k::2]) + '\n', encoding='utf-8')
    recs = rasad.extract_jsonl(lines)
    want = rasad.events_table(recs, texts={r['id']: json.loads(l)['text'] for r, l in zip(recs, lines)})
    out = tmp_path / 'events'
    script = os.path.join(ROOT, 'examples', 'spark', 'rasad_spark.py')
    runs = [('udf', out, [])]
    rasad_bin = os.path.join(ROOT, 'target', 'release', 'rasad')
    if os.path.exists(rasad_bin):
        runs.append(('pipe', tmp_path / 'piped', ['--mode', 'pipe', '--rasad', rasad_bin]))
    for mode, dest, extra in runs:
        res = subprocess.run([sys.executable, script, str(inp), str(dest), '--master', 'local[2]'] + extra, capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr[-3000:]
        assert json.loads(res.stdout.strip().splitlines()[-1])['events'] == len(want), mode
        try:
            import pyarrow.parquet as pq
        except ImportError:
            continue
        got = pq.read_table(str(dest)).to_pylist()
        key = lambda r: r['event_id']  # noqa: E731
        assert sorted(got, key=key) == sorted(want, key=key), mode
    # Raw text instead of JSON Lines: a clear message (checked on the partition function, without
    # starting Spark a third time).
    spec = importlib.util.spec_from_file_location('rasad_spark', script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with pytest.raises(ValueError, match=r'the input is not JSON Lines documents .*line 2: '):
        list(mod.extract_partition([lines[0], 'قصفت طائرات بلدة في ريف إدلب']))
    with pytest.raises(ValueError, match=r'the input is not JSON Lines documents .*line 1 of this partition'):
        list(mod.pipe_partition(rasad_bin)(['قصفت طائرات بلدة في ريف إدلب']))
