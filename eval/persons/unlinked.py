#!/usr/bin/env python3
"""Which persons of the news the actor catalogue misses: unlinked person names, counted.

    eval/persons/unlinked.py [--corpus dev,snn,sanad] [--snn 3000] [--sanad 2000] [--top 60]
                             [--keep DIR] [--pred DIR]          (RASAD=path/to/rasad)

Builds three inputs from ../shared (RASAD_SHARED for another folder): the development set
(eval/dev/devset.py input), every k-th SaudiNewsNet article of 2015 (k chosen so that about --snn
articles are read) and the first --sanad articles of SANAD-AlKhaleej's politics label; articles of
the development and held-out lists are left out of the last two. Runs `rasad extract` on each (or
reads DIR/<corpus>.jsonl written by an earlier --keep DIR run, with --pred DIR) and counts, per corpus:

- person spans in actor/target roles: event arguments linked to a person of the catalogue (id
  P-...), or unlinked and overlapping a PER entity of the NER model; the share that links is the
  coverage figure of issue 25 (persons).
- unlinked PER entities (anywhere in the text, in events or not).

Then lists the unlinked names that cover most of them, grouped by a spelling key (alef, ya and
ta marbuta forms, diacritics and a leading clitic و ف ب ل aside), each with its count as an
event argument, as an entity, and the words most often written before it (the title: وزير الخارجية
المصري). Prints figures only; names and titles are facts, the articles' text is never written out
except in the DIR files of --keep (keep them out of the repository).

Skips with a message when ../shared is absent.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get('RASAD_SHARED') or os.path.join(os.path.dirname(ROOT), 'shared')
BIN = os.environ.get('RASAD') or os.path.join(ROOT, 'target', 'release', 'rasad')

DIACRITICS = re.compile('[\u064b-\u0652\u0670\u0640]')
WORD = re.compile(r'[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u064b-\u0652\u0670\u0640]+')


def key(name):
    """A spelling key: diacritics and tatweel removed, alef/hamza, ya and ta marbuta forms unified."""
    s = DIACRITICS.sub('', name)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return ' '.join(WORD.findall(s))


def listed(path):
    ids = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or line.startswith('id\t') or not line.strip():
            continue
        c = line.rstrip('\n').split('\t')
        ids.add((c[1], c[2]))
    return ids


def snn_input(n, skip, out):
    files = sorted(glob.glob(os.path.join(SHARED, 'data', 'saudinewsnet', '*.json.gz')))
    days = [(os.path.basename(f), json.load(gzip.open(f))) for f in files]
    total = sum(len(d) for _, d in days)
    step = max(1, total // max(n, 1))
    k = 0
    for name, arts in days:
        for i, art in enumerate(arts):
            k += 1
            if k % step or ('saudinewsnet', f'{name}#{i}') in skip:
                continue
            text = (art.get('title') or '') + '\n\n' + (art.get('content') or '')
            doc = {'id': f'snn-{name[:10]}-{i}', 'text': text, 'published': (art.get('date_extracted') or '')[:10]}
            out.write(json.dumps(doc, ensure_ascii=False) + '\n')


def sanad_input(n, skip, out):
    path = os.path.join(SHARED, 'data', 'sanad-khaleej', 'sanad_khaleej.jsonl.gz')
    k = 0
    for line in gzip.open(path, 'rt', encoding='utf-8'):
        r = json.loads(line)
        if r['label'] != 'politics' or ('sanad-khaleej', r['id']) in skip:
            continue
        out.write(json.dumps({'id': r['id'], 'text': r['text']}, ensure_ascii=False) + '\n')
        k += 1
        if k >= n:
            break


def build_input(corpus, args, skip, path):
    with open(path, 'w', encoding='utf-8') as out:
        if corpus == 'dev':
            env = dict(os.environ, RASAD_SHARED=SHARED)
            subprocess.run([sys.executable, os.path.join(ROOT, 'eval', 'dev', 'devset.py'), 'input'], stdout=out, env=env, check=True)
        elif corpus == 'snn':
            snn_input(args.snn, skip, out)
        else:
            sanad_input(args.sanad, skip, out)


def overlaps(a, b):
    return a['start'] < b['end'] and b['start'] < a['end']


def title_before(text, start, words=3):
    """The up to `words` Arabic words before `start` in its clause (the title: وزير الخارجية المصري)."""
    clause = re.split(r'[.،,:؛;\n«»"()\-]', text[max(0, start - 80):start])[-1]
    return ' '.join(WORD.findall(clause)[-words:])


class Tally:
    def __init__(self):
        self.docs = 0
        self.args_linked = 0
        self.args_unlinked = 0
        self.per_linked = 0
        self.per_unlinked = 0
        self.names = collections.defaultdict(lambda: {'arg': 0, 'ent': 0, 'forms': collections.Counter(), 'titles': collections.Counter()})

    def add(self, doc, text):
        self.docs += 1
        pers = [e for e in doc.get('entities', []) if e.get('label') == 'PER']
        for e in pers:
            if e.get('id'):
                self.per_linked += 1
                continue
            self.per_unlinked += 1
            n = self.names[key(e['text'])]
            n['ent'] += 1
            n['forms'][e['text']] += 1
            n['titles'][title_before(text, e['start'])] += 1
        seen = set()
        for ev in doc.get('events', []):
            for a in ev.get('actors', []) + ev.get('targets', []):
                if (a['start'], a['end']) in seen:
                    continue
                if a.get('id', '').startswith('P-'):
                    seen.add((a['start'], a['end']))
                    self.args_linked += 1
                elif not a.get('id') and any(overlaps(a, e) for e in pers):
                    seen.add((a['start'], a['end']))
                    self.args_unlinked += 1
                    for e in pers:
                        if overlaps(a, e) and not e.get('id'):
                            self.names[key(e['text'])]['arg'] += 1

    def merged(self):
        """Names with a leading clitic (وسامح شكري) folded into the name without it when that is seen."""
        out = {}
        for k in sorted(self.names, key=len):
            v = self.names[k]
            base = k[1:] if k[:1] in 'وفبل' and k[1:] in out else k
            if base in out:
                o = out[base]
                o['arg'] += v['arg']
                o['ent'] += v['ent']
                o['forms'].update(v['forms'])
                o['titles'].update(v['titles'])
            else:
                out[k] = v
        return out


def pct(a, b):
    return f'{100 * a / b:.1f}%' if b else '-'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--corpus', default='dev,snn,sanad')
    ap.add_argument('--snn', type=int, default=3000, help='about this many SaudiNewsNet articles')
    ap.add_argument('--sanad', type=int, default=2000, help='this many SANAD politics articles')
    ap.add_argument('--top', type=int, default=60, help='names listed')
    ap.add_argument('--keep', help='write each corpus input and output to this folder')
    ap.add_argument('--pred', help='read DIR/<corpus>.input.jsonl and DIR/<corpus>.jsonl instead of running the binary')
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, 'data', 'saudinewsnet')):
        print(f'skipped: {SHARED}/data is absent (the counts read their articles from ../shared)')
        return
    skip = listed(os.path.join(ROOT, 'eval', 'dev', 'articles.tsv')) | listed(os.path.join(ROOT, 'eval', 'heldout', 'articles.tsv'))
    work = args.pred or args.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    total = Tally()
    for corpus in args.corpus.split(','):
        inp, pred = os.path.join(work, f'{corpus}.input.jsonl'), os.path.join(work, f'{corpus}.jsonl')
        if not args.pred:
            if not os.access(BIN, os.X_OK):
                sys.exit(f'no {BIN}: build it first (cargo build --release)')
            build_input(corpus, args, skip, inp)
            with open(pred, 'w') as out:
                subprocess.run([BIN, 'extract', '--input', 'jsonl', inp], stdout=out, check=True)
        texts = {}
        for line in open(inp, encoding='utf-8'):
            d = json.loads(line)
            texts[d['id']] = d['text']
        t = Tally()
        for line in open(pred, encoding='utf-8'):
            doc = json.loads(line)
            t.add(doc, texts[doc['id']])
            total.add(doc, texts[doc['id']])
        arg_all = t.args_linked + t.args_unlinked
        print(f'{corpus}: {t.docs} articles; person spans in actor/target roles {arg_all}, linked {t.args_linked} '
              f'({pct(t.args_linked, arg_all)}); PER entities {t.per_linked + t.per_unlinked}, unlinked {t.per_unlinked}')
    arg_all = total.args_linked + total.args_unlinked
    print(f'all: {total.docs} articles; person spans in actor/target roles {arg_all}, linked {total.args_linked} '
          f'({pct(total.args_linked, arg_all)}); PER entities {total.per_linked + total.per_unlinked}, '
          f'linked {total.per_linked} ({pct(total.per_linked, total.per_linked + total.per_unlinked)})')
    names = total.merged()
    ranked = sorted(names.items(), key=lambda kv: (-(3 * kv[1]['arg'] + kv[1]['ent']), kv[0]))
    print(f'\nunlinked names, most frequent first (arg: as actor/target; ent: PER entities; title: words before)')
    for k, v in ranked[: args.top]:
        form = v['forms'].most_common(1)[0][0]
        titles = ' | '.join(f'{t} ({c})' for t, c in v['titles'].most_common(2) if t)
        print(f"{v['arg']:4d} {v['ent']:5d}  {form}   {titles}")
    if args.keep is None and args.pred is None:
        for f in glob.glob(os.path.join(work, '*.jsonl')):
            os.remove(f)
        os.rmdir(work)

if __name__ == '__main__':
    main()
