#!/usr/bin/env python3
"""Builds crates/ner/data/person_names.tsv: Arabic given names and family names with how many
people carry them, from Wikidata (CC0), for the NER model's person-name features.

    python3 crates/ner/data/build_person_names.py

The Wikidata extraction is the one published in the arabic-name-romanizer wheel (UNICEF, MIT;
pinned below): its name index holds labels of people with citizenship in Arabic-speaking
countries, split into given-name and family-name units. Only its rows whose source is Wikidata
are read (the index also holds Algerian corpora, which are not used here). The wheel is fetched
from PyPI into a temporary folder; nothing of its code is used.
"""
import collections
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

WHEEL = 'arabic-name-romanizer==0.2.0'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'person_names.tsv')


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '-d', tmp, WHEEL], check=True)
        whl = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith('.whl'))
        with zipfile.ZipFile(whl) as z:
            db = z.extract('arabic_name_romanizer/resources/names.sqlite3', tmp)
        given, family = collections.Counter(), collections.Counter()
        con = sqlite3.connect(db)
        for key, role, n in con.execute("SELECT arabic_key, role, count FROM units WHERE source = 'wikidata'"):
            key = key.strip()
            if not key or ' ' in key:
                continue
            if role == 'given':
                given[key] += n
            elif role == 'surname':
                family[key] += n
        con.close()
    keys = sorted(set(given) | set(family))
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('# Arabic person-name units: key, people with it as a given name, as a family name.\n')
        f.write(f'# Built by crates/ner/data/build_person_names.py from Wikidata (CC0 1.0) via {WHEEL}.\n')
        for k in keys:
            f.write(f'{k}\t{given[k]}\t{family[k]}\n')
    print(f'{len(keys)} name units -> {OUT}')


if __name__ == '__main__':
    main()
