#!/usr/bin/env python3
"""Rasad's quantity and time parsers side by side with Python peers, on the same cases, in one run.

    python3 bench/peers/run.py [--rasad target/release/rasad] [--out bench/peers/results.md]

Creates bench/peers/.venv on first use and pip-installs the peers (pinned below) into it, then
runs every case of crates/numtime/data/quantities.tsv and times.tsv through each system that can
read it, and prints accuracy per category and throughput (cases per second, parsing only: process
start and imports are not timed, for any system; `rasad parse --repeat` makes one untimed pass
first, which fills its per-thread word memos as any long run has them, just as a peer's best round
comes after its first). Throughput is each system's best of ROUNDS
rounds, the rounds interleaved (Rasad, then each peer, then again), so that the shared machine's
speed drifting during a run slows every system alike instead of skewing the ratio.

How peers are read (generous to them):
- pyarabic: number phrases found by extract_number_phrases, valued by text2number; failing that,
  the first digit string of the text.
- arabic-itn: normalize() turns spoken numbers into digits; the first number in its output.
  For times, a date written in its output (YYYY-MM-DD, DD/MM/YYYY) is taken.
- dateparser: search_dates(languages=['ar'], RELATIVE_BASE = the publication date,
  PREFER_DATES_FROM = past); the first date, compared at the precision the case expects.
Quantities are scored on the value for every system; in the `modifiers` category, whose cases
exist to test "about", "more than", "at most" and ranges, on the value and that bound (a peer gives
a bare number, read as exact, so it scores there only on cases without a modifier). The value-only
figure for that category is printed beside. Rasad's bound and unit accuracy on all cases is
reported too.
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
VENV = os.path.join(HERE, '.venv')
PEERS = ['pyarabic==0.6.15', 'arabic-itn==0.1.0', 'dateparser==1.5.0']
REPEAT = 20
ROUNDS = 5


def ensure_venv():
    py = os.path.join(VENV, 'bin', 'python3')
    if os.path.abspath(sys.executable) == os.path.abspath(py):
        return
    if not os.path.exists(py):
        subprocess.run([sys.executable, '-m', 'venv', VENV], check=True)
        subprocess.run([py, '-m', 'pip', 'install', '-q', *PEERS], check=True)
    os.execv(py, [py, *sys.argv])


def load(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        rows.append(line.rstrip('\n').split('\t'))
    return rows


NUM_RE = re.compile(r'\d+(?:[.,]\d+)*')
AR_DIGITS = str.maketrans('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫', '01234567890123456789,.')


def first_number(s):
    m = NUM_RE.search(s.translate(AR_DIGITS))
    if not m:
        return None
    t = m.group(0)
    t = t.replace(',', '') if re.fullmatch(r'\d{1,3}(,\d{3})+', t) else t.replace(',', '.')
    try:
        return float(t)
    except ValueError:
        return None


def timed(fn, items):
    t0 = time.perf_counter()
    for _ in range(REPEAT):
        out = [fn(x) for x in items]
    secs = time.perf_counter() - t0
    return out, len(items) * REPEAT / secs


def run_rasad(rasad, what, path):
    p = subprocess.run([rasad, 'parse', what, '--cases', path, '--repeat', str(REPEAT * 5)], capture_output=True, text=True, check=True)
    found = [json.loads(l)['found'] for l in p.stdout.splitlines() if l.strip()]
    rate = json.loads(p.stderr.strip().splitlines()[-1])['per_second']
    return found, rate


def race(systems):
    """Runs every system ROUNDS times, interleaved; per system, the (values, rate) of its fastest round."""
    best = {}
    for _ in range(ROUNDS):
        for name, run in systems.items():
            vals, rate = run()
            if name not in best or rate > best[name][1]:
                best[name] = (vals, rate)
    return best


def score(cats, preds, ok):
    per = {}
    for c, p, case in zip(cats, preds, range(len(cats))):
        a = per.setdefault(c, [0, 0])
        a[1] += 1
        a[0] += 1 if ok(case, p) else 0
    total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    per['ALL'] = total
    return per


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rasad', default=os.path.join(ROOT, 'target', 'release', 'rasad'))
    ap.add_argument('--out', default=os.path.join(HERE, 'results.md'))
    a = ap.parse_args()
    import dateparser.search
    import pyarabic.number as pn
    import arabic_itn

    qpath = os.path.join(ROOT, 'crates', 'numtime', 'data', 'quantities.tsv')
    tpath = os.path.join(ROOT, 'crates', 'numtime', 'data', 'times.tsv')
    qrows, trows = load(qpath), load(tpath)

    # ---------------------------------------------------------------- quantities
    qtexts = [r[1] for r in qrows]
    qcats = [r[0] for r in qrows]
    want = [None if r[2] == '-' else float(r[2]) for r in qrows]

    def pyarabic_q(text):
        try:
            for ph in pn.extract_number_phrases(text) or []:
                v = pn.text2number(ph)
                if v:
                    return float(v)
        except Exception:
            pass
        return first_number(text)

    def itn_text(text):
        r = arabic_itn.normalize(text)
        return r['text'] if isinstance(r, dict) else r

    def itn_q(text):
        try:
            return first_number(itn_text(text))
        except Exception:
            return None

    q_runs = race({
        'Rasad': lambda: run_rasad(a.rasad, 'quantities', qpath),
        'pyarabic': lambda: timed(pyarabic_q, qtexts),
        'arabic-itn': lambda: timed(itn_q, qtexts),
    })
    r_found, r_rate = q_runs['Rasad']
    r_vals = [(f[0]['value'], (f[0]['bound'], f[0]['approx'])) if f else None for f in r_found]
    py_vals, py_rate = q_runs['pyarabic']
    itn_vals, itn_rate = q_runs['arabic-itn']
    # A peer's bare number claims an exact value.
    py_vals = [None if v is None else (v, ('exact', False)) for v in py_vals]
    itn_vals = [None if v is None else (v, ('exact', False)) for v in itn_vals]

    def want_bound(i):
        r = qrows[i]
        return {'approx': ('exact', True), 'exact': ('exact', False)}.get(r[3], (r[3], None))

    def value_only_ok(i, p):
        w = want[i]
        return p is None if w is None else (p is not None and abs(p[0] - w) < 1e-6)

    def val_ok(i, p):
        if not value_only_ok(i, p):
            return False
        if p is None or qcats[i] != 'modifiers':
            return True
        b, approx = want_bound(i)
        return p[1][0] == b and (approx is None or p[1][1] == approx)

    q_systems = {'Rasad': (r_vals, r_rate), 'pyarabic': (py_vals, py_rate), 'arabic-itn': (itn_vals, itn_rate)}
    q_scores = {k: score(qcats, v[0], val_ok) for k, v in q_systems.items()}
    mod_value_only = {k: sum(value_only_ok(i, p) for i, p in enumerate(v[0]) if qcats[i] == 'modifiers') for k, v in q_systems.items()}
    full_ok = 0
    for i, (r, f) in enumerate(zip(qrows, r_found)):
        if r[2] == '-':
            full_ok += not f
            continue
        q = f[0] if f else None
        bound = {'approx': ('exact', True), 'exact': ('exact', False)}.get(r[3], (r[3], None))
        full_ok += bool(q and abs(q['value'] - float(r[2])) < 1e-6 and q['bound'] == bound[0] and (bound[1] is None or q['approx'] == bound[1])
                        and (r[4] == '-' or q.get('unit') == r[4]))

    # ---------------------------------------------------------------- times
    ttexts = [r[1] for r in trows]
    tcats = [r[0] for r in trows]
    tpub = [dt.datetime.fromisoformat(r[2]) for r in trows]
    twant = [None if r[3] == '-' else r[3] for r in trows]

    def dp_t(i):
        try:
            res = dateparser.search.search_dates(ttexts[i], languages=['ar'],
                                                 settings={'RELATIVE_BASE': tpub[i], 'PREFER_DATES_FROM': 'past'})
        except Exception:
            return None
        return res[0][1].date().isoformat() if res else None

    DATE_RE = re.compile(r'(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})')

    def itn_t(i):
        try:
            s = itn_text(ttexts[i]).translate(AR_DIGITS)
        except Exception:
            return None
        m = DATE_RE.search(s)
        if not m:
            return None
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            return None

    t_runs = race({
        'Rasad': lambda: run_rasad(a.rasad, 'times', tpath),
        'dateparser': lambda: timed(dp_t, range(len(trows))),
        'arabic-itn': lambda: timed(itn_t, range(len(trows))),
    })
    rt_found, rt_rate = t_runs['Rasad']
    rt_vals = [f[0].get('value') if f else None for f in rt_found]
    dp_vals, dp_rate = t_runs['dateparser']
    it_vals, it_rate = t_runs['arabic-itn']

    def time_ok(i, v):
        w = twant[i]
        if w is None:
            return v is None
        return v is not None and v[:len(w)] == w if len(w) < 10 else v == w

    t_systems = {'Rasad': (rt_vals, rt_rate), 'dateparser': (dp_vals, dp_rate), 'arabic-itn': (it_vals, it_rate)}
    t_scores = {k: score(tcats, v[0], time_ok) for k, v in t_systems.items()}

    # ---------------------------------------------------------------- report
    lines = []

    def table(title, scores, systems):
        cats = [c for c in scores['Rasad'] if c != 'ALL'] + ['ALL']
        names = list(systems)
        lines.append(f"### {title}\n")
        lines.append('| category | cases | ' + ' | '.join(names) + ' |')
        lines.append('|---|---|' + '---|' * len(names))
        for c in cats:
            n = scores['Rasad'][c][1]
            cells = [f"{100 * scores[k][c][0] / n:.1f}%" for k in names]
            lines.append(f"| {c} | {n} | " + ' | '.join(cells) + ' |')
        rates = ' | '.join(f"{systems[k][1]:,.0f}" for k in names)
        lines.append(f"| cases per second (best of {ROUNDS} interleaved rounds) | | {rates} |")
        fastest_peer = max(systems[k][1] for k in names if k != 'Rasad')
        lines.append(f"\nRasad is {systems['Rasad'][1] / fastest_peer:,.0f}× the fastest peer.\n")

    table('Quantities (value; in `modifiers`, value and bound)', q_scores, q_systems)
    n_mod = sum(c == 'modifiers' for c in qcats)
    lines.append('`modifiers` on the value alone: ' + ', '.join(f"{k} {100 * v / n_mod:.1f}%" for k, v in mod_value_only.items()) + '.\n')
    lines.append(f"Rasad value, bound and unit all right: {full_ok}/{len(qrows)} ({100 * full_ok / len(qrows):.1f}%).\n")
    table('Times (value at the expected precision)', t_scores, t_systems)
    text = '\n'.join(lines)
    print(text)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(f"<!-- written by bench/peers/run.py on {dt.date.today().isoformat()}; peers: {', '.join(PEERS)} -->\n\n{text}\n")


if __name__ == '__main__':
    ensure_venv()
    main()
