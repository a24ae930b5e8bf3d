#!/usr/bin/env python3
"""Trigger annotations for training: articles of the SANAD (AlKhaleej) politics label with every
word that states a PLOVER event marked by the team.

    python3 eval/train/triggers.py choose [--n 320] > eval/train/articles.txt   # once; committed
    python3 eval/train/triggers.py show ID                                       # the article with offsets
    python3 eval/train/triggers.py resolve A.json [B.json …] > crates/events/data/trigger_train.tsv
    python3 eval/train/triggers.py score [--words]   # trigger P/R of the release binary on them

`score` runs target/release/rasad (or $RASAD) on the annotated articles and compares the triggers
of its events (every merged mention) with the marked words: a trigger matches a mark of the same
type it overlaps or nearly touches (within NEAR code points: a light verb and its noun). Since annotators marked restatements and consequences too, recall here is a
lower bound; the figure is for comparing readers, and `--words` lists the most frequent missed
and false words (to find classes of faults, never to write rules for single sentences).

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
    sc = sub.add_parser('score')
    sc.add_argument('--words', action='store_true')
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
    elif a.cmd == 'score':
        score(arts, a.words)
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


NEAR = 12


def score(arts, words):
    import collections, subprocess
    marks = collections.defaultdict(list)
    for line in open(os.path.join(HERE, '..', '..', 'crates', 'events', 'data', 'trigger_train.tsv'), encoding='utf-8'):
        if line.startswith('#'):
            continue
        doc, s, e, t = line.rstrip('\n').split('\t')
        marks[doc]
        if s != '-':
            marks[doc].append((int(s), int(e), t))
    inp = '\n'.join(json.dumps({'id': d, 'text': arts[d]['text']}, ensure_ascii=False) for d in sorted(marks))
    binary = os.environ.get('RASAD') or os.path.join(HERE, '..', '..', 'target', 'release', 'rasad')
    out = subprocess.run([binary, 'extract', '--input', 'jsonl', '-'], input=inp, capture_output=True, text=True, check=True).stdout
    tp = fp = fn = 0
    missed, false, wrong = collections.Counter(), collections.Counter(), collections.Counter()
    for line in out.splitlines():
        r = json.loads(line)
        text, gold = arts[r['id']]['text'], marks[r['id']]
        found = []
        for ev in r['events']:
            for m in ev.get('mentions') or [{'trigger': ev['trigger']}]:
                found.append((m['trigger']['start'], m['trigger']['end'], ev['type']))
        found = sorted(set(found))
        hit = set()
        for (s, e, t) in found:
            # A light verb and its noun (عقد | اجتماعا، شن | هجوما) are one trigger: near enough.
            k = next((i for i, g in enumerate(gold) if g[0] < e + NEAR and s < g[1] + NEAR and g[2] == t and i not in hit), None)
            if k is None:
                fp += 1
                other = next((g for g in gold if g[0] < e and s < g[1]), None)
                (wrong if other else false)[(text[s:e], t, other[2] if other else '')] += 1
            else:
                tp += 1
                hit.add(k)
        for i, (s, e, t) in enumerate(gold):
            if i not in hit:
                fn += 1
                missed[(text[s:e], t)] += 1
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    if words:
        for title, c in (('missed', missed), ('false', false), ('wrong type', wrong)):
            print(f'# {title}: {sum(c.values())}')
            for k, n in c.most_common(60):
                print(f'{n:4d}  ' + '  '.join(k))
    print(f'triggers in {len(marks)} articles: marked {tp + fn}, found {tp + fp}, right {tp}: P={p:.3f} R={r:.3f} F1={2 * p * r / max(1e-9, p + r):.3f}')


if __name__ == '__main__':
    main()
