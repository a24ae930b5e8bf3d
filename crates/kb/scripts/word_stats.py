#!/usr/bin/env python3
"""Builds crates/kb/data/word_stats.tsv: how the one-word place names of the knowledge base are used in
ordinary Arabic news, so the linker can tell a town's name from a common word (بيان، إطار، الخبر، الباب).

    python3 crates/kb/scripts/word_stats.py [--shared ../shared] > crates/kb/data/word_stats.tsv

Input: SANAD, AlKhaleej part (../shared/data/sanad-khaleej/sanad_khaleej.jsonl.gz; 45,500 articles, all
seven labels; CC BY 4.0, Einea, Elnagar and Al Debsi 2019, doi:10.17632/57zpx667y9.2). Only counts leave
this script, never text. Names: every one-word Arabic name of crates/kb/data/places.csv and gazetteer.tsv,
by match key (diacritics dropped, alef forms to ا, ة to ه, ى to ي, ؤ ئ to ء; as rasad_text::match_key).

For each name key K, with the proclitics و ف ب ل (and لل for ل + ال) taken off every word:
  n     words that are K;
  prep  of those, words right after a place preposition (في من إلى على قرب نحو عند داخل بين باتجاه) or with
        the clitic ب;
  top   of those, the words after the most frequent single one of these prepositions (في إطار);
  var   words that are another form of the same word: the article added or dropped (خبر for الخبر), an
        attached pronoun (بيانها، إطارهم; not ه, which is also ة; for a name ending in ه, that ه read as
        the pronoun too: داخلها for داخله), the plural in ات, the indefinite
        accusative in ا (بيانا، إطارا), the imperfect's other person prefix (يدمر for تدمر).
  gen   of the words K without the article, those right before a word with it: a noun in construct
        (وقف إطلاق، بوجه السماسرة، في إطار الحملة) far more often than a town's name.
Rows with n + var < 3 are left out (an absent name is a rare word). Output: a header, then
key <TAB> n <TAB> prep <TAB> top <TAB> var <TAB> gen, sorted by key.
"""
import argparse, collections, csv, gzip, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
_MAP = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ؤ': 'ء', 'ئ': 'ء',
                      'ک': 'ك', 'ـ': None})
_MARKS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]')
WORD = re.compile('[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+')
PREPS = {'في', 'من', 'الي', 'علي', 'قرب', 'نحو', 'عند', 'داخل', 'بين', 'باتجاه'}
SUFFIXES = ('ها', 'هم', 'هما', 'ك', 'كم', 'نا')


def key(w):
    return _MARKS.sub('', w).translate(_MAP)


def names():
    out = set()
    for row in csv.reader(l for l in open(os.path.join(DATA, 'places.csv'), encoding='utf-8') if not l.startswith('#')):
        if row[0] != 'id':
            out.update(row[2].split('|'))
    for line in open(os.path.join(DATA, 'gazetteer.tsv'), encoding='utf-8'):
        if not line.startswith('#'):
            out.update(line.split('\t')[2].split('|'))
    return {key(n) for n in out if len(n.split()) == 1 and len(key(n)) >= 2}


def variants(k):
    """Other forms of the word K (never K itself)."""
    base = k[2:] if k.startswith('ال') and len(k) > 3 else k
    out = {base if base != k else 'ال' + k}
    stem = base[:-1] + 'ت' if base.endswith('ه') else base
    out.update(stem + s for s in SUFFIXES)
    if base.endswith('ه') and len(base) >= 4:
        # The final ه may be the pronoun (داخله "inside it"): the word with the other pronouns.
        out.update(base[:-1] + s for s in SUFFIXES)
    out.add(stem + 'ات')
    if base[-1] not in 'هاوي':
        out.add(base + 'ا')
    if len(base) >= 4 and base[0] in 'تي':
        out.add(('ي' if base[0] == 'ت' else 'ت') + base[1:])
    out.discard(k)
    return out


def strip(w):
    """The word without proclitics: (rest, had ب)."""
    for p in ('وبال', 'فبال', 'بال', 'وال', 'فال'):
        if w.startswith(p) and len(w) > len(p) + 1:
            return 'ال' + w[len(p):], p.endswith('بال')
    for p in ('ولل', 'فلل', 'لل'):
        if w.startswith(p) and len(w) > len(p) + 1:
            return 'ال' + w[len(p):], False
    for p in ('وب', 'فب', 'ول', 'فل', 'و', 'ف', 'ب', 'ل'):
        if w.startswith(p) and len(w) > len(p) + 2:
            return w[len(p):], p.endswith('ب')
    return w, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(HERE, '..', '..', '..', '..', 'shared'))
    a = ap.parse_args()
    path = os.path.join(a.shared, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz')
    targets = names()
    var_of = collections.defaultdict(list)
    for k in targets:
        for v in variants(k):
            var_of[v].append(k)
    n, prep, var, gen = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    by_prep = collections.Counter()
    for line in gzip.open(path, 'rt', encoding='utf-8'):
        prev, last = '', None
        for m in WORD.finditer(json.loads(line)['text']):
            raw = key(m.group())
            if last and raw.startswith('ال'):
                gen[last] += 1
            w, bi = strip(raw)
            hit = w if w in targets else (raw if raw in targets else None)
            if hit:
                n[hit] += 1
                if (bi and hit == w) or prev in PREPS:
                    prep[hit] += 1
                    by_prep[(hit, 'ب' if bi and hit == w else prev)] += 1
            last = hit if hit and not hit.startswith('ال') else None
            for t in set(var_of.get(w, ())) | (set(var_of.get(raw, ())) if raw != w else set()):
                var[t] += 1
            prev = raw
    print('# Word statistics of one-word place names, counted by crates/kb/scripts/word_stats.py in SANAD (AlKhaleej')
    print('# part; CC BY 4.0: Einea, Elnagar and Al Debsi, Data in Brief 25:104076, 2019; doi:10.17632/57zpx667y9.2).')
    print('# Columns: match key, n (words that are the name), prep (of those, after a place preposition or ب),')
    print('# top (of those, after the most frequent one of them alone),')
    print('# var (words that are another form of the same word: article, attached pronoun, verb prefix),')
    print('# gen (of the words without the article, those followed by a word with it, as a noun in construct).')
    top = collections.Counter()
    for (k, _), c in by_prep.items():
        top[k] = max(top[k], c)
    for k in sorted(targets):
        if n[k] + var[k] >= 3:
            print(f'{k}\t{n[k]}\t{prep[k]}\t{top[k]}\t{var[k]}\t{gen[k]}')


if __name__ == '__main__':
    main()
