#!/usr/bin/env python3
"""Writes SaudiNewsNet days as extract input (JSON Lines) for benchmarks. Never shipped.

    python3 bench/corpus/saudinewsnet_jsonl.py [--days N] [--shared ../shared] > /tmp/snn.jsonl

SaudiNewsNet is CC BY-NC-SA 4.0 (Alhagri 2015): used here only to measure, nothing derived from it ships.
"""
import argparse
import glob
import gzip
import json
import os
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--days', type=int, default=6)
ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared'))
a = ap.parse_args()
files = sorted(glob.glob(os.path.join(a.shared, 'data', 'saudinewsnet', '*.json.gz')))[:a.days]
if not files:
    sys.exit('skipped: no SaudiNewsNet files under ' + a.shared)
n = size = 0
for f in files:
    for art in json.load(gzip.open(f)):
        text = (art.get('title') or '') + '\n\n' + (art.get('content') or '')
        print(json.dumps({'id': art.get('url') or str(n), 'text': text, 'published': (art.get('date_extracted') or '')[:10], 'outlet': art.get('source')}, ensure_ascii=False))
        n += 1
        size += len(text.encode())
print(f'{n} documents, {size / 1e6:.1f} MB of text', file=sys.stderr)
