#!/usr/bin/env python3
"""Shows the development set's errors with their text, for reading (never for copying into rules).

    python3 eval/dev/inspect.py PRED.jsonl [--doc ID] [--kind missed,false,args,nonconflict]

For each article: missed required events (their region and the system events there), false
events (trigger and sentence), wrong arguments (gold aliases against what was found), and the
events found in non-conflict articles.
"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.environ.get('RASAD_SHARED') or os.path.join(HERE, '..', '..', '..', 'shared'), 'eval'))
sys.path.insert(0, HERE)
import devset  # noqa: E402
from score_events import alias_hit, arg_scores, as_list, overlaps, span_of  # noqa: E402


def short(t, n=160):
    t = t.replace('\n', ' ')
    return t if len(t) <= n else t[:n] + '…'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('pred')
    ap.add_argument('--doc')
    ap.add_argument('--kind', default='missed,false,args,nonconflict')
    a = ap.parse_args()
    kinds = set(a.kind.split(','))
    gold = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))['docs']
    rows = {r['id']: r for r in devset.articles()}
    pred = {}
    for line in open(a.pred, encoding='utf-8'):
        r = json.loads(line)
        pred[r['id']] = r.get('events') or []
    for doc, g in gold.items():
        if a.doc and doc != a.doc:
            continue
        text = devset.load(rows[doc])['text']
        evs = pred.get(doc, [])
        out = []
        if g.get('set') == 'nonconflict':
            if 'nonconflict' in kinds:
                for e in evs:
                    s = e['sentence']
                    out.append(f"  NONCONFLICT {e['type']} «{e['trigger']['text']}» | {short(text[s['start']:s['end']])}")
        else:
            for ge in g['events']:
                hits = [e for e in evs if any(overlaps(span_of(e), r) for r in ge['regions'])]
                good = [e for e in hits if e['type'] in ge['types']]
                if ge['required'] and not good and 'missed' in kinds:
                    r = ge['regions'][0]
                    there = ', '.join(f"{e['type']}«{e['trigger']['text']}»" for e in hits) or '-'
                    out.append(f"  MISSED {ge['id']} {ge['types']} | found there: {there}\n      {short(text[r[0]:r[1]])}")
                if ge['required'] and good and 'args' in kinds:
                    best = max(good, key=lambda e: sum(arg_scores(e, ge).values()))
                    for k, ok in arg_scores(best, ge).items():
                        if not ok:
                            got = best.get(k + 's') if k + 's' in best else best.get(k)
                            got = [x.get('name') or x.get('text') for x in as_list(got) if isinstance(x, dict)] if k not in ('quantity', 'date') else got
                            want = ge.get(k + 's') if k + 's' in ge else ge.get(k)
                            out.append(f"  ARG {ge['id']} {k}: want {json.dumps(want, ensure_ascii=False)[:80]} got {json.dumps(got, ensure_ascii=False)[:100]}")
            if 'false' in kinds:
                for e in evs:
                    sp = span_of(e)
                    if any(overlaps(sp, r) for ge in g['events'] for r in ge['regions'] if e['type'] in ge['types']):
                        continue
                    if any(overlaps(sp, r) for r in g.get('boilerplate', [])):
                        kind = 'BOILERPLATE'
                    else:
                        kind = 'FALSE'
                    s = e['sentence']
                    out.append(f"  {kind} {e['type']} «{e['trigger']['text']}» | {short(text[s['start']:s['end']])}")
        if out:
            print(f"== {doc} ({rows[doc]['set']}, {rows[doc]['outlet']})")
            print('\n'.join(out))


if __name__ == '__main__':
    main()
