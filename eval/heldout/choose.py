#!/usr/bin/env python3
"""Chooses the held-out articles (run once; its output, articles.tsv, is committed).

    python3 eval/heldout/choose.py [--shared ../shared] > eval/heldout/articles.tsv
    # a further development batch (eval/dev/articles.tsv, batch 2 of 2026-11-30):
    python3 eval/heldout/choose.py --seed 20261130 --exclude eval/heldout/articles.tsv

The same strata and word lists as eval/dev/choose.py, with another seed and smaller numbers:
- 20 conflict articles of SaudiNewsNet, at most 3 per outlet from 7+ outlets, half violence-heavy
  and half diplomacy-heavy, drawn so that no publication day holds more than two of them;
- 10 articles of the SANAD (AlKhaleej) politics label;
- 10 non-conflict articles: for each of sports, finance, culture, tech and medical, one SANAD
  article of that label and one SaudiNewsNet article chosen by its topic words.
Every article has 150 to 900 words. Left out: the development articles (eval/dev/articles.tsv),
the trigger-training articles (eval/train/articles.txt), the articles of eval/stories/reports.tsv,
and any article that shares a third of its word 5-grams with one of those (wire copies).
Only ids and locators are written; the text stays in ../shared and is read at run time.
"""
import argparse, importlib.util, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location('dev_choose', os.path.join(EVAL, 'dev', 'choose.py'))
dev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev)

SEED = 20270412
MIN_WORDS, MAX_WORDS = 150, 900
SPORTS_OUTLETS = {'arreyadi', 'arriyadiyah'}


def ids_of(path, column=0):
    """The ids (or URLs) in the first column of a list, skipping comments and the header."""
    if not os.path.exists(path):
        return set()
    out = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        out.add(line.rstrip('\n').split('\t')[column])
    return out


def shingles(text):
    w = text.split()
    return {' '.join(w[k:k + 5]) for k in range(max(len(w) - 4, 1))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(EVAL, '..', '..', 'shared'))
    ap.add_argument('--seed', type=int, default=SEED, help='another seed draws another batch')
    ap.add_argument('--exclude', nargs='*', default=[], help='further article lists to leave out (their first column)')
    a = ap.parse_args()
    rng = random.Random(a.seed)
    seen_ids = ids_of(os.path.join(EVAL, 'dev', 'articles.tsv')) | ids_of(os.path.join(EVAL, 'train', 'articles.txt'))
    for path in a.exclude:
        seen_ids |= ids_of(path)
    seen_urls = ids_of(os.path.join(EVAL, 'stories', 'reports.tsv'), 3)
    articles, sanad = dev.corpora(a.shared)
    snn = [(f'snn-{f[:10]}-{i:04d}', f, i, art.get('source'), art.get('url'), text) for f, i, art, text in articles]
    # What the rule writers have read: its 5-grams, to leave out copies under another id.
    seen_grams = set()
    for doc, f, i, o, url, text in snn:
        if doc in seen_ids or url in seen_urls:
            seen_grams |= shingles(text)
    for lst in sanad.values():
        for sid, text in lst:
            if sid in seen_ids:
                seen_grams |= shingles(text)

    def fresh(doc, text, url=None):
        if doc in seen_ids or url in seen_urls or not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            return False
        g = shingles(text)
        return len(g & seen_grams) < len(g) / 3

    def take(text):
        """Adds a chosen article's 5-grams, so that no copy of it is chosen again."""
        seen_grams.update(shingles(text))

    rows = []
    # Conflict articles of SaudiNewsNet, by outlet, spread over the days.
    pools = {'violence': {}, 'diplomacy': {}}
    for doc, f, i, outlet, url, text in snn:
        if outlet in SPORTS_OUTLETS:
            continue
        v, d = dev.count(text, dev.VIOLENCE), dev.count(text, dev.DIPLOMACY)
        if v >= 4 and v >= 2 * d:
            kind = 'violence'
        elif d >= 4 and d >= 2 * v and dev.count(text, dev.POLITICAL) >= 8:
            kind = 'diplomacy'
        else:
            continue
        if fresh(doc, text, url):
            pools[kind].setdefault(outlet, []).append((doc, f, i, text))
    per_outlet, per_day = {}, {}
    for kind in ('violence', 'diplomacy'):
        outlets = sorted(pools[kind])
        rng.shuffle(outlets)
        for o in outlets:
            rng.shuffle(pools[kind][o])
        taken = 0
        while taken < 10:
            progressed = False
            for o in outlets:
                if taken >= 10:
                    break
                if per_outlet.get(o, 0) >= 3:
                    continue
                lst = [c for c in pools[kind][o] if per_day.get(c[1], 0) < 2 and fresh(c[0], c[3])]
                if not lst:
                    continue
                doc, f, i, text = lst[0]
                pools[kind][o].remove(lst[0])
                take(text)
                rows.append((doc, 'saudinewsnet', f'{f}#{i}', 'conflict', kind, o))
                per_outlet[o] = per_outlet.get(o, 0) + 1
                per_day[f] = per_day.get(f, 0) + 1
                taken += 1
                progressed = True
            if not progressed:
                break
    # SANAD politics.
    pol = [(sid, t) for sid, t in sanad['politics'] if fresh(sid, t)]
    for sid, t in rng.sample(pol, 10):
        take(t)
        rows.append((sid, 'sanad-khaleej', sid, 'politics', 'politics', 'alkhaleej'))
    # Non-conflict: one of each corpus per topic.
    for topic, words in dev.TOPICS.items():
        cand = [(sid, t) for sid, t in sanad[topic] if dev.count(t, dev.POLITICAL) == 0 and fresh(sid, t)]
        for sid, t in rng.sample(cand, 1):
            take(t)
            rows.append((sid, 'sanad-khaleej', sid, 'nonconflict', topic, 'alkhaleej'))
        cand = sorted((doc, f, i, o, t) for doc, f, i, o, url, t in snn
                      if dev.count(t, words) >= 4 and dev.count(t, dev.POLITICAL) == 0 and fresh(doc, t, url))
        for doc, f, i, o, t in rng.sample(cand, 1):
            take(t)
            rows.append((doc, 'saudinewsnet', f'{f}#{i}', 'nonconflict', topic, o))
    head = ['# Rasad held-out articles (never read by rule writers): id, corpus, locator (file#index in the SaudiNewsNet',
            '# day file, or the SANAD id), set, stratum, outlet. Chosen by eval/heldout/choose.py; text read from ../shared.',
            'id\tcorpus\tlocator\tset\tstratum\toutlet']
    sys.stdout.write(''.join(line + '\n' for line in head + ['\t'.join(r) for r in rows]))


if __name__ == '__main__':
    main()
