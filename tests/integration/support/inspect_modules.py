#!/usr/bin/env python3
"""Checks `galley inspect DIR --edition --layout`'s modules against the PDF
galley made of the same edition, read with pdftotext -bbox-layout: every
line of a story's text stands inside a module inspect gives that story on
that page; every module holds a line of its story; every "Continued on
page N" and "Continued from page M" stands inside a module whose jump
lines inspect gives as the same.

Usage: inspect_modules.py INSPECT.txt BOOK.pdf STORY... --galley GALLEY
"""
import argparse
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree

XHTML = "{http://www.w3.org/1999/xhtml}"
MODULE = re.compile(r'^module page (\d+) x ([\d.]+) y ([\d.]+) width ([\d.]+) height ([\d.]+) columns (\d+) '
                    r'headline ([\d.]+) story "(.*)" file (.*)$')
JUMP = re.compile(r"^  continued (on|from) page (\d+)$")
MARGIN = 4  # points: hung punctuation and hyphens reach past the measure (half a gutter is 6.5)


def normal(text):
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).lower())


def story_text(galley, path):
    data = json.loads(subprocess.run([galley, "inspect", path, "--json"], check=True, capture_output=True,
                                     text=True).stdout)
    parts = [data["meta"].get("title", ""), data["meta"].get("subtitle", "")] + data["meta"].get("authors", [])
    for block in data["blocks"]:
        parts.append(block.get("text", ""))
        parts.extend(block.get("items", []))
    return data["meta"].get("title", path), normal(" ".join(parts))


def read_modules(path):
    modules = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        match = MODULE.match(line)
        if match:
            page, x, y, width, height = int(match.group(1)), *(float(match.group(k)) for k in range(2, 6))
            modules.append({"page": page, "box": (x, y, x + width, y + height), "title": match.group(8),
                            "jumps": set(), "lines": 0})
        elif JUMP.match(line) and modules:
            jump = JUMP.match(line)
            modules[-1]["jumps"].add((jump.group(1), int(jump.group(2))))
    return modules


def inside(box, outer):
    """Across, the whole line; down, its middle: pdftotext's boxes are the
    font's ascent to its descent, taller than a headline's letters."""
    middle = (box[1] + box[3]) / 2
    return box[0] >= outer[0] - MARGIN and box[2] <= outer[2] + MARGIN and outer[1] < middle < outer[3]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inspect")
    parser.add_argument("pdf")
    parser.add_argument("stories", nargs="+")
    parser.add_argument("--galley", required=True)
    arguments = parser.parse_args()
    stories = [story_text(arguments.galley, path) for path in arguments.stories]
    modules = read_modules(arguments.inspect)
    failures = []
    if not modules:
        failures.append("inspect gives no module")
    xml = subprocess.run(["pdftotext", "-bbox-layout", arguments.pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    traced = 0
    for number, page in enumerate(ElementTree.fromstring(xml).iter(XHTML + "page"), 1):
        lines = []
        for line in page.iter(XHTML + "line"):
            words = [w for w in line.iter(XHTML + "word")]
            if words:
                lines.append((" ".join(w.text or "" for w in words),
                              (min(float(w.get("xMin")) for w in words), min(float(w.get("yMin")) for w in words),
                               max(float(w.get("xMax")) for w in words), max(float(w.get("yMax")) for w in words))))
        # The front page's contents (headlines, not modules): from "Contents"
        # down its column, to the first wide gap.
        rail = set()
        heading = next((box for text, box in lines if number == 1 and text.strip() == "Contents"), None)
        if heading:
            end = heading[3]
            for index in sorted((i for i, (_, box) in enumerate(lines) if box[0] >= heading[0] - 2 and box[1] >= heading[1]),
                                key=lambda i: lines[i][1][1]):
                if lines[index][1][1] - end > 30:
                    break
                rail.add(index)
                end = max(end, lines[index][1][3])
        for index, (text, box) in enumerate(lines):
            if index in rail:
                continue
            jump = re.search(r"Continued (on|from) page (\d+)", text)
            if jump:
                wanted = (jump.group(1), int(jump.group(2)))
                if not any(m["page"] == number and wanted in m["jumps"] and inside(box, m["box"]) for m in modules):
                    failures.append(f"page {number}: {text!r} at {box} in no module inspect gives that jump")
                continue
            key = normal(text)
            found = [i for i, (_, story) in enumerate(stories) if len(key) >= 12 and key in story]
            if len(found) != 1:
                continue
            title = stories[found[0]][0]
            holders = [m for m in modules if m["page"] == number and m["title"] == title and inside(box, m["box"])]
            if not holders:
                failures.append(f"page {number}: a line of \"{title}\" ({text[:30]!r}, {box}) outside its modules")
            for module in holders:
                module["lines"] += 1
            traced += 1
    for module in modules:
        if module["lines"] == 0:
            failures.append(f"page {module['page']}: the module of \"{module['title']}\" at {module['box']} holds "
                            f"none of its lines")
    print(f"{len(modules)} modules, {traced} lines of text traced, each inside its story's module")
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
