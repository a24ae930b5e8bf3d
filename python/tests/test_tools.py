"""The pipeline's parts, the knowledge base as tables, the HTML display, and the type stubs."""
import os
import shutil
import subprocess
import sys

import pytest

import rasad
from conftest import ARREST, TALKS

PACKAGE = os.path.dirname(rasad.__file__)


def test_kb_lookup_reads_clitics_and_ranks_candidates():
    found = rasad.kb_lookup('بالموصل')
    assert found[0]['kind'] == 'place' and found[0]['name'] == 'Mosul' and found[0]['country'] == 'IRQ'
    iran = rasad.kb_lookup('والإيرانيين')
    assert iran[0]['kind'] == 'actor' and iran[0]['id'] == 'IRN' and iran[0]['type'] == 'state'
    assert all(a['score'] >= b['score'] for a, b in zip(found, found[1:]))
    assert rasad.kb_lookup('كلمةلامعنىلها') == []


def test_quantities_times_and_names():
    q = rasad.parse_quantities('نزح أكثر من ألفي شخص من القرى الحدودية')
    assert len(q) == 1 and q[0]['value'] == 2000 and q[0]['bound'] == 'at_least' and q[0]['unit'] == 'شخص'
    t = rasad.parse_times('وصل الوفد صباح أمس الأحد', published='2023-06-12')
    assert t[0]['value'] == '2023-06-11' and t[0]['precision'] == 'day'
    text = 'استقبل الرئيس اللبناني ميشال عون السفير الفرنسي في قصر بعبدا.'
    names = rasad.ner(text)
    assert all(text[n['start']:n['end']] == n['text'] for n in names)
    assert {'PER', 'LOC'} & {n['label'] for n in names}
    assert rasad.event_types()[-1] == 'ASSAULT' and len(rasad.event_types()) == 16


def test_the_catalogue_and_gazetteer_as_tables():
    actors = rasad.actors()
    assert len(actors) > 100 and len({a['id'] for a in actors}) == len(actors)
    assert {'id', 'name', 'type', 'country', 'ar'} <= set(actors[0])
    places = rasad.places()
    assert any(p['id'] == 'P-HAMA' and p['curated'] for p in places)
    pd = pytest.importorskip('pandas', reason='pandas is not installed (pip install pandas)')
    df = rasad.actors(kind='pandas')
    assert isinstance(df, pd.DataFrame) and len(df) == len(actors)


def test_html_display_marks_spans_and_escapes_the_text():
    text = ARREST + ' <script>alert(1)</script> & "ok"'
    shown = rasad.show(text, rasad.extract(text, published='2022-03-09'))
    html = shown._repr_html_()
    assert '<script>' not in html and '&lt;script&gt;' in html and '&amp;' in html
    assert '<mark' in html and 'COERCE' in html and 'الموصل' in html
    assert rasad.show(TALKS).html.count('<mark') >= 3


def test_the_package_is_typed_and_a_script_checks_with_mypy(tmp_path):
    assert os.path.exists(os.path.join(PACKAGE, 'py.typed'))
    assert os.path.exists(os.path.join(PACKAGE, '_rasad.pyi'))
    if shutil.which('mypy') is None and subprocess.run([sys.executable, '-m', 'mypy', '--version'], capture_output=True).returncode != 0:
        pytest.skip('mypy is not installed (pip install mypy)')
    script = tmp_path / 'use.py'
    script.write_text(
        'import rasad\n'
        'rec = rasad.extract("نص", published="2024-05-10")\n'
        'n: int = rec["events"][0]["trigger"]["start"]\n'
        'for r, ctx in rasad.pipe([("نص", 1)], as_tuples=True):\n'
        '    v: float = r["relevance"]\n'
        'rows = rasad.events_table([rec])\n'
        'bad: str = rec["relevance"]\n', encoding='utf-8')
    res = subprocess.run([sys.executable, '-m', 'mypy', '--no-incremental', '--cache-dir', str(tmp_path / 'cache'), str(script)],
                         capture_output=True, text=True, cwd=str(tmp_path))
    # Exactly the last line is wrong: the stub types the record.
    assert 'use.py:7: error: Incompatible types in assignment (expression has type "float", variable has type "str")' in res.stdout, res.stdout
    assert res.stdout.count('error:') == 1, res.stdout
