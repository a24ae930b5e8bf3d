#!/usr/bin/env python3
"""The place set's tools: draw candidate mentions from ../shared, show them for annotation, build input.

    python3 eval/places/pick.py sample [SEED [curated=N,large=N,small=N]] > /tmp/candidates.tsv
                                                                # candidate mentions (no text kept)
    python3 eval/places/pick.py show /tmp/candidates.tsv       # each with its context, for reading
    python3 eval/places/pick.py input > places.input.jsonl     # the articles and sentences as extract input

A candidate is a word or two whose match key (clitics و ف ب ل and the article aside) is a name of
crates/kb/data/places.csv or gazetteer.tsv, in an article of SaudiNewsNet or SANAD-AlKhaleej that
is in neither eval/dev/articles.tsv nor eval/heldout/articles.tsv. The draw is seeded (random.Random(SEED), 19 by default),
at most 3 mentions a name and 2 an article, in three strata by
[`klass`] (QUOTA). The annotator reads each context and writes the gold
(mentions.tsv); articles are read from ../shared at run time, never stored.
"""
import csv, glob, gzip, json, os, random, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(ROOT, '..', 'shared')
KB = os.path.join(ROOT, 'crates', 'kb', 'data')

_MAP = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ـ': None})
_MARKS = re.compile('[\u064b-\u0652\u0670]')


def key(w):
    """A rough Python match key: no diacritics or tatweel, alef forms to ا, ة to ه, ى to ي."""
    return _MARKS.sub('', w).translate(_MAP)


def places():
    """Place id -> (name, feature, country, population, curated, Arabic names)."""
    out = {}
    for row in csv.reader(l for l in open(os.path.join(KB, 'places.csv'), encoding='utf-8') if not l.startswith('#')):
        if row[0] == 'id':
            continue
        out[row[0]] = (row[1], row[5], row[7], 0, True, row[2].split('|'))
    for line in open(os.path.join(KB, 'gazetteer.tsv'), encoding='utf-8'):
        if line.startswith('#'):
            continue
        c = line.rstrip('\n').split('\t')
        out.setdefault(c[0], (c[1], c[5], c[8], int(c[9] or 0), False, c[2].split('|')))
    return out


def listed():
    """Locators of the development and held-out articles (never drawn)."""
    seen = set()
    for f in ('dev', 'heldout'):
        for line in open(os.path.join(ROOT, 'eval', f, 'articles.tsv'), encoding='utf-8'):
            c = line.rstrip('\n').split('\t')
            if len(c) >= 3 and not line.startswith('#'):
                seen.add(c[2])
    return seen


def snn_docs():
    for path in sorted(glob.glob(os.path.join(SHARED, 'data', 'saudinewsnet', '*.json.gz'))):
        f = os.path.basename(path)
        for i, art in enumerate(json.load(gzip.open(path))):
            text = (art.get('title') or '') + '\n\n' + (art.get('content') or '')
            yield 'saudinewsnet', f'{f}#{i}', text, (art.get('date_extracted') or '')[:10]


def sanad_docs():
    for line in gzip.open(os.path.join(SHARED, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz'), 'rt', encoding='utf-8'):
        r = json.loads(line)
        yield 'sanad-khaleej', r['id'], r['text'], r.get('label')


def load(corpus, loc):
    """The text of one article, as extract reads it (SaudiNewsNet: title, blank line, content)."""
    if corpus == 'saudinewsnet':
        f, i = loc.split('#')
        art = json.load(gzip.open(os.path.join(SHARED, 'data', 'saudinewsnet', f)))[int(i)]
        return (art.get('title') or '') + '\n\n' + (art.get('content') or ''), (art.get('date_extracted') or '')[:10]
    for c, l, text, _ in sanad_docs():
        if l == loc:
            return text, None
    raise SystemExit(f'no SANAD article {loc}')


WORD = re.compile('[\u0621-\u064a\u0640\u064b-\u0652\u0670]+')
PREFIXES = ('وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', '')


def names_index(pl):
    idx = defaultdict(set)
    for pid, (_, _, _, _, _, ars) in pl.items():
        for a in ars:
            ks = tuple(key(w) for w in a.split())
            if ks and len(ks[0]) >= 3:
                idx[ks].add(pid)
    return idx


def klass(pl, ids):
    """The draw's stratum of a name: curated (a curated place has it), large (a built place of 20,000
    people or more, a city or an admin area), small (only villages and small towns)."""
    if any(pl[i][4] for i in ids):
        return 'curated'
    if any(pl[i][3] >= 20000 or pl[i][1] in ('city', 'capital', 'governorate', 'district') for i in ids):
        return 'large'
    return 'small'


QUOTA = {'curated': 150, 'large': 130, 'small': 50}


def sample(seed=19, quota=None):
    quota = quota or QUOTA
    pl = places()
    idx = names_index(pl)
    skip = listed()
    rng = random.Random(seed)
    per_name = defaultdict(int)
    got = defaultdict(int)
    cands = []
    snn = [d for d in snn_docs() if d[1] not in skip]
    sanad = [d for d in sanad_docs() if d[1] not in skip]
    rng.shuffle(snn)
    rng.shuffle(sanad)
    # SaudiNewsNet first, then SANAD's politics articles, then its other labels (about 5 : 3 : 1).
    pools = [(snn, 5 / 9), ([d for d in sanad if d[3] == 'politics'], 3 / 9), ([d for d in sanad if d[3] != 'politics'], 1 / 9)]
    for pool, share in pools:
        want = {k: round(v * share) for k, v in quota.items()}
        have = defaultdict(int)
        for corpus, loc, text, _ in pool:
            if all(have[k] >= want[k] for k in want):
                break
            found = []
            words = [(m.start(), m.end(), key(m.group())) for m in WORD.finditer(text)]
            for j, (s, e, k) in enumerate(words):
                for p in PREFIXES:
                    if not k.startswith(p):
                        continue
                    rest = k[len(p):]
                    forms = [rest]
                    if p.endswith('ل') and rest.startswith('ل'):
                        forms.append('ا' + rest)  # للحسكة is ل + الحسكة
                    hit = None
                    for f in forms:
                        two = (f, words[j + 1][2]) if j + 1 < len(words) else None
                        if two and two in idx:
                            hit = (s, words[j + 1][1], idx[two])
                        elif (f,) in idx:
                            hit = (s, e, idx[(f,)])
                        if hit:
                            break
                    if hit:
                        found.append(hit)
                        break
            rng.shuffle(found)
            took = 0
            for s, e, ids in found:
                name = key(text[s:e])
                c = klass(pl, ids)
                if per_name[name] >= 3 or took >= 2 or have[c] >= want[c]:
                    continue
                per_name[name] += 1
                have[c] += 1
                took += 1
                cands.append((corpus, loc, s, e, ','.join(sorted(ids))))
    for c in cands:
        print('\t'.join(map(str, c)))


def show(path):
    pl = places()
    cache = {}
    for n, line in enumerate(open(path, encoding='utf-8')):
        corpus, loc, s, e, ids = line.rstrip('\n').split('\t')
        s, e = int(s), int(e)
        if (corpus, loc) not in cache:
            cache[(corpus, loc)] = load(corpus, loc)[0]
        t = cache[(corpus, loc)]
        ctx = (t[max(0, s - 90):s] + '[[' + t[s:e] + ']]' + t[e:e + 70]).replace('\n', ' / ')
        cs = sorted(ids.split(','), key=lambda i: (not pl[i][4], -pl[i][3]))[:4]
        desc = '; '.join(f'{i} {pl[i][0]} {pl[i][1]} {pl[i][2]} {pl[i][3]}' for i in cs)
        print(f'{n}\t{ctx}\n\t\t{desc}')


def gold_rows():
    rows = []
    for line in open(os.path.join(HERE, 'mentions.tsv'), encoding='utf-8'):
        if line.startswith('#') or line.startswith('corpus\t') or not line.strip():
            continue
        corpus, loc, s, e, kind, gold = line.rstrip('\n').split('\t')[:6]
        rows.append((corpus, loc, int(s), int(e), kind, gold))
    return rows


def sentences():
    rows = []
    for line in open(os.path.join(HERE, 'sentences.tsv'), encoding='utf-8'):
        if line.startswith('#') or line.startswith('text\t') or not line.strip():
            continue
        text, name, kind, gold = line.rstrip('\n').split('\t')[:4]
        rows.append((text, name, kind, gold))
    return rows


def make_input():
    """One extract document per article of mentions.tsv (id corpus:locator) and per team sentence (id s:N)."""
    docs = {}
    sanad_needed = {loc for c, loc, *_ in gold_rows() if c == 'sanad-khaleej'}
    sanad = {l: t for c, l, t, _ in sanad_docs() if l in sanad_needed} if sanad_needed else {}
    days = {}
    for corpus, loc, *_ in gold_rows():
        if (corpus, loc) in docs:
            continue
        if corpus == 'saudinewsnet':
            f, i = loc.split('#')
            if f not in days:
                days[f] = json.load(gzip.open(os.path.join(SHARED, 'data', 'saudinewsnet', f)))
            art = days[f][int(i)]
            text = (art.get('title') or '') + '\n\n' + (art.get('content') or '')
            docs[(corpus, loc)] = {'id': f'{corpus}:{loc}', 'text': text, 'published': (art.get('date_extracted') or '')[:10]}
        else:
            docs[(corpus, loc)] = {'id': f'{corpus}:{loc}', 'text': sanad[loc]}
    for d in docs.values():
        print(json.dumps(d, ensure_ascii=False))
    for n, (text, *_) in enumerate(sentences()):
        print(json.dumps({'id': f's:{n}', 'text': text}, ensure_ascii=False))


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    if cmd == 'sample':
        q = dict((k, int(v)) for k, v in (x.split('=') for x in sys.argv[3].split(','))) if len(sys.argv) > 3 else None
        sample(int(sys.argv[2]) if len(sys.argv) > 2 else 19, q)
    elif cmd == 'show':
        show(sys.argv[2])
    elif cmd == 'input':
        make_input()
    else:
        sys.exit(__doc__)
