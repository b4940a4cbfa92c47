#!/usr/bin/env python3
"""Checks a newspaper's modular make-up from the PDF itself
(pdftotext -bbox-layout), not from galley's own account of it:

- each line of text is traced to the story it comes from (its letters are
  a run of that story's text, as `galley inspect --json` reads the story);
- a story's lines on a page make its rectangle, and no other story's line
  stands inside it, nor does another rectangle cross it;
- every page but the last is filled: over each column of the type area,
  the share of its height (from the top of the page's first module to the
  foot of the type area) that some rectangle covers, at least --min-fill;
- on page 1 the lead's headline is the tallest type of any story and its
  rectangle at least three columns wide, and at least three headline sizes
  stand there;
- every "Continued on page N" in a story's rectangle has a "Continued from
  page M" (M its own page) at the head of that story's rectangle on page N,
  and the other way round, under a jump headline of four words at most;
- body text stands on one baseline grid across the page: every line of
  body type (the edition's commonest word height) has its baseline a whole
  number of --leading steps from every other's, so lines align across
  neighbouring modules (with --baselines);
- no line of a story begins with a hyphen (a compound broken before its
  hyphen);
- the front page's contents rail is one column wide.

Prints one line a page (fill, stories, jumps) and each failure; exit 1 on any.
"""
import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

XHTML = "{http://www.w3.org/1999/xhtml}"


def normal(text):
    return re.sub(r"[^0-9a-z]", "", text.lower())


def story_text(galley, path):
    data = json.loads(subprocess.run([galley, "inspect", path, "--json"], check=True, capture_output=True,
                                     text=True).stdout)
    parts = [data["meta"].get("title", ""), data["meta"].get("subtitle", "")] + data["meta"].get("authors", [])
    for block in data["blocks"]:
        parts.append(block.get("text", ""))
        parts.extend(block.get("items", []))
        for row in block.get("rows", []):
            parts.extend(row)
    return data["meta"].get("title", path), normal(" ".join(parts))


class Line:
    def __init__(self, words):
        self.words = words  # (x0, y0, x1, y1, text)
        self.x0 = min(w[0] for w in words)
        self.y0 = min(w[1] for w in words)
        self.x1 = max(w[2] for w in words)
        self.y1 = max(w[3] for w in words)
        self.text = " ".join(w[4] for w in words)
        self.height = max(w[3] - w[1] for w in words)  # points: its type's, ascent to descent
        self.story = None


def split_at_gutters(words, gutters):
    """pdftotext joins lines of neighbouring columns that share a baseline
    (as a baseline grid makes them): split them again where a gutter falls
    between two words further apart than a space of their type (text may
    hang into it a little: punctuation at the margins; a headline spans
    gutters)."""
    pieces, current = [], [words[0]]
    for before, after in zip(words, words[1:]):
        # A gap wider than a space of its type: a headline across columns has its spaces (a third
        # of its height or so) over gutters too; two jump headlines side by side are a gutter apart.
        least_gap = max(5, 0.5 * max(before[3] - before[1], after[3] - after[1]))
        if any(before[2] < (start + end) / 2 < after[0] and after[0] - before[2] > least_gap
               for start, end in gutters):
            pieces.append(current)
            current = []
        current.append(after)
    pieces.append(current)
    return pieces


def read_pages(pdf, gutters=()):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    root = ElementTree.fromstring(xml)
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for line in page.iter(XHTML + "line"):
            words = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")), w.text or "")
                     for w in line.iter(XHTML + "word")]
            if words:
                lines.extend(Line(piece) for piece in split_at_gutters(words, gutters))
        pages.append(lines)
    return pages


def inside(point, box, margin=0.5):
    x, y = point
    return box[0] + margin < x < box[2] - margin and box[1] + margin < y < box[3] - margin


def column_context(line, lines):
    """The line's text joined with the next line of its column, then with the one before."""
    def next_to(below):
        return [other for other in lines if abs(other.x0 - line.x0) < 2 and abs(other.height - line.height) < 0.2 * line.height
                and 0 < (other.y0 - line.y0 if below else line.y0 - other.y0) < 1.6 * line.height]
    after, before = next_to(True), next_to(False)
    joined = []
    if after:
        joined.append(line.text + " " + min(after, key=lambda other: other.y0).text)
    if before:
        joined.append(max(before, key=lambda other: other.y0).text + " " + line.text)
    return joined


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf")
    parser.add_argument("stories", nargs="+", help="the story files, the lead first")
    parser.add_argument("--galley", required=True)
    parser.add_argument("--type-area", required=True, help="left,top,width,height in points")
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--gutter", type=float, default=13)
    parser.add_argument("--min-fill", type=float, default=0.9)
    parser.add_argument("--json", help="write the measures here")
    parser.add_argument("--baselines", action="store_true", help="check the body text's baseline grid")
    parser.add_argument("--leading", type=float, default=11.5, help="the baseline grid's step, points")
    arguments = parser.parse_args()
    left, top, width, height = (float(v) for v in arguments.type_area.split(","))
    bottom = top + height
    column_width = (width - arguments.gutter * (arguments.columns - 1)) / arguments.columns
    stories = [story_text(arguments.galley, path) for path in arguments.stories]
    gutters = [(left + k * (column_width + arguments.gutter) - arguments.gutter, left + k * (column_width + arguments.gutter))
               for k in range(1, arguments.columns)]
    pages = read_pages(arguments.pdf, gutters)
    failures = []

    # ------------------------------------------------ lines to stories
    for number, lines in enumerate(pages, 1):
        # The running head and folio stand outside the type area: no story's
        # (a short "News" over a story's column would join its rectangle).
        for line in lines:
            if not top - 2 < (line.y0 + line.y1) / 2 < bottom + 2:
                line.story = "furniture"
        # The front page's contents: the lines from "Contents" down its column, to the first wide gap.
        heading = next((line for line in lines if number == 1 and line.text.strip() == "Contents"), None)
        if heading:
            end = heading.y1
            for line in sorted((line for line in lines if line.x0 >= heading.x0 - 2 and line.y0 >= heading.y0),
                               key=lambda line: line.y0):
                if line.y0 - end > 30:
                    break
                line.story = "rail"
                end = max(end, line.y1)
            # A front page's index is one narrow column (it counts as filled type area).
            rail = [line for line in lines if line.story == "rail"]
            rail_width = max(line.x1 for line in rail) - min(line.x0 for line in rail)
            if rail_width > column_width + 6:
                failures.append(f"page 1: the contents rail is {rail_width:.0f} pt wide, more than one column")
        for line in lines:
            if line.story in ("rail", "furniture"):
                continue
            key = normal(line.text)
            if len(key) < 3:
                continue
            found = [index for index, (_, text) in enumerate(stories) if key in text]
            # Words in more than one story ("Children village winter harbour council team", which a
            # generated text repeats) are read on into the line below or back into the line above.
            if len(found) > 1 and len(key) >= 12:
                for joined in column_context(line, lines):
                    narrowed = [index for index in found if normal(joined) in stories[index][1]]
                    if narrowed:
                        found = narrowed
                    if len(found) == 1:
                        break
            if len(found) == 1 and len(key) >= 12:
                line.story = found[0]
            elif found:
                line.candidates = found
        # Short lines (a paragraph's last word) go with the nearest traced line of their column, of
        # their own type where one stands next to them: a headline's first line ("FACT SHEET: Biden-Harris",
        # in two stories) with its next, not with the text of the module above. One in text type (not a
        # headline's or drop cap's) a few lines away at most, so that words common to many stories
        # ("workers children.") do not join a story whose text ends far up the column.
        # A line of headline type with no such neighbour heads the text under it (a jump headline).
        # Lines settled by a neighbour of their own type first, over and over, since one settled may
        # settle the next; then the rest by the nearest line.
        heights = sorted(line.height for line in lines)
        body = heights[len(heights) // 2] if heights else 0

        def settle(line, by_neighbour_only):
            reach = 4 * arguments.leading if line.height < 16 else float("inf")
            near = [other for other in lines if isinstance(other.story, int) and other.story in line.candidates
                    and other.x0 < line.x1 and line.x0 < other.x1 and abs(other.y0 - line.y0) <= reach]
            same_type = [other for other in near if abs(other.height - line.height) < 0.2 * line.height
                         and abs(other.y0 - line.y0) < 1.5 * line.height]
            below = [other for other in near if other.y0 >= line.y1 - 1] if line.height > 1.5 * body else []
            near = same_type if by_neighbour_only else (same_type or below or near)
            if near:
                line.story = min(near, key=lambda other: abs(other.y0 - line.y0)).story
            return line.story is not None

        unsettled = [line for line in lines if line.story is None and hasattr(line, "candidates")]
        while any([settle(line, True) for line in unsettled]):
            unsettled = [line for line in unsettled if line.story is None]
        for line in unsettled:
            settle(line, False)

        # A jump line belongs to the story above it ("Continued on") or below it ("Continued from").
        for line in lines:
            match = re.search(r"Continued (on|from) page (\d+)", line.text)
            if line.story is not None or not match:
                continue
            downward = match.group(1) == "from"
            # "Continued from" stands under its jump headline: the story of the headline just above it,
            # when there is one (the text under it may be words many stories share, "Lorem ipsum").
            headline = [other for other in lines if isinstance(other.story, int) and other.x0 < line.x1
                        and line.x0 < other.x1 and other.height > 1.5 * body
                        and other.y0 < line.y0 - 1 and other.y1 >= line.y0 - arguments.leading] if downward else []
            near = headline or [other for other in lines if isinstance(other.story, int) and other.x0 < line.x1
                                and line.x0 < other.x1
                                and (other.y0 >= line.y1 - 1 if downward else other.y1 <= line.y0 + 1)]
            if near:
                line.story = min(near, key=lambda other: abs(other.y0 - line.y0)).story
            line.jump = (match.group(1), int(match.group(2)))

    # ------------------------------------------------ rectangles and fill
    report = []
    seen = set()
    for number, lines in enumerate(pages, 1):
        boxes = {}
        for line in lines:
            if line.story in (None, "furniture"):
                continue
            box = boxes.get(line.story)
            boxes[line.story] = (min(box[0], line.x0), min(box[1], line.y0), max(box[2], line.x1),
                                 max(box[3], line.y1)) if box else (line.x0, line.y0, line.x1, line.y1)
        for story, box in boxes.items():
            if story == "rail":
                continue
            seen.add(story)
            for line in lines:
                if line.story not in (None, story, "rail", "furniture"):
                    centre = ((line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2)
                    if inside(centre, box):
                        failures.append(f"page {number}: a line of \"{stories[line.story][0]}\" ({line.text[:40]!r}) "
                                        f"inside the rectangle of \"{stories[story][0]}\"")
            for other, other_box in boxes.items():
                if other == story:
                    continue
                overlap_x = min(box[2], other_box[2]) - max(box[0], other_box[0])
                overlap_y = min(box[3], other_box[3]) - max(box[1], other_box[1])
                if overlap_x > 1 and overlap_y > 1 and story != "rail" and other != "rail" and story < other:
                    failures.append(f"page {number}: the rectangles of \"{stories[story][0]}\" and "
                                    f"\"{stories[other][0]}\" cross ({overlap_x:.0f} x {overlap_y:.0f} pt)")
        region_top = min((box[1] for box in boxes.values()), default=top)
        covered = 0.0
        for column in range(arguments.columns):
            x0 = left + column * (column_width + arguments.gutter)
            middle = x0 + column_width / 2
            spans = sorted((box[1], box[3]) for box in boxes.values() if box[0] < middle < box[2])
            end = region_top
            for start, stop in spans:
                start = max(start, end)
                if stop > start:
                    covered += stop - start
                    end = stop
        fill = covered / (arguments.columns * (bottom - region_top)) if bottom > region_top else 1.0
        jumps_out = []
        jumps_in = []
        for line in lines:
            if hasattr(line, "jump"):
                (jumps_out if line.jump[0] == "on" else jumps_in).append((line.story, line.jump[1]))
        report.append({"page": number, "fill": round(fill, 4), "stories": len([s for s in boxes if s != "rail"]),
                       "jumps_out": jumps_out, "jumps_in": jumps_in, "boxes": boxes})
        print(f"page {number}: fill {fill:.1%}, {report[-1]['stories']} stories, {len(jumps_out)} jumps out, "
              f"{len(jumps_in)} in")
        if number < len(pages) and fill < arguments.min_fill:
            failures.append(f"page {number}: filled {fill:.1%}, under {arguments.min_fill:.0%}")

    for index, (title, _) in enumerate(stories):
        if index not in seen:
            failures.append(f"\"{title}\" is on no page")

    # ------------------------------------------------ the front page's lead and headline sizes
    front = report[0]["boxes"] if report else {}
    sizes = {}
    for line in pages[0] if pages else []:
        if isinstance(line.story, int):
            sizes[line.story] = max(sizes.get(line.story, 0), max(w[3] - w[1] for w in line.words))
    if sizes:
        tallest = max(sizes, key=sizes.get)
        if tallest != 0:
            failures.append(f"page 1: the tallest headline is \"{stories[tallest][0]}\"'s, not the lead's")
        if 0 in front and front[0][2] - front[0][0] < 3 * column_width + 2 * arguments.gutter - 6:
            failures.append(f"page 1: the lead is {front[0][2] - front[0][0]:.0f} pt wide, under three columns")
        distinct = sorted({round(size) for size in sizes.values()}, reverse=True)
        if len(distinct) < 3 and len(sizes) >= 3:
            failures.append(f"page 1: headline sizes {distinct}, fewer than three")
    else:
        failures.append("page 1: no story")

    # ------------------------------------------------ jumps both ways
    for page in report:
        for owner, target in page["jumps_out"]:
            if owner is None:
                failures.append(f"page {page['page']}: a \"Continued on page {target}\" in no story's rectangle")
                continue
            if not 1 <= target <= len(report) or (owner, page["page"]) not in report[target - 1]["jumps_in"]:
                failures.append(f"page {page['page']}: \"{stories[owner][0]}\" continued on page {target}, "
                                f"which does not continue it from page {page['page']}")
        for owner, source in page["jumps_in"]:
            if owner is None:
                failures.append(f"page {page['page']}: a \"Continued from page {source}\" over no story")
                continue
            if not 1 <= source <= len(report) or (owner, page["page"]) not in report[source - 1]["jumps_out"]:
                failures.append(f"page {page['page']}: \"{stories[owner][0]}\" continued from page {source}, "
                                f"which does not send it here")

    # ------------------------------------------------ short jump headlines
    for number, lines in enumerate(pages, 1):
        for line in lines:
            if getattr(line, "jump", ("on",))[0] != "from":
                continue
            above = [other for other in lines if other is not line and other.x0 < line.x1 and line.x0 < other.x1
                     and line.y0 - 60 < other.y0 < line.y0 - 2]
            if not above:
                failures.append(f"page {number}: no jump headline over {line.text!r}")
                continue
            head = max(above, key=lambda other: other.y0)
            if len(head.text.split()) > 4:
                failures.append(f"page {number}: the jump headline {head.text!r} is longer than four words")

    # ------------------------------------------------ the baseline grid and line starts
    # Body type is the edition's commonest word height, not a page's: a page given over to a
    # story set as preformatted text (an RFC) has more code type than body.
    heights = {}
    for lines in pages:
        for line in lines:
            if isinstance(line.story, int):
                for word in line.words:
                    key = round(word[3] - word[1], 1)
                    heights[key] = heights.get(key, 0) + 1
    body = max(heights, key=heights.get) if heights else 0
    for number, lines in enumerate(pages, 1):
        for line in lines:
            if isinstance(line.story, int) and line.words[0][4].startswith(("-", "\u2010", "\u2011")):
                failures.append(f"page {number}: a line of \"{stories[line.story][0]}\" begins with a hyphen "
                                f"({line.text[:40]!r})")
        if not arguments.baselines:
            continue
        body_lines = [line for line in lines if isinstance(line.story, int)
                      and all(abs((w[3] - w[1]) - body) < 0.15 for w in line.words)]
        if not body_lines:
            continue
        origin = body_lines[0].y1
        off = [line for line in body_lines
               if abs((line.y1 - origin) / arguments.leading - round((line.y1 - origin) / arguments.leading)) * arguments.leading > 0.3]
        page_report = report[number - 1]
        page_report["body_lines"] = len(body_lines)
        page_report["off_grid"] = len(off)
        if off:
            failures.append(f"page {number}: {len(off)} of {len(body_lines)} body lines off the baseline grid, "
                            f"e.g. {off[0].text[:40]!r} of \"{stories[off[0].story][0]}\"")

    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump([{k: (v if k != "boxes" else {str(s): b for s, b in v.items()}) for k, v in page.items()} for page in report], out)
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    return 1 if failures else 0


sys.exit(main())
