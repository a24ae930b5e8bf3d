#!/usr/bin/env python3
"""The development set's tools: build the extract input, show an article, turn annotations into gold.

    python3 eval/dev/devset.py input [--set conflict,politics] > dev.input.jsonl
    python3 eval/dev/devset.py show ID            # the text with each line's code-point offset
    python3 eval/dev/devset.py resolve ANNOT.json [ANNOT.json ...] > eval/dev/gold.json
    python3 eval/dev/devset.py --articles eval/heldout/articles.tsv show ID   # another list (the held-out set)

Articles are listed in eval/dev/articles.tsv (or the list given by --articles) and read from
../shared/data at run time (set RASAD_SHARED to use another folder). Annotations name regions by quoting the text ({"quote": "...", "occurrence": 2}
when the quote occurs more than once); `resolve` turns quotes into code-point offsets and checks every
field, so the committed gold holds offsets and short aliases only, never article text.
"""
import argparse, glob, gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(HERE, '..', '..', '..', 'shared')
ARTICLES = os.path.join(HERE, 'articles.tsv')
TYPES = {'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
         'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'}


def articles(sets=None):
    rows = []
    for line in open(ARTICLES, encoding='utf-8'):
        if line.startswith('#') or line.startswith('id\t') or not line.strip():
            continue
        doc, corpus, loc, kind, stratum, outlet = line.rstrip('\n').split('\t')
        if sets is None or kind in sets:
            rows.append({'id': doc, 'corpus': corpus, 'locator': loc, 'set': kind, 'stratum': stratum, 'outlet': outlet})
    return rows


_days, _sanad = {}, None


def load(row):
    """The article as extract input: {"id", "text", "published"?, "outlet"}."""
    global _sanad
    if row['corpus'] == 'saudinewsnet':
        f, i = row['locator'].split('#')
        if f not in _days:
            path = os.path.join(SHARED, 'data', 'saudinewsnet', f)
            if not os.path.exists(path):
                sys.exit(f'skipped: {path} is absent (the development set reads its text from ../shared)')
            _days[f] = json.load(gzip.open(path))
        art = _days[f][int(i)]
        text = (art.get('title') or '') + '\n\n' + (art.get('content') or '')
        return {'id': row['id'], 'text': text, 'published': (art.get('date_extracted') or '')[:10], 'outlet': art.get('source')}
    if _sanad is None:
        path = os.path.join(SHARED, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz')
        if not os.path.exists(path):
            sys.exit(f'skipped: {path} is absent (the development set reads its text from ../shared)')
        _sanad = {}
        for line in gzip.open(path, 'rt', encoding='utf-8'):
            r = json.loads(line)
            _sanad[r['id']] = r['text']
    return {'id': row['id'], 'text': _sanad[row['locator']], 'outlet': 'alkhaleej'}


def find(text, q, where):
    quote = q['quote'] if isinstance(q, dict) else q
    occ = q.get('occurrence', 0) if isinstance(q, dict) else 0
    hits, start = [], 0
    while True:
        k = text.find(quote, start)
        if k < 0:
            break
        hits.append(k)
        start = k + 1
    if not hits:
        raise SystemExit(f'{where}: quote not found: {quote[:60]!r}')
    if len(hits) > 1 and not occ:
        raise SystemExit(f'{where}: quote occurs {len(hits)} times, give "occurrence": {quote[:60]!r}')
    k = hits[(occ or 1) - 1]
    return [k, k + len(quote)]


def resolve(paths):
    rows = {r['id']: r for r in articles()}
    docs = {}
    for p in paths:
        ann = json.load(open(p, encoding='utf-8'))
        for doc, a in ann.items():
            if doc not in rows:
                raise SystemExit(f'{p}: {doc} is not in articles.tsv')
            art = load(rows[doc])
            text = art['text']
            out = {'published': art.get('published'), 'set': rows[doc]['set'],
                   'boilerplate': [find(text, q, f'{p}: {doc} boilerplate') for q in a.get('boilerplate', [])],
                   'events': []}
            seen = set()
            for e in a.get('events', []):
                where = f'{p}: {doc} {e.get("id")}'
                if not e.get('id') or e['id'] in seen:
                    raise SystemExit(f'{where}: missing or repeated id')
                seen.add(e['id'])
                bad = [t for t in e.get('types', []) if t not in TYPES]
                if bad or not e.get('types'):
                    raise SystemExit(f'{where}: types must be PLOVER types, got {e.get("types")}')
                g = {'id': e['id'], 'required': bool(e.get('required')), 'types': e['types'],
                     'regions': [find(text, q, where) for q in e['regions']]}
                for k in ('actors', 'targets', 'places', 'source'):
                    if e.get(k):
                        if not all(isinstance(x, str) and 0 < len(x) <= 40 for x in e[k]):
                            raise SystemExit(f'{where}: {k} must be short aliases (1-40 characters)')
                        g[k] = e[k]
                if e.get('quantity'):
                    g['quantity'] = e['quantity']
                if e.get('date'):
                    g['date'] = e['date']
                out['events'].append(g)
            docs[doc] = out
    # Non-conflict articles should give no event: each is in the gold with none.
    for row in rows.values():
        if row['set'] == 'nonconflict' and row['id'] not in docs:
            docs[row['id']] = {'published': load(row).get('published'), 'set': 'nonconflict', 'boilerplate': [], 'events': []}
    return {'version': 1, 'ontology': 'PLOVER event types', 'docs': docs}


def main():
    global ARTICLES
    ap = argparse.ArgumentParser()
    ap.add_argument('--articles', default=ARTICLES, help='the list of articles (default: eval/dev/articles.tsv)')
    sub = ap.add_subparsers(dest='cmd', required=True)
    i = sub.add_parser('input')
    i.add_argument('--set', default=None, help='comma-separated sets (conflict, politics, nonconflict)')
    s = sub.add_parser('show')
    s.add_argument('id')
    r = sub.add_parser('resolve')
    r.add_argument('files', nargs='+')
    a = ap.parse_args()
    ARTICLES = a.articles
    if a.cmd == 'input':
        for row in articles(set(a.set.split(',')) if a.set else None):
            print(json.dumps(load(row), ensure_ascii=False))
    elif a.cmd == 'show':
        row = [r for r in articles() if r['id'] == a.id]
        if not row:
            sys.exit(f'{a.id} is not in articles.tsv')
        art = load(row[0])
        print(f'# {a.id}  published {art.get("published")}  outlet {art.get("outlet")}  {len(art["text"])} code points')
        off = 0
        for line in art['text'].split('\n'):
            print(f'[{off}] {line}')
            off += len(line) + 1
    else:
        json.dump(resolve(a.files), sys.stdout, ensure_ascii=False, indent=1)
        print()


if __name__ == '__main__':
    main()
