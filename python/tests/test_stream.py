"""Streams, dates, errors, fork safety and Ctrl-C."""
import datetime as dt
import json
import multiprocessing
import signal
import threading
import time

import pytest

import rasad
from conftest import ARREST, STRIKES, TALKS


def test_pipe_streams_in_order_with_ids_contexts_and_document_fields():
    docs = [{'id': f'd{i}', 'text': t, 'published': '2021-04-12', 'url': f'https://example.org/{i}', 'outlet': 'وكالة', 'title': 'عنوان'}
            for i, t in enumerate([STRIKES, ARREST, TALKS] * 3)]
    got = list(rasad.pipe(iter(docs), batch_size=2))
    assert [r['id'] for r in got] == [d['id'] for d in docs]
    assert got == rasad.extract_batch(docs)
    assert got[1]['url'] == 'https://example.org/1' and got[1]['outlet'] == 'وكالة' and got[1]['title'] == 'عنوان'
    pairs = list(rasad.pipe(((t, {'n': i}) for i, t in enumerate([STRIKES, ARREST])), as_tuples=True))
    assert [c['n'] for _, c in pairs] == [0, 1]
    assert pairs[0][0]['id'] == '0' and pairs[0][0]['events']
    assert 'url' not in pairs[0][0]


def test_pipe_reads_lazily_one_batch_at_a_time():
    pulled = []

    def source():
        for i in range(10):
            pulled.append(i)
            yield ARREST

    stream = rasad.pipe(source(), batch_size=4)
    next(stream)
    assert len(pulled) == 4
    assert len(list(stream)) == 9
    assert len(pulled) == 10


def test_published_forms_keep_the_local_date():
    want = rasad.extract(ARREST, published='2022-03-09')
    assert want['published'] == '2022-03-09'
    for form in ['2022-03-09', ' 2022-03-09 ', dt.date(2022, 3, 9), dt.datetime(2022, 3, 9, 23, 50),
                 dt.datetime(2022, 3, 9, 23, 50, tzinfo=dt.timezone(dt.timedelta(hours=3))),
                 '2022-03-09T23:50:00+03:00', '2022-03-09T01:10:00-05:00', '2022-03-09T23:50:00Z',
                 '2022-03-09 23:50', '2022-03-09T23:50:00.123+0300']:
        assert rasad.extract(ARREST, published=form) == want, form
    # The arrest was on the Monday before publication (a Wednesday).
    assert want['events'][0]['date']['value'] == '2022-03-07'
    assert rasad.extract(ARREST, published='')['published'] is None
    recs = list(rasad.pipe([{'text': ARREST, 'published': dt.datetime(2022, 3, 9, 8)}, ARREST], published='2022-03-10'))
    assert [r['published'] for r in recs] == ['2022-03-09', '2022-03-10']


def test_errors_name_the_document_and_the_field():
    with pytest.raises(rasad.RasadInputError, match=r"^document 0 \(id 'a'\): published: '2022-13-09' is not a date") as e:
        rasad.extract(ARREST, published='2022-13-09', id='a')
    assert (e.value.index, e.value.doc_id, e.value.field) == (0, 'a', 'published')
    with pytest.raises(rasad.RasadInputError, match=r"^document 2 \(id 'x'\): text: expected a str, got int"):
        rasad.extract_batch([ARREST, TALKS, {'id': 'x', 'text': 5}])
    with pytest.raises(rasad.RasadInputError, match=r'^document 1: text: missing'):
        list(rasad.pipe([ARREST, {'published': '2020-01-01'}]))
    with pytest.raises(rasad.RasadInputError, match=r"^document 0 \(id 'u'\): url: expected a str or None, got int"):
        rasad.extract_batch([{'id': 'u', 'text': ARREST, 'url': 3}])
    with pytest.raises(rasad.RasadInputError, match=r'^document 1: published: 1999 is a int, not a date'):
        rasad.extract_batch([ARREST, ARREST], published=['2020-01-01', 1999])
    with pytest.raises(ValueError, match='on_error'):
        list(rasad.pipe([ARREST], on_error='ignore'))


def test_on_error_skip_leaves_out_bad_documents_with_a_warning():
    docs = [ARREST, {'id': 'bad', 'text': ARREST, 'published': 'أمس'}, TALKS, 7]
    with pytest.warns(rasad.RasadWarning) as caught:
        got = list(rasad.pipe(docs, batch_size=2, on_error='skip'))
    assert [r['id'] for r in got] == ['0', '2']
    assert [str(w.message).split(':')[0] for w in caught] == ["document 1 (id 'bad')", 'document 3']


def test_jsonl_lines_are_counted_from_one_and_errors_name_the_field():
    good = json.dumps({'id': 'g', 'text': ARREST, 'published': '2022-03-09', 'outlet': 'صحيفة'}, ensure_ascii=False)
    lines = [good, '', json.dumps({'id': 'p', 'text': ARREST, 'published': '09/03/2022'}), json.dumps({'id': 'n', 'text': 12}),
             '{"id": "broken', json.dumps({'text': ARREST})]
    with pytest.raises(rasad.RasadInputError, match=r"^line 3 \(id 'p'\): published: '09/03/2022' is not a valid YYYY-MM-DD date") as e:
        rasad.extract_jsonl(lines)
    assert (e.value.line, e.value.field) == (3, 'published')
    with pytest.warns(rasad.RasadWarning) as caught:
        got = rasad.extract_jsonl(lines, on_error='skip')
    assert [r['id'] for r in got] == ['g'] and got[0]['outlet'] == 'صحيفة'
    messages = [str(w.message) for w in caught]
    assert messages[1].startswith("line 4 (id 'n'): text: expected a string, got int")
    assert messages[2].startswith('line 5: ') and 'column' in messages[2]
    assert messages[3].startswith('line 6: id: missing')
    assert rasad.extract_jsonl([good.encode('utf-8')]) == got


def _batch_in_child(texts):
    return [len(r['events']) for r in rasad.extract_batch(texts)]


@pytest.mark.skipif('fork' not in multiprocessing.get_all_start_methods(), reason='no fork on this platform')
def test_batches_work_in_processes_forked_after_the_parent_used_them():
    texts = [STRIKES, ARREST, TALKS] * 4
    want = _batch_in_child(texts)  # the parent's pool exists now
    ctx = multiprocessing.get_context('fork')
    with ctx.Pool(2) as pool:
        got = pool.map_async(_batch_in_child, [texts, texts, texts]).get(timeout=120)
    assert got == [want] * 3
    with ctx.Pool(1) as pool:
        pairs = pool.apply_async(lambda_free_pipe, (texts,)).get(timeout=120)
    assert pairs == want


def lambda_free_pipe(texts):
    return [len(r['events']) for r in rasad.pipe(texts, batch_size=5)]


def test_threads_share_the_pool():
    texts = [STRIKES, ARREST, TALKS] * 3
    want = rasad.extract_batch(texts)
    got = [None] * 3

    def work(k):
        got[k] = list(rasad.pipe(texts, batch_size=4))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert got == [want] * 3
    assert rasad.threads() >= 1


@pytest.mark.skipif(not hasattr(signal, 'pthread_kill'), reason='needs POSIX signals')
def test_ctrl_c_stops_within_a_batch():
    texts = [f'{t} {i}' for i in range(200) for t in (STRIKES, ARREST, TALKS)]
    t0 = time.perf_counter()
    rasad.extract_batch(texts)
    one = time.perf_counter() - t0
    big = texts * max(1, min(500, int(8 / one)))  # about 8 s of work
    timer = threading.Timer(0.3, signal.pthread_kill, (threading.main_thread().ident, signal.SIGINT))
    timer.start()
    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        rasad.extract_batch(big)
    took = time.perf_counter() - t0
    timer.join()
    assert took < 0.3 + max(1.0, 3 * one), (took, one, len(big))  # well before the batch's end
    assert len(rasad.extract_batch(texts[:3])) == 3  # the pool goes on
