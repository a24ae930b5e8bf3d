#!/usr/bin/env python3
"""Trigger annotations for training: articles of the SANAD (AlKhaleej) politics label with every
word that states a PLOVER event marked by the team.

    python3 eval/train/triggers.py choose [--n 320] > eval/train/articles.txt   # once; committed
    python3 eval/train/triggers.py show ID                                       # the article with offsets
    python3 eval/train/triggers.py resolve A.json [B.json …] > crates/events/data/trigger_train.tsv

SANAD is CC BY 4.0 and its text may not be committed: annotations name words by quoting them
(`{"ID": [{"word": "قصفت", "occurrence": 1, "type": "ASSAULT"}, …]}`, kept outside the
repository); `resolve` turns them into code-point offsets, so the committed file holds ids,
offsets and types only, and `rasad events train` reads the text from ../shared.
"""
import argparse, gzip, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(HERE, '..', '..', '..', 'shared')
TYPES = {'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
         'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'}


def sanad():
    path = os.path.join(SHARED, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz')
    if not os.path.exists(path):
        sys.exit(f'skipped: {path} is absent')
    return {r['id']: r for r in (json.loads(l) for l in gzip.open(path, 'rt', encoding='utf-8'))}


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('choose')
    c.add_argument('--n', type=int, default=320)
    s = sub.add_parser('show')
    s.add_argument('id')
    r = sub.add_parser('resolve')
    r.add_argument('files', nargs='+')
    a = ap.parse_args()
    arts = sanad()
    if a.cmd == 'choose':
        dev = {l.split('\t')[0] for l in open(os.path.join(HERE, '..', 'dev', 'articles.tsv'), encoding='utf-8')}
        pol = sorted(k for k, v in arts.items() if v['label'] == 'politics' and k not in dev and 300 <= len(v['text']) <= 2500)
        random.Random(7).shuffle(pol)
        print('# SANAD politics articles annotated for the trigger model (chosen by eval/train/triggers.py choose)')
        print('\n'.join(pol[:a.n]))
    elif a.cmd == 'show':
        t = arts[a.id]['text']
        print(f'# {a.id}  {len(t)} code points')
        off = 0
        for line in t.split('\n'):
            print(f'[{off}] {line}')
            off += len(line) + 1
    else:
        print('# Trigger annotations of SANAD politics articles (eval/train/articles.txt), by the Rasad team.')
        print('# License: CC0-1.0 (offsets and types only; the text is SANAD\'s, CC BY 4.0, read from ../shared).')
        print('# Columns: article id, code-point start, end, PLOVER type. Every trigger of an article is listed.')
        for p in a.files:
            ann = json.load(open(p, encoding='utf-8'))
            for doc, marks in ann.items():
                if doc not in arts:
                    sys.exit(f'{p}: {doc} is not a SANAD id')
                text = arts[doc]['text']
                print(f'{doc}\t-\t-\t-')  # the article is annotated (even with no trigger)
                for m in marks:
                    w, occ, t = m['word'], m.get('occurrence', 1), m['type']
                    if t not in TYPES:
                        sys.exit(f'{p}: {doc}: {t} is not a PLOVER type')
                    k, start = -1, 0
                    for _ in range(occ):
                        k = text.find(w, start)
                        if k < 0:
                            break
                        start = k + 1
                    if k < 0:
                        sys.exit(f'{p}: {doc}: word {w!r} (occurrence {occ}) not found')
                    print(f'{doc}\t{k}\t{k + len(w)}\t{t}')


if __name__ == '__main__':
    main()
