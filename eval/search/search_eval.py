#!/usr/bin/env python3
"""Search relevance: Rasad's search side by side with Snowball's Arabic stemmer and ISRI.

    eval/search/run                         # builds the corpus, a store, prints the figures
    python3 eval/search/search_eval.py corpus > corpus.jsonl
    python3 eval/search/search_eval.py score --db STORE [--rasad BIN] [--baseline BIN --baseline-db DB] [--verbose]
    python3 eval/search/search_eval.py pool --db STORE [...] > /tmp/pool.txt   # what the judge reads (not committed)

The corpus is the development articles (eval/dev/articles.tsv) and the seeds (../shared/seeds),
read from ../shared at run time; the repository holds query ids, queries and judgments only
(GUIDELINES.md). Every system sees the same texts and the same word tokens and ranks by the same
BM25 (k1 = 1.2, b = 0.75, FTS5's idf) with the same query semantics (every query term must
occur); they differ only in what a token becomes:
  - Rasad: `rasad search` itself (its analyzer's terms, SQLite FTS5's bm25);
  - Snowball: snowballstemmer's Arabic stemmer on each token;
  - ISRI: nltk's ISRIStemmer on each token.
Figures: recall@10 (share of a query's judged-relevant documents in its first ten, averaged over
queries) and MAP (mean average precision over the first 100 results). Unjudged documents count as
not relevant (pooling).
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(ROOT, '..', 'shared')
VENV = os.path.join(HERE, '.venv')
PEERS = ['snowballstemmer==3.1.1', 'nltk==3.9.1']
K1, B = 1.2, 0.75
DEPTH = 100


def _peers_run():
    """bench/peers/run.py, whose venv and TSV helpers this script shares."""
    import importlib.util
    spec = importlib.util.spec_from_file_location('peers_run', os.path.join(ROOT, 'bench', 'peers', 'run.py'))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ensure_venv():
    """Re-runs this script in eval/search/.venv (created on first use, with the peers pinned)."""
    run = _peers_run()
    run.VENV, run.PEERS = VENV, PEERS
    run.ensure_venv()


def rows(path):
    """The rows of a TSV file without its comments and its column-name line."""
    return _peers_run().load(path)[1:]


def queries():
    return [{'qid': r[0], 'kind': r[1], 'query': r[2], 'need': r[3]} for r in rows(os.path.join(HERE, 'queries.tsv'))]


def judgments():
    """qid -> {doc id: 0 or 1}."""
    out = defaultdict(dict)
    for r in rows(os.path.join(HERE, 'judgments.tsv')):
        out[r[0]][r[1]] = int(r[2])
    return out


def corpus():
    """The documents as extract input: the judged development articles (documents.txt), then the seeds."""
    import importlib.util
    os.environ.setdefault('RASAD_SHARED', SHARED)
    spec = importlib.util.spec_from_file_location('devset', os.path.join(ROOT, 'eval', 'dev', 'devset.py'))
    devset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(devset)  # reads ../shared
    # The judged corpus only (documents.txt): articles added to the development set later were
    # never judged and would count as irrelevant for every system.
    judged = {l.strip() for l in open(os.path.join(ROOT, 'eval', 'search', 'documents.txt'), encoding='utf-8')
              if l.strip() and not l.startswith('#')}
    docs = [devset.load(row) for row in devset.articles() if row['id'] in judged]
    seeds = sorted(glob.glob(os.path.join(SHARED, 'seeds', '*.txt')))
    if not seeds:
        sys.exit(f'skipped: no seeds in {SHARED}/seeds')
    for path in seeds:
        docs.append({'id': os.path.basename(path), 'text': open(path, encoding='utf-8').read()})
    return docs


DIACRITICS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
WORD = re.compile(r'[^\W_]+')


def tokens(text):
    """Word tokens: letters and digits, diacritics and tatweel dropped first (Rasad's tokenizer
    does the same: a diacritic does not split a word)."""
    return WORD.findall(DIACRITICS.sub('', text).lower())


class Bm25:
    """BM25 as SQLite FTS5 computes it, every query term required."""

    def __init__(self, docs, stem):
        self.stem = stem
        self.ids, self.tf, self.len = [], [], []
        df = Counter()
        for d in docs:
            terms = Counter(stem(t) for t in tokens(d['text']))
            self.ids.append(d['id'])
            self.tf.append(terms)
            self.len.append(sum(terms.values()))
            df.update(terms.keys())
        n = len(docs)
        self.avg = sum(self.len) / n
        self.idf = {t: max(math.log((n - k + 0.5) / (k + 0.5)), 1e-6) for t, k in df.items()}

    def search(self, query, depth=DEPTH):
        q = list(dict.fromkeys(self.stem(t) for t in tokens(query)))
        scored = []
        for i, tf in enumerate(self.tf):
            if not q or any(t not in tf for t in q):
                continue
            s = 0.0
            for t in q:
                f = tf[t]
                s += self.idf[t] * f * (K1 + 1) / (f + K1 * (1 - B + B * self.len[i] / self.avg))
            scored.append((-s, i))
        scored.sort()
        return [self.ids[i] for _, i in scored[:depth]]


def rasad_search(binary, db, query, depth=DEPTH):
    out = subprocess.run([binary, 'search', '--db', db, '--json', '--limit', str(depth), query],
                         capture_output=True, text=True, check=True)
    return [json.loads(line)['source'] for line in out.stdout.splitlines() if line.strip()]


def peers(docs):
    ensure_venv()
    import snowballstemmer
    from nltk.stem.isri import ISRIStemmer
    snow, isri = snowballstemmer.stemmer('arabic'), ISRIStemmer()
    cache_s, cache_i = {}, {}

    def s(t):
        if t not in cache_s:
            cache_s[t] = snow.stemWord(t)
        return cache_s[t]

    def i(t):
        if t not in cache_i:
            cache_i[t] = isri.stem(t)
        return cache_i[t]

    return [('Snowball Arabic (snowballstemmer 3.1.1)', Bm25(docs, s)), ('ISRI (nltk 3.9.1)', Bm25(docs, i))]


def systems(args, docs):
    out = [('Rasad', lambda q: rasad_search(args.rasad, args.db, q))]
    if args.baseline:
        out.append(('Rasad before (analyzer 1)', lambda q: rasad_search(args.baseline, args.baseline_db, q)))
    for name, index in peers(docs):
        out.append((name, index.search))
    return out


def average_precision(ranked, rel):
    if not rel:
        return None
    hits, s = 0, 0.0
    for k, d in enumerate(ranked, 1):
        if rel.get(d):
            hits += 1
            s += hits / k
    return s / sum(rel.values())


def recall_at(ranked, rel, k=10):
    n = sum(rel.values())
    return sum(1 for d in ranked[:k] if rel.get(d)) / n if n else None


def score(args):
    docs = corpus()
    qs, judged = queries(), judgments()
    rows_out = []
    per_kind = defaultdict(lambda: defaultdict(list))
    for name, run in systems(args, docs):
        rec, ap = [], []
        for q in qs:
            rel = judged.get(q['qid'], {})
            if not sum(rel.values()):
                continue
            ranked = run(q['query'])
            r, a = recall_at(ranked, rel), average_precision(ranked, rel)
            rec.append(r)
            ap.append(a)
            per_kind[name][q['kind']].append((r, a))
            if args.verbose:
                print(f"{name[:12]:12} {q['qid']} {q['query']:<22} R@10 {r:.2f} AP {a:.2f}  top: {' '.join(d[:24] for d in ranked[:3])}")
        rows_out.append((name, len(rec), sum(rec) / len(rec), sum(ap) / len(ap)))
    n_rel = sum(sum(v.values()) for v in judged.values())
    n_judged = sum(len(v) for v in judged.values())
    print(f'search relevance: {len(docs)} documents, {rows_out[0][1]} queries with relevant documents, '
          f'{n_judged} judged pairs ({n_rel} relevant); BM25 k1={K1} b={B}, all query terms required')
    print(f"{'system':42} {'recall@10':>9} {'MAP':>7}")
    for name, n, r, m in rows_out:
        print(f'{name:42} {r:9.3f} {m:7.3f}')
    kinds = sorted({k for v in per_kind.values() for k in v})
    print('by kind (recall@10 / MAP): ' + ', '.join(kinds))
    for name, _, _, _ in rows_out:
        cells = []
        for k in kinds:
            v = per_kind[name][k]
            cells.append(f'{sum(x for x, _ in v) / len(v):.2f}/{sum(y for _, y in v) / len(v):.2f}')
        print(f'{name:42} ' + '  '.join(cells))


def pool(args):
    """The top ten of every system for every query, each document with the words that matched and
    a passage around the first, for the judge to read (kept out of the repository)."""
    docs = corpus()
    text = {d['id']: d['text'] for d in docs}
    judged = judgments()
    runs = systems(args, docs)
    for q in queries():
        found = {}
        for name, run in runs:
            for rank, d in enumerate(run(q['query'])[:args.depth], 1):
                found.setdefault(d, []).append(f'{name.split()[0]}{rank}')
        print(f"## {q['qid']} {q['query']} — {q['need']}")
        qtok = tokens(q['query'])
        for d, by in found.items():
            if d in judged.get(q['qid'], {}):
                continue
            t = DIACRITICS.sub('', text[d])
            words = Counter(w for w in tokens(t) if any(share(w, x) for x in qtok))
            first = min((t.find(w) for w in words if t.find(w) >= 0), default=0)
            ctx = t[max(0, first - 90):first + 120].replace('\n', ' ')
            print(f"{q['qid']}\t{d}\t{','.join(by)}\t{dict(words.most_common(6))}\t…{ctx}…")


def share(word, q):
    """A loose test for the words to show the judge: the word holds the query word's first three
    letters after the article (any system's match is among them)."""
    core = re.sub('^(ال|وال|بال|لل)', '', q)[:3]
    return len(core) >= 2 and core in word


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    sub.add_parser('corpus')
    for name in ('score', 'pool'):
        p = sub.add_parser(name)
        p.add_argument('--db', required=True)
        p.add_argument('--rasad', default=os.path.join(ROOT, 'target', 'release', 'rasad'))
        p.add_argument('--baseline', help='another rasad binary (e.g. before a change), with its own store')
        p.add_argument('--baseline-db')
        p.add_argument('--verbose', action='store_true')
        p.add_argument('--depth', type=int, default=10)
    args = ap.parse_args()
    if args.cmd != 'corpus':
        ensure_venv()
    if args.cmd == 'corpus':
        for d in corpus():
            print(json.dumps(d, ensure_ascii=False))
    elif args.cmd == 'score':
        score(args)
    else:
        pool(args)


if __name__ == '__main__':
    main()
