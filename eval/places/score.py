#!/usr/bin/env python3
"""Scores `rasad extract` output on the place set: precision and recall per kind and overall.

    python3 eval/places/score.py --pred pred.jsonl [--verbose]

Gold: eval/places/mentions.tsv (article mentions by code-point offsets) and eval/places/sentences.tsv
(team sentences; the mention is the first occurrence of the name). A prediction for a gold mention is
the first place entity of the output (one with coordinates) that overlaps its span. It is right when
its id is the gold id, or names the same place twice over (a curated entry and a GeoNames or OCHA one
of the same family, town or region, within 10 km). Precision = right / predictions on gold mentions
(a place on a look-alike is a wrong prediction); recall = right / gold mentions that are places
(including places the knowledge base lacks, gold "missing"). Only annotated spans are scored.
"""
import argparse, csv, json, math, os, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pick  # noqa: E402

FAMILY = {'country': 'country', 'governorate': 'region', 'district': 'region', 'region': 'region'}


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def coords():
    """Place id -> (lat, lon, family) from crates/kb/data."""
    out = {}
    for row in csv.reader(l for l in open(os.path.join(pick.KB, 'places.csv'), encoding='utf-8') if not l.startswith('#')):
        if row[0] != 'id':
            out[row[0]] = (float(row[3]), float(row[4]), FAMILY.get(row[5], 'town'))
    for line in open(os.path.join(pick.KB, 'gazetteer.tsv'), encoding='utf-8'):
        if not line.startswith('#'):
            c = line.split('\t')
            out.setdefault(c[0], (float(c[3]), float(c[4]), FAMILY.get(c[5], 'town')))
    return out


def same(a, b, pl):
    if a == b:
        return True
    if a not in pl or b not in pl:
        return False
    return pl[a][2] == pl[b][2] and km(pl[a], pl[b]) <= 10


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pred', required=True)
    ap.add_argument('--verbose', action='store_true')
    a = ap.parse_args()
    pl = coords()
    docs = {}
    for line in open(a.pred, encoding='utf-8'):
        d = json.loads(line)
        docs[d['id']] = [e for e in d.get('entities', []) if 'lat' in e]
    gold = [(f'{c}:{l}', s, e, k, g) for c, l, s, e, k, g in pick.gold_rows()]
    for n, (text, name, kind, g) in enumerate(pick.sentences()):
        s = text.index(name)
        gold.append((f's:{n}', s, s + len(name), kind, g))
    stats = defaultdict(lambda: [0, 0, 0, 0])  # right, predictions, places, mentions
    errors = []
    for doc, s, e, kind, g in gold:
        if doc not in docs:
            sys.exit(f'no output for {doc}')
        pred = next((x for x in docs[doc] if x['start'] < e and s < x['end']), None)
        ok = pred is not None and g not in ('none', 'missing') and same(pred['id'], g, pl)
        for k in (kind, 'all'):
            st = stats[k]
            st[0] += ok
            st[1] += pred is not None
            st[2] += g != 'none'
            st[3] += 1
        if not ok and (pred is not None or g != 'none'):
            errors.append(f'{doc}\t{s}-{e}\t{kind}\tgold {g}\tgot {pred["id"] if pred else "-"}\t{pred["text"] if pred else ""}')
    if a.verbose:
        print('\n'.join(errors))
    for k in ('town', 'region', 'country', 'lookalike', 'all'):
        r, p, n, m = stats[k]
        if k == 'lookalike':
            print(f'{k:<10} {m:>4} mentions, {p} given a place (false), {m - p} left unlinked')
            continue
        prec = r / p if p else 0.0
        rec = r / n if n else 0.0
        print(f'{k:<10} {m:>4} mentions  P {r}/{p} = {prec:.3f}  R {r}/{n} = {rec:.3f}')


if __name__ == '__main__':
    main()
