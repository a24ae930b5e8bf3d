#!/usr/bin/env python3
"""Event-type accuracy on the UniversalPetrarch Arabic gold-standard sentences (ASSAULT, PROTEST).

    python3 bench/eval/petrarch.py [--rasad target/release/rasad] [--shared ../shared]

Each record is one Arabic news sentence with one gold event whose PLOVER category is ASSAULT or
PROTEST. Reported per file: coverage (sentences where Rasad finds any event), "any" (the gold type
is among the types Rasad finds) and "first" (Rasad's first event has the gold type). The protest
file lacks its closing root tag, so records are read with a lenient pattern, not an XML parser.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
REC = re.compile(r'<Sentence\s+category="(\w+)"\s+date="(\d{8})"[^>]*\bid="([^"]+)"[^>]*>.*?<Text>\s*(.*?)\s*</Text>', re.S)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rasad', default=os.path.join(ROOT, 'target', 'release', 'rasad'))
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    a = ap.parse_args()
    base = os.path.join(a.shared, 'data', 'universalpetrarch-arabic')
    if not os.path.isdir(base):
        sys.exit(f"skipped: {base} is absent")
    total = {}
    for name in ['arabic_assault_gsr_validation.xml', 'arabic_protest_gsr_validation.xml']:
        text = open(os.path.join(base, name), encoding='utf-8', errors='replace').read()
        recs = REC.findall(text)
        lines = [json.dumps({'id': rid, 'text': t, 'published': f"{d[:4]}-{d[4:6]}-{d[6:]}"}, ensure_ascii=False) for cat, d, rid, t in recs]
        p = subprocess.run([a.rasad, 'extract', '--input', 'jsonl', '-'], input='\n'.join(lines) + '\n', capture_output=True, text=True)
        out = {r['id']: r for r in map(json.loads, p.stdout.splitlines())}
        cov = anyhit = first = 0
        confusion = {}
        for cat, d, rid, t in recs:
            evs = out.get(rid, {}).get('events', [])
            types = [e['type'] for e in evs]
            cov += bool(types)
            anyhit += cat in types
            first += bool(types) and types[0] == cat
            key = types[0] if types else '(none)'
            confusion[key] = confusion.get(key, 0) + 1
        n = len(recs)
        cat = recs[0][0] if recs else '?'
        total[cat] = (n, cov, anyhit, first)
        top = ', '.join(f"{k} {v}" for k, v in sorted(confusion.items(), key=lambda x: -x[1])[:6])
        print(f"{cat}: {n} sentences; with an event {cov} ({100 * cov / n:.1f}%); gold type among them {anyhit} ({100 * anyhit / n:.1f}%); "
              f"first event right {first} ({100 * first / n:.1f}%); first types: {top}")
    n = sum(v[0] for v in total.values())
    print(f"ALL: {n} sentences; gold type found {100 * sum(v[2] for v in total.values()) / n:.1f}%; "
          f"first event right {100 * sum(v[3] for v in total.values()) / n:.1f}%")


if __name__ == '__main__':
    main()
