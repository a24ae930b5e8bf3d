#!/usr/bin/env python3
"""Near-duplicate detection measured on SaudiNewsNet articles with synthetic rewrites.

    python3 bench/dedup/run.py [--base 1500] [--seed 7] [--rasad target/release/rasad] [--shared ../shared]

Builds the set (seeded, so reproducible): BASE distinct articles of at least 80 words, and for a
share of them one or two variants of these kinds, each labelled with its original:
  syndicated  the same body under another outlet's dateline and sign-off
  spelling    hamza seats, ta marbuta and alef maqsura changed, tatweel and diacritics added
  light_edit  about 5% of the words replaced, one sentence dropped
  truncated   the first 70% of the body
  reordered   two paragraphs (or halves) swapped
  heavy_edit  about 30% of the words replaced (a rewrite, not a copy: a hard case)
Then ingests the set into a fresh store with `rasad ingest`, reads the clusters back with `rasad
export documents`, and scores pairs: a pair is a true duplicate when the two come from one original.
Precision counts flagged pairs that are true; pairs of different originals whose exact word-3-shingle
Jaccard similarity is itself at least 0.5 (natural duplicates already in the corpus, e.g. one wire
story printed by two papers) are reported apart. Recall is given per kind.

SaudiNewsNet is CC BY-NC-SA 4.0: used here only to measure; nothing derived from it ships.
"""
import argparse
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
KINDS = ['syndicated', 'spelling', 'light_edit', 'truncated', 'reordered', 'heavy_edit']
FILLER = ['وقال', 'وأضاف', 'المصدر', 'اليوم', 'أمس', 'الجديد', 'كبير', 'عدد', 'خلال', 'حيث', 'كما', 'أيضا', 'الذي', 'التي',
          'مسؤول', 'المملكة', 'الوزارة', 'الحكومة', 'المنطقة', 'العام', 'الماضي', 'مشروع', 'اجتماع', 'بيان']
DATELINES = ['الرياض - واس:', 'جدة - «المثال»:', 'دبي - رويترز:', 'القاهرة - أ ف ب:']
DIACRITICS = '\u064e\u064f\u0650\u0651\u0652'


def load(shared, n, rng):
    arts = []
    for f in sorted(glob.glob(os.path.join(shared, 'data', 'saudinewsnet', '*.json.gz'))):
        for a in json.load(gzip.open(f)):
            text = (a.get('content') or '').strip()
            if len(text.split()) >= 80:
                arts.append(text)
    if not arts:
        sys.exit('skipped: no SaudiNewsNet files under ' + shared)
    # Distinct bodies only (the corpus has exact copies).
    arts = list(dict.fromkeys(arts))
    rng.shuffle(arts)
    return arts[:n]


def respell(text, rng):
    out = []
    for w in text.split(' '):
        r = rng.random()
        if r < 0.15:
            w = w.replace('أ', 'ا').replace('إ', 'ا')
        elif r < 0.25:
            w = re.sub('ة$', 'ه', w)
        elif r < 0.3:
            w = re.sub('ي$', 'ى', w)
        elif r < 0.35 and len(w) > 3:
            w = w[:2] + 'ـ' + w[2:]
        elif r < 0.45 and len(w) > 2:
            w = w[:1] + rng.choice(DIACRITICS) + w[1:]
        out.append(w)
    return ' '.join(out)


def replace_words(text, share, rng):
    words = text.split(' ')
    for i in range(len(words)):
        if rng.random() < share:
            words[i] = rng.choice(FILLER)
    return ' '.join(words)


def drop_sentence(text, rng):
    parts = re.split(r'(?<=[.!؟])\s+', text)
    if len(parts) > 2:
        parts.pop(rng.randrange(len(parts)))
    return ' '.join(parts)


def variant(kind, text, rng):
    if kind == 'syndicated':
        return f"{rng.choice(DATELINES)} {text}\n\nنقلا عن وكالة الأنباء."
    if kind == 'spelling':
        return respell(text, rng)
    if kind == 'light_edit':
        return drop_sentence(replace_words(text, 0.05, rng), rng)
    if kind == 'truncated':
        words = text.split(' ')
        return ' '.join(words[:int(len(words) * 0.7)])
    if kind == 'reordered':
        paras = [p for p in text.split('\n') if p.strip()]
        if len(paras) >= 2:
            i, j = rng.sample(range(len(paras)), 2)
            paras[i], paras[j] = paras[j], paras[i]
            return '\n'.join(paras)
        words = text.split(' ')
        h = len(words) // 2
        return ' '.join(words[h:] + words[:h])
    if kind == 'heavy_edit':
        return replace_words(text, 0.3, rng)
    raise ValueError(kind)


def norm_words(text):
    text = re.sub('[\u064b-\u065f\u0670\u0640]', '', text)
    text = re.sub('[أإآٱ]', 'ا', text).replace('ة', 'ه').replace('ى', 'ي')
    return re.findall(r'\w+', text)


def shingles(text):
    w = norm_words(text)
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', type=int, default=1500)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--rasad', default=os.path.join(ROOT, 'target', 'release', 'rasad'))
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--out', default=os.path.join(HERE, 'results.md'))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    bases = load(a.shared, a.base, rng)
    docs = []  # (id, text, group, kind)
    for g, text in enumerate(bases):
        docs.append((f'b{g}', text, g, 'original'))
        if rng.random() < 0.6:
            for kind in rng.sample(KINDS, rng.choice([1, 2])):
                docs.append((f'b{g}-{kind}', variant(kind, text, rng), g, kind))
    rng.shuffle(docs)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, 'set.jsonl')
        with open(inp, 'w', encoding='utf-8') as f:
            for i, t, _, _ in docs:
                f.write(json.dumps({'id': i, 'text': t, 'published': '2015-08-01'}, ensure_ascii=False) + '\n')
        db = os.path.join(tmp, 'store.db')
        subprocess.run([a.rasad, 'ingest', '--quiet', '--db', db, inp], check=True, capture_output=True)
        out = subprocess.run([a.rasad, 'export', 'documents', '--db', db], check=True, capture_output=True, text=True).stdout
    cluster = {}
    for line in out.splitlines():
        r = json.loads(line)
        cluster[r['source']] = r['cluster']
    info = {i: (t, g, k) for i, t, g, k in docs}
    by_cluster = defaultdict(list)
    for i, c in cluster.items():
        by_cluster[c].append(i)
    flagged = set()
    for members in by_cluster.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                flagged.add(tuple(sorted((members[x], members[y]))))
    by_group = defaultdict(list)
    for i, (_, g, _) in info.items():
        by_group[g].append(i)
    true_pairs = set()
    for members in by_group.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                true_pairs.add(tuple(sorted((members[x], members[y]))))
    tp = len(flagged & true_pairs)
    false = flagged - true_pairs
    natural = 0
    cache = {}
    for p, q in false:
        sp = cache.setdefault(p, shingles(info[p][0]))
        sq = cache.setdefault(q, shingles(info[q][0]))
        if sp and sq and len(sp & sq) / len(sp | sq) >= 0.5:
            natural += 1
    recall_kind = defaultdict(lambda: [0, 0])
    for p, q in true_pairs:
        kinds = {info[p][2], info[q][2]}
        if kinds == {'original'} or len(kinds - {'original'}) != 1 or 'original' not in kinds:
            continue
        k = (kinds - {'original'}).pop()
        recall_kind[k][1] += 1
        recall_kind[k][0] += (p, q) in flagged
    lines = [
        f"Set: {len(bases)} SaudiNewsNet articles (≥ 80 words, distinct), {len(docs) - len(bases)} synthetic variants, seed {a.seed}.",
        f"Pairs: {len(true_pairs)} true, {len(flagged)} flagged, {tp} flagged and true.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| precision (flagged pairs from one original) | {tp / max(len(flagged), 1):.3f} |",
        f"| precision, natural duplicates (exact Jaccard ≥ 0.5) counted as right | {(tp + natural) / max(len(flagged), 1):.3f} |",
        f"| recall (all true pairs) | {tp / max(len(true_pairs), 1):.3f} |",
    ]
    for k in KINDS:
        got, n = recall_kind[k]
        if n:
            lines.append(f"| recall, original ↔ {k} | {got / n:.3f} ({got}/{n}) |")
    text = '\n'.join(lines)
    print(text)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(f"<!-- written by bench/dedup/run.py -->\n\n{text}\n")


if __name__ == '__main__':
    main()
