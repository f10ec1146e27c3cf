#!/usr/bin/env python3
"""Draws the corpus part of the evaluation set (ids only): three strata of 50 articles each,
seeded, from articles whose body is at most 4,500 characters (long enough for most news, short
enough to read whole when annotating).

usage: sample.py CORPUS.jsonl > ids.txt
       sample.py CORPUS.jsonl --heldout > heldout_ids.txt
  random    any article
  documents an article citing a numbered document (a code such as 15-NQ/TU or 158/2005/NĐ-CP)
  events    an article whose title or first paragraph names a meeting, visit, review or Party work
An article drawn for one stratum is not drawn again for another.

--heldout draws the held-out set (another seed; 10 random, 15 documents, 15 events), none of
them in corpus.jsonl: annotated after the extractors were written, and never used to tune them.
"""
import json
import random
import re
import sys

CODE = re.compile(r"\d{1,5}\s*(?:-\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*/|/\s*(?:\d{4}\s*/\s*)?[A-ZĐ][A-Za-zĐđ]{0,6}\s*[-–])")
EVENT = re.compile(r"hội nghị|đại hội|họp|hội thảo|làm việc|đảng viên|kết nạp|tổng kết|sơ kết|ban chỉ đạo|kiểm tra|thăm|tỉnh ủy|thành ủy|ubnd|hđnd", re.I)

rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rows = [r for r in rows if len(r["body"]) <= 4500]
heldout = "--heldout" in sys.argv[2:]
rng = random.Random(20250601 if heldout else 20240514)
taken = set()
if heldout:
    here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
    taken = {json.loads(l)["id"] for l in open(f"{here}/corpus.jsonl", encoding="utf-8")}
sizes = {"random": 10, "documents": 15, "events": 15} if heldout else {}
for name, pred in [
    ("random", lambda r: True),
    ("documents", lambda r: CODE.search((r["title"] or "") + "\n" + r["body"])),
    ("events", lambda r: EVENT.search((r["title"] or "") + "\n" + r["body"].split("\n")[0])),
]:
    pool = [r["id"] for r in rows if r["id"] not in taken and pred(r)]
    for i in rng.sample(pool, sizes.get(name, 50)):
        taken.add(i)
        print(name, i)
