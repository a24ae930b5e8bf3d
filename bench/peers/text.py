#!/usr/bin/env python3
"""Rasad's normalizer, tokenizer and segmenter side by side with camel-tools, pyarabic, nltk's
ISRI stemmer and tashaphyne, on the same SaudiNewsNet text, in one run.

    python3 bench/peers/text.py [--docs 2000] [--rasad target/release/rasad] [--shared ../shared]

Uses bench/peers/.venv (run.py creates it) and installs the peers into it on first use:
camel-tools without its dependencies and without its downloadable data (its normalizers, de-
diacritizer and word tokenizer need only `regex`; its morphological analyzers need the data and
torch, so its segmenter is not compared), pyarabic, nltk (ISRI needs no data) and tashaphyne.
Throughput is MB of UTF-8 text per second on one core, parsing only (no start-up, no I/O):
Rasad's figures come from `rasad bench-text` over the same documents.

What is compared:
- normalize: Rasad's match key (diacritics, tatweel, alef and hamza seats, ى/ة, digits, Persian
  letters, bidi controls) against camel-tools dediac + alef + alef maksura + teh marbuta, and
  pyarabic strip_tashkeel + strip_tatweel + normalize_hamza (+ alef maksura, teh marbuta);
- tokenize: Rasad's tokenizer (code-point spans) against camel-tools simple_word_tokenize and
  pyarabic tokenize;
- stem/segment: Rasad's tokenize + normalize + clitic segmentation of every token against
  tokenizing with camel-tools and stemming every word with ISRI or tashaphyne's light stemmer.
SaudiNewsNet is CC BY-NC-SA 4.0: used here only to measure.
"""
import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
VENV = os.path.join(HERE, '.venv')
PEERS = [('camel-tools==1.6.0', True), ('regex', False), ('pyarabic==0.6.15', False), ('nltk==3.9.1', False), ('tashaphyne==0.3.6', False)]


def ensure_venv():
    py = os.path.join(VENV, 'bin', 'python3')
    if os.path.abspath(sys.executable) != os.path.abspath(py):
        if not os.path.exists(py):
            subprocess.run([sys.executable, '-m', 'venv', VENV], check=True)
        os.execv(py, [py, *sys.argv])
    try:
        import camel_tools, tashaphyne, nltk, pyarabic  # noqa: F401
    except ImportError:
        for spec, nodeps in PEERS:
            subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', *(['--no-deps'] if nodeps else []), spec], check=True)


def rate(fn, texts, nbytes, repeat=1):
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return nbytes * repeat / 1e6 / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--docs', type=int, default=2000)
    ap.add_argument('--rasad', default=os.path.join(ROOT, 'target', 'release', 'rasad'))
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--out', default=os.path.join(HERE, 'text_results.md'))
    a = ap.parse_args()
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
    from nltk.stem.isri import ISRIStemmer
    from pyarabic import araby
    from tashaphyne.stemming import ArabicLightStemmer

    texts = []
    for f in sorted(glob.glob(os.path.join(a.shared, 'data', 'saudinewsnet', '*.json.gz'))):
        for art in json.load(gzip.open(f)):
            t = ((art.get('title') or '') + '\n\n' + (art.get('content') or '')).strip()
            if t:
                texts.append(t)
            if len(texts) >= a.docs:
                break
        if len(texts) >= a.docs:
            break
    if not texts:
        sys.exit('skipped: no SaudiNewsNet under ' + a.shared)
    nbytes = sum(len(t.encode()) for t in texts)

    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({'id': str(i), 'text': t}, ensure_ascii=False) + '\n')
        path = fh.name
    out = subprocess.run([a.rasad, 'bench-text', path], check=True, capture_output=True, text=True).stdout
    os.unlink(path)
    r = {}
    for line in out.splitlines():
        m = re.match(r'(.+?)\s{2,}([\d.]+)\s+([\d.]+)$', line)
        if m:
            r[m.group(1).strip()] = float(m.group(3))

    def camel_norm(t):
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(t))))

    def pyarabic_norm(t):
        t = araby.normalize_hamza(araby.strip_tatweel(araby.strip_tashkeel(t)))
        return t.replace('ى', 'ي').replace('ة', 'ه')

    isri, light = ISRIStemmer(), ArabicLightStemmer()

    def isri_stem(t):
        for w in simple_word_tokenize(t):
            isri.stem(w)

    def tashaphyne_stem(t):
        for w in simple_word_tokenize(t):
            light.light_stem(w)
            light.get_stem()

    rows = [
        ('normalize', 'Rasad match key', r['normalize (match key)'], [('camel-tools', rate(camel_norm, texts, nbytes)), ('pyarabic', rate(pyarabic_norm, texts, nbytes))]),
        ('tokenize', 'Rasad tokenizer', r['tokenize'], [('camel-tools', rate(simple_word_tokenize, texts, nbytes)), ('pyarabic', rate(araby.tokenize, texts, nbytes))]),
        ('stem / segment', 'Rasad tokenize + normalize + segment',
         r['pipeline: tokenize'] * r['pipeline: normalize + segment'] / (r['pipeline: tokenize'] + r['pipeline: normalize + segment']),
         [('ISRI (nltk)', rate(isri_stem, texts, nbytes)), ('tashaphyne', rate(tashaphyne_stem, texts, nbytes))]),
    ]
    lines = [f"{len(texts)} SaudiNewsNet documents, {nbytes / 1e6:.1f} MB; MB/s on one core.", '',
             '| task | Rasad | MB/s | peer | MB/s | Rasad ÷ peer |', '|---|---|---|---|---|---|']
    for task, what, rr, peers in rows:
        for name, pr in peers:
            lines.append(f"| {task} | {what} | {rr:.1f} | {name} | {pr:.2f} | {rr / pr:.0f}× |")
    text = '\n'.join(lines)
    print(text)
    print('\n' + out)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(f"<!-- written by bench/peers/text.py -->\n\n{text}\n\n```\n{out}```\n")


if __name__ == '__main__':
    ensure_venv()
    main()
