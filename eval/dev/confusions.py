#!/usr/bin/env python3
"""Lists the development set's false events that overlap a gold region of other types, grouped by
confusion (system type > the gold event's first type), for reading (never for copying into rules).

    python3 eval/dev/confusions.py PRED.jsonl                      # the groups and their sizes
    python3 eval/dev/confusions.py PRED.jsonl --pair 'ASSAULT>ACCUSE,ASSAULT>COERCE'   # each with its sentence

Matching is the shared scorer's (one-to-one, a type the gold event accepts, trigger overlapping a
region); an event is listed when it is false there and its trigger overlaps a region of a gold
event of other types (with that event's id, types, requirement and note).
"""
import argparse, collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.environ.get('RASAD_SHARED') or os.path.join(HERE, '..', '..', '..', 'shared'), 'eval'))
sys.path.insert(0, HERE)
import devset  # noqa: E402
from score_events import arg_scores, overlaps, span_of  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('pred')
    ap.add_argument('--pair', help='comma-separated confusions to list with their sentences (SYSTEM>GOLD)')
    a = ap.parse_args()
    gold = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))['docs']
    rows = {r['id']: r for r in devset.articles()}
    pred = {}
    for line in open(a.pred, encoding='utf-8'):
        if line.strip():
            r = json.loads(line)
            pred[r['id']] = r.get('events') or []
    groups = collections.defaultdict(list)
    for doc, gd in gold.items():
        if gd.get('set') == 'nonconflict':
            continue
        events, found = gd['events'], pred.get(doc, [])
        cand = {si: [gi for gi, g in enumerate(events) if e.get('type') in g['types'] and any(overlaps(span_of(e), r) for r in g['regions'])]
                for si, e in enumerate(found)}
        order = sorted(range(len(events)), key=lambda gi: (not events[gi]['required'], sum(1 for si in cand if gi in cand[si])))
        taken = set()
        for gi in order:
            best, best_score = None, -1
            for si in cand:
                if si not in taken and gi in cand[si]:
                    sc = sum(arg_scores(found[si], events[gi]).values())
                    if sc > best_score:
                        best, best_score = si, sc
            if best is not None:
                taken.add(best)
        text = None
        for si, e in enumerate(found):
            sp = span_of(e)
            if si in taken or cand[si] or any(overlaps(sp, r) for r in gd.get('boilerplate', [])):
                continue
            over = [g for g in events if any(overlaps(sp, r) for r in g['regions'])]
            if not over:
                continue
            if text is None:
                text = devset.load(rows[doc])['text']
            s = e.get('sentence') or e['trigger']
            groups[f"{e['type']}>{over[0]['types'][0]}"].append((doc, e, over, text[s['start']:s['end']].replace('\n', ' ')))
    if not a.pair:
        print('false events over a gold region of other types:', sum(len(v) for v in groups.values()))
        for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f'{len(v):4d} {k}')
        return
    for k in a.pair.split(','):
        for doc, e, over, sentence in groups.get(k, []):
            t = e['trigger']
            print(f"== {doc} {e['type']}[{e.get('status')}] «{t['text']}» @{t['start']}")
            for g in over:
                print(f"   gold {g['id']} {'required' if g['required'] else 'optional'} {g['types']} {g.get('note', '')}")
            print('   ', sentence[:400])


if __name__ == '__main__':
    main()
