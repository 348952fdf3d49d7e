#!/usr/bin/env python3
"""Measures the real letters' text (the .txt files of a folder, ../shared/real-letters by default):
sizes, decisions per letter, partly authorised headings, header-block variants, wrapped item
headings, and the lengths of the parts a letter is made of (case summary, rationales). The figures
are what LetterGenerator's real-size letters are drawn to (docs/benchmarks.md, "Real-size letters").

usage:  benchmarks/compare/real-letter-figures.py [DIR]   (DIR and its subfolders: a generated corpus too)

Plain patterns, no parser: an item heading is the blank-line paragraph whose last line ends in
"Upheld" or "Overturned" (after a colon, or alone on its line) after "IMR ISSUES, DECISIONS AND
RATIONALES"; its rationale runs from "Decision rationale:" to the next heading or the end.
"""
import os
import re
import statistics
import sys
from collections import Counter

OUTCOME = re.compile(r"^(?:.*:)?[ \t]*(Upheld|Overturned)[ \t]*$")
ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES"


def paragraphs(lines):
    """Blank-line separated paragraphs, each a list of its stripped lines."""
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(p / 100 * len(s)))]


def dist(name, values, unit=""):
    print(f"  {name}: mean {statistics.mean(values):,.0f}{unit}, median {statistics.median(values):,.0f}{unit}, "
          f"p10 {pct(values, 10):,}{unit}, p90 {pct(values, 90):,}{unit}, min {min(values):,}{unit}, max {max(values):,}{unit}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "real-letters"))
    files = sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".txt"))
    sizes, per_letter, header_shapes = [], Counter(), Counter()
    summaries, rationales, heading_lines, preambles = [], [], Counter(), []
    partial_letters = partial_headings = headings_total = own_line = 0
    line_lengths = []
    for f in files:
        raw = open(os.path.join(folder, f), "rb").read()
        sizes.append(len(raw))
        text = raw.decode("utf-8")
        lines = text.split("\n")
        line_lengths += [len(l.rstrip()) for l in lines if l.strip()]
        head = text.split("HOW THE IMR FINAL DETERMINATION WAS MADE", 1)[0]
        header_shapes[re.sub(r"\d", "9", "|".join(l.rstrip() for l in head.split("\n") if l.strip()))] += 1
        before, _, after = text.partition(ISSUES)
        summary = before.partition("CLINICAL CASE SUMMARY")[2]
        summary_paras = paragraphs(summary.split("\n"))[1:]  # the first is "The expert reviewer developed …"
        summaries.append(sum(len(" ".join(p)) for p in summary_paras))
        preambles.append(len(before.partition("CLINICAL CASE SUMMARY")[0].encode("utf-8")))
        paras = paragraphs(after.split("\n"))
        n = 0
        partial_here = False
        current = None
        for p in paras:
            if OUTCOME.match(p[-1]):
                n += 1
                heading_lines[len(p)] += 1
                own_line += p[-1].strip() in ("Upheld", "Overturned")
                if " was the original request" in " ".join(p):
                    partial_headings += 1
                    partial_here = True
                if current is not None:
                    rationales.append(current)
                current = None
            elif p[0].startswith("Decision rationale:"):
                current = len(" ".join(p)[len("Decision rationale:"):].strip())
            elif current is not None:
                current += 1 + len(" ".join(p))
        if current is not None:
            rationales.append(current)
        per_letter[n] += 1
        headings_total += n
        partial_letters += partial_here
    kb = [s / 1000 for s in sizes]
    print(f"{len(files)} letters in {folder}, {sum(sizes):,} bytes")
    print(f"  size: mean {statistics.mean(kb):.2f} KB, median {statistics.median(kb):.2f} KB, p10 {pct(kb, 10):.2f} KB, "
          f"p90 {pct(kb, 90):.2f} KB, min {min(kb):.2f} KB, max {max(kb):.2f} KB")
    print(f"  decisions: {headings_total} in {len(files)} letters, {headings_total / len(files):.2f} a letter; "
          f"letters by decisions: {dict(sorted(per_letter.items()))}")
    print(f"  partly authorised: {partial_headings} of {headings_total} headings, in {partial_letters} of {len(files)} letters "
          f"({100 * partial_letters / len(files):.0f}%)")
    other = {k: v for k, v in heading_lines.items()}
    print(f"  heading lines (all headings): {dict(sorted(other.items()))}; outcome on its own line: {own_line}")
    print(f"  header-block variants (digits as 9): {len(header_shapes)}")
    for shape, c in header_shapes.most_common():
        print(f"    {c:4d}  {shape}")
    dist("preamble before the case summary (header, how it was made, credentials)", preambles, " B")
    dist("case summary, characters", summaries)
    dist("rationale, characters", rationales)
    buckets = Counter(min(r // 500, 6) for r in rationales)
    print("  rationale lengths: " + ", ".join(
        f"{'≥3000' if b == 6 else f'{b * 500}-{b * 500 + 499}'}: {buckets[b]}" for b in range(7)))
    print("  deciles (0, 10, …, 100%) of the case summary's characters: " + ", ".join(str(pct(summaries, p)) for p in range(0, 101, 10)))
    print("  deciles of the rationales' characters: " + ", ".join(str(pct(rationales, p)) for p in range(0, 101, 10)))
    print(f"  text lines: mean {statistics.mean(line_lengths):.0f} characters, p90 {pct(line_lengths, 90)}, max {max(line_lengths)}")


if __name__ == "__main__":
    main()
