#!/usr/bin/env python3
"""Where the entities `rasad extract` emits differ from ANERcorp's gold ones, by cause.

    eval/ner/gap.py [--test FILE] [--per-doc 25] [--show CAUSE]   (RASAD=path/to/rasad)

Builds the same documents as `rasad ner eval --through-extract` (the sentences' tokens joined by
spaces, one sentence a line, 25 sentences a document), runs `rasad extract` on them, widens each
entity to the whitespace tokens it touches, and sorts every emitted and every gold entity into
one cause: right; linked mention with another label than gold (by label pair); linked mention
where gold has nothing (by label: demonyms, generic actors …); linked mention with other
boundaries; model name wrong (type / boundaries / spurious); gold entity missed. Reads the test
split from ../shared (skips with a message when it is absent); prints counts and, with --show,
the examples of one cause.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
shared = os.environ.get("RASAD_SHARED", os.path.join(os.path.dirname(root), "shared"))
TEST = os.path.join(shared, "data/anercorp-camellab/ANERCorp_CamelLab_test.txt")
LABEL = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def read_conll(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        tok, _, tag = line.rpartition(" ")
        cur.append((tok or tag, tag if tok else "O"))
    if cur:
        sents.append(cur)
    return sents


def gold_spans(tags):
    """(start, end, type) of BIO tags, I- without its B- starting an entity (as rasad reads them)."""
    out, i = [], 0
    norm = []
    for t in tags:
        t = t.replace("PER", "PERS").replace("PERSS", "PERS") if t.endswith("PER") else t
        norm.append(t if t[:2] in ("B-", "I-") else "O")
    while i < len(norm):
        if norm[i] != "O":
            kind, j = norm[i][2:], i + 1
            while j < len(norm) and norm[j] == "I-" + kind:
                j += 1
            out.append((i, j, kind))
            i = j
        else:
            i += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--test", default=TEST)
    ap.add_argument("--per-doc", type=int, default=25)
    ap.add_argument("--show", default=None)
    a = ap.parse_args()
    if not os.path.exists(a.test):
        print(f"skipped: {a.test} is absent (the test split is read from ../shared)")
        return
    binary = os.environ.get("RASAD", os.path.join(root, "target/release/rasad"))
    sents = read_conll(a.test)
    docs, layout = [], []
    for d in range(0, len(sents), a.per_doc):
        chunk, text, toks, pos = sents[d:d + a.per_doc], [], [], 0
        for si, s in enumerate(chunk):
            line = []
            for ti, (tok, _) in enumerate(s):
                if ti:
                    pos += 1
                toks.append((d + si, ti, pos, pos + len(tok)))
                line.append(tok)
                pos += len(tok)
            text.append(" ".join(line))
            pos += 1
        docs.append({"id": f"anercorp-{d // a.per_doc}", "text": "\n".join(text) + "\n"})
        layout.append(toks)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    out = subprocess.run([binary, "extract", "--input", "jsonl", f.name], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    causes, examples = collections.Counter(), collections.defaultdict(list)
    hit_gold = set()
    for rec, toks in zip(map(json.loads, out.splitlines()), layout):
        taken = set()
        for e in sorted(rec["entities"], key=lambda e: e["start"]):
            cov = [t for t in toks if t[2] < e["end"] and e["start"] < t[3]]
            if not cov or any((t[0], t[1]) in taken for t in cov) or len({t[0] for t in cov}) > 1:
                continue
            taken.update((t[0], t[1]) for t in cov)
            si, a0, b0 = cov[0][0], cov[0][1], cov[-1][1] + 1
            kind, src = LABEL[e["label"]], ("linked" if "id" in e else "model")
            gs = gold_spans([t for _, t in sents[si]])
            words = " ".join(w for w, _ in sents[si][a0:b0])
            if (a0, b0, kind) in gs:
                cause = f"{src}: right {kind}"
                hit_gold.add((si, a0, b0))
            elif any(g[:2] == (a0, b0) for g in gs):
                g = next(g for g in gs if g[:2] == (a0, b0))
                cause = f"{src}: {kind} where gold {g[2]}"
                hit_gold.add((si, a0, b0, "typed"))
            elif any(g[0] < b0 and a0 < g[1] for g in gs):
                cause = f"{src}: {kind} with other boundaries"
            else:
                cause = f"{src}: {kind} where gold has none"
            causes[cause] += 1
            examples[cause].append(f"{words}  [{e.get('id', '')}]  | " + " ".join(w for w, _ in sents[si][max(0, a0 - 3):b0 + 3]))
    for si, s in enumerate(sents):
        for g in gold_spans([t for _, t in s]):
            if (si, g[0], g[1]) not in hit_gold:
                causes[f"gold {g[2]} missed or mistyped"] += 1
                examples[f"gold {g[2]} missed or mistyped"].append(" ".join(w for w, _ in s[g[0]:g[1]]))
    for c, n in sorted(causes.items(), key=lambda x: (x[0].split(":")[0], -x[1])):
        print(f"{n:6d}  {c}")
    if a.show:
        for c in sorted(examples):
            if a.show in c:
                print(f"\n== {c}")
                for x in examples[c][:60]:
                    print("  ", x)


if __name__ == "__main__":
    sys.exit(main())
