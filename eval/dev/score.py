#!/usr/bin/env python3
"""Scores extract output on the development set: the shared scorer on the conflict and politics
articles, then false events on the non-conflict articles.

    python3 eval/dev/score.py --gold eval/dev/gold.json --pred PRED.jsonl [--verbose] [--set conflict,politics] [--name NAME]

The last two lines are the figures: the scorer's line (events P, R, F1, args) and the
non-conflict line (events per article).
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(HERE, '..', '..', '..', 'shared')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gold', default=os.path.join(HERE, 'gold.json'))
    ap.add_argument('--pred', required=True)
    ap.add_argument('--set', default='conflict,politics')
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--name', default='development set', help='what the first line calls the set')
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding='utf-8'))
    sets = set(a.set.split(','))
    scored = {k: v for k, v in gold['docs'].items() if v.get('set') in sets}
    non = {k for k, v in gold['docs'].items() if v.get('set') == 'nonconflict'}
    pred = {}
    for line in open(a.pred, encoding='utf-8'):
        if line.strip():
            r = json.loads(line)
            pred[r['id']] = r.get('events') or []
    with tempfile.TemporaryDirectory() as tmp:
        g = os.path.join(tmp, 'gold.json')
        p = os.path.join(tmp, 'pred.jsonl')
        json.dump(dict(gold, docs=scored), open(g, 'w', encoding='utf-8'), ensure_ascii=False)
        with open(p, 'w', encoding='utf-8') as f:
            for k in scored:
                f.write(json.dumps({'id': k, 'events': pred.get(k, [])}, ensure_ascii=False) + '\n')
        cmd = [sys.executable, os.path.join(SHARED, 'eval', 'score_events.py'), '--gold', g, '--pred', p]
        if a.verbose:
            cmd.append('--verbose')
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(out.stderr)
        lines = out.stdout.rstrip('\n').split('\n')
    n_req = sum(1 for d in scored.values() for e in d['events'] if e['required'])
    print(f'{a.name}: {len(scored)} conflict and politics articles ({n_req} required events), {len(non)} non-conflict articles')
    print('\n'.join(lines[:-1]))
    false = {k: len(pred.get(k, [])) for k in non}
    with_events = sorted((k for k, n in false.items() if n), key=lambda k: -false[k])
    if a.verbose:
        for k in with_events:
            types = ', '.join(sorted(e.get('type', '?') for e in pred.get(k, [])))
            print(f'  non-conflict {k}: {false[k]} events ({types})')
    print(lines[-1])
    total = sum(false.values())
    print(f'non-conflict: {total} events in {len(non)} articles ({total / max(len(non), 1):.2f} per article; {len(with_events)} articles with events)')


if __name__ == '__main__':
    main()
