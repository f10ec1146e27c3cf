#!/usr/bin/env python3
"""Writes the legacy Vietnamese conversion tables in crates/ingest/data/ (run once; the
tables are committed, and the ingest tool reads them with include_str!).

- viscii.tsv and tcvn3.tsv come from glibc's charmaps (Debian's `locales` package:
  /usr/share/i18n/charmaps/VISCII.gz, after RFC 1456, and TCVN5712-1.gz, TCVN 5712:1993
  VN1, whose upper half holds the TCVN3 "ABC" letters plus the capitals with tones that
  ABC fonts lack). Every byte from 0x80 is listed, and the control bytes that hold letters.
- vni.tsv is built from VNI's rule: a base letter followed by one mark byte (tone, or
  vowel mark and tone); ơ, ư, đ, the i's with tones and ỵ are single bytes. Capitals take
  the mark byte 0x20 lower. Bytes outside these are windows-1252, as in VNI's fonts.
"""
import gzip, re, sys, unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates/ingest/data"
CHARMAPS = Path("/usr/share/i18n/charmaps")


def charmap(name):
    rows = []
    for line in gzip.open(CHARMAPS / f"{name}.gz", "rt", encoding="latin-1"):
        m = re.match(r"<U([0-9A-F]{4,})>\s+/x([0-9a-f]{2})\s", line)
        if m:
            code, byte = int(m.group(1), 16), int(m.group(2), 16)
            if code != byte or byte >= 0x80:
                rows.append((f"{byte:02X}", code))
    return rows


def vni():
    tone = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
    circ = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
    breve = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
    single_i = {None: None, "\u0301": 0xED, "\u0300": 0xEC, "\u0309": 0xE6, "\u0303": 0xF3, "\u0323": 0xF2}
    rows = []

    def add(text, seq):
        for upper in (False, True):
            t = text.upper() if upper else text
            s = list(seq)
            if upper:
                s = [b - 0x20 if b >= 0xC0 else ord(chr(b).upper()) for b in s]
            rows.append((" ".join(f"{b:02X}" for b in s), ord(unicodedata.normalize("NFC", t))))

    for base in "aeouy":
        for mark, byte in tone.items():
            if base == "y" and mark == "\u0323":
                add("y\u0323", [0xEE])
            else:
                add(base + mark, [ord(base), byte])
    for base in "aeo":
        for mark, byte in circ.items():
            add(base + "\u0302" + (mark or ""), [ord(base), byte])
    for mark, byte in breve.items():
        add("a\u0306" + (mark or ""), [ord("a"), byte])
    for letter, byte in (("o\u031b", 0xF4), ("u\u031b", 0xF6)):
        add(letter, [byte])
        for mark, t in tone.items():
            add(letter + mark, [byte, t])
    for mark, byte in single_i.items():
        if byte:
            add("i" + mark, [byte])
    add("đ", [0xF1])
    return rows


def write(name, rows, title):
    lines = [f"# {title}", "# bytes (hex)\tUnicode\tcharacter"]
    for seq, code in sorted(rows, key=lambda r: (len(r[0]), r[0])):
        lines.append(f"{seq}\tU+{code:04X}\t{chr(code)}")
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


write("viscii.tsv", charmap("VISCII"), "VISCII (RFC 1456), from glibc's VISCII charmap")
write("tcvn3.tsv", charmap("TCVN5712-1"),
      "TCVN3 / TCVN 5712:1993 (VN1, a superset of the ABC fonts' VN3), from glibc's TCVN5712-1 charmap")
write("vni.tsv", vni(), "VNI for Windows: letters as base + mark byte; other bytes are windows-1252")
