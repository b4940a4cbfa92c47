#!/usr/bin/env python3
"""Checks that a newspaper's jumped stories read as stories, not as pages,
from the files themselves:

- the PDF's structure tree (poppler's `pdfinfo -struct-text`): each story's
  text is in one Art element of the Document and nowhere else; in each
  jumped story's Art, its text in the story's order, "Continued on page N"
  right after the text before the jump and "Continued from page M" right
  after that, then the jump's headline and the rest; the Art elements in
  the order of the pages their stories begin on (pdftotext per page), so
  page 1's other stories follow the jumped one;
- the EPUB: each story's text whole and in order in its own XHTML, a page
  marker in a jumped story's XHTML for each page it is continued on, just
  where the story goes on from the page before; the page list has every
  marker, in reading order, and every page of the PDF.

Usage: story_order.py BOOK.pdf BOOK.epub STORY... --galley GALLEY
Prints what it found; exit 1 on any failure.
"""
import argparse
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile

XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
JUMP = re.compile(r"Continued (on|from) page (\d+)")


def normal(text):
    """Letters and digits, lower case, ligatures (U+FB01 and the like) spelt out."""
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).lower())


def story_text(galley, path):
    data = json.loads(subprocess.run([galley, "inspect", path, "--json"], check=True, capture_output=True,
                                     text=True).stdout)
    parts = [data["meta"].get("title", ""), data["meta"].get("subtitle", "")] + data["meta"].get("authors", [])
    for block in data["blocks"]:
        parts.append(block.get("text", ""))
        parts.extend(block.get("items", []))
    return data["meta"].get("title", path), normal(" ".join(parts))


class Element:
    def __init__(self, name, depth):
        self.name, self.depth, self.children, self.texts = name, depth, [], []

    def leaves(self):
        """The text leaves under the element, in tree order."""
        for child in self.children:
            if isinstance(child, str):
                if child.strip():
                    yield child
            else:
                yield from child.leaves()


def read_structure(pdf):
    """The structure tree as pdfinfo -struct-text prints it: two spaces a level."""
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], check=True, capture_output=True, text=True).stdout
    root = Element("(root)", -1)
    stack = [root]
    for line in out.splitlines():
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        depth = (len(line) - len(stripped)) // 2
        while stack[-1].depth >= depth:
            stack.pop()
        if stripped.startswith('"'):
            stack[-1].children.append(stripped[1:stripped.rfind('"')] if stripped.count('"') > 1 else stripped[1:])
        elif stripped.startswith("Object "):
            continue
        else:
            element = Element(stripped.split(" ")[0], depth)
            stack[-1].children.append(element)
            stack.append(element)
    return root


def owner(text, stories):
    """The story whose text holds the leaf's (at least 12 letters of it)."""
    key = normal(text)
    if len(key) < 12:
        return None
    found = [index for index, (_, story) in enumerate(stories) if key in story]
    return found[0] if len(found) == 1 else None


def page_texts(pdf):
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], check=True, capture_output=True,
                                                            text=True).stdout).group(1))
    return [normal(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], check=True,
                                  capture_output=True, text=True).stdout) for n in range(1, count + 1)]


def check_pdf(pdf, stories, failures):
    """Returns {story: [(page N it is continued on, page M it is continued from)]} for the EPUB's check."""
    root = read_structure(pdf)
    documents = [child for child in root.children if isinstance(child, Element) and child.name == "Document"]
    if len(documents) != 1:
        failures.append("PDF: no single Document element")
        return {}
    arts = [child for child in documents[0].children if isinstance(child, Element) and child.name == "Art"]
    story_of_art = []
    where = {}  # story -> the Arts holding its text
    for number, art in enumerate(arts):
        owners = {owner(text, stories) for text in art.leaves()} - {None}
        story_of_art.append(next(iter(owners)) if len(owners) == 1 else None)
        if len(owners) > 1:
            failures.append(f"PDF: Art {number + 1} holds the text of several stories")
    for element in documents[0].children:
        if isinstance(element, Element) and element.name != "Art":
            for text in element.leaves():
                if owner(text, stories) is not None and element.name not in ("TOC", "TOCI"):
                    failures.append(f"PDF: text of \"{stories[owner(text, stories)][0]}\" outside its Art: {text[:40]!r}")
    for number, story in enumerate(story_of_art):
        if story is not None:
            where.setdefault(story, []).append(number)
    for index, (title, _) in enumerate(stories):
        if len(where.get(index, [])) != 1:
            failures.append(f"PDF: \"{title}\" in {len(where.get(index, []))} Art elements, not one")
    print(f"PDF: {len(arts)} Art elements for {len(stories)} stories")

    # Each jumped story's Art, read in order.
    continuations = {}
    for art, story in zip(arts, story_of_art):
        if story is None:
            continue
        leaves = list(art.leaves())
        jumps = [(i, JUMP.search(text)) for i, text in enumerate(leaves) if JUMP.search(text)]
        if not jumps:
            continue
        title, text = stories[story]
        position = -1
        after_jump_head = False
        for i, leaf in enumerate(leaves):
            match = JUMP.search(leaf)
            if match:
                if match.group(1) == "on":
                    target = int(match.group(2))
                    # Next, "Continued from page M", the jump's headline (the title's first words) maybe before it.
                    later = i + 1
                    while later < len(leaves) and not JUMP.search(leaves[later]) and \
                            normal(title).startswith(normal(leaves[later])):
                        later += 1
                    following = JUMP.search(leaves[later]) if later < len(leaves) else None
                    if not following or following.group(1) != "from":
                        failures.append(f"PDF: \"{title}\": \"{leaf}\" not followed by its \"Continued from\"")
                    else:
                        continuations.setdefault(story, []).append((target, int(following.group(2))))
                after_jump_head = True  # the jump's headline, before or after "Continued from", repeats the title
                continue
            key = normal(leaf)
            if after_jump_head and key and title and normal(title).startswith(key):
                continue  # the jump's headline repeats the story's
            if len(key) < 12:
                continue
            found = text.find(key, max(position, 0))
            if found < 0 or found < position:
                failures.append(f"PDF: \"{title}\": {leaf[:40]!r} out of the story's order")
                continue
            after_jump_head = False
            position = found + 1
        print(f"PDF: \"{title}\" reads on over {len(jumps) // 2} jump(s) in one Art, in order")

    # The Arts in the order of the pages their stories begin on.
    pages = page_texts(pdf)
    first_pages = []
    for story in story_of_art:
        if story is None:
            continue
        head = normal(stories[story][0])
        first_pages.append(next((n for n, page in enumerate(pages, 1) if head in page), None))
        if first_pages[-1] is None:
            failures.append(f"PDF: the head of \"{stories[story][0]}\" ({head!r}) on no page")
    if first_pages != sorted(p for p in first_pages if p is not None):
        failures.append(f"PDF: the Art elements' stories begin on pages {first_pages}: not in page order")
    else:
        print(f"PDF: Art elements in the order of their first pages {first_pages}")
    if not continuations:
        failures.append("PDF: no jumped story found")
    return continuations


def check_epub(epub, stories, continuations, pages, failures):
    book = zipfile.ZipFile(epub)
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    package_path = container.find(f".//{CONTAINER}rootfile").get("full-path")
    base = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    package = ElementTree.fromstring(book.read(package_path))
    manifest = {item.get("id"): item for item in package.iter(f"{OPF}item")}
    documents = {}  # href -> root
    for reference in package.iter(f"{OPF}itemref"):
        href = manifest[reference.get("idref")].get("href")
        documents[href] = ElementTree.fromstring(book.read(base + href))
    nav_href = next(item.get("href") for item in manifest.values() if "nav" in (item.get("properties") or "").split())
    nav = ElementTree.fromstring(book.read(base + nav_href))

    # Each story's XHTML: its text whole and in order, and its markers.
    chapter_of = {}
    for href, root in documents.items():
        body = normal(" ".join(root.itertext()))
        for index, (title, text) in enumerate(stories):
            if text and body.find(text[:60]) >= 0:
                chapter_of[index] = href
                if text not in body:
                    failures.append(f"EPUB: \"{title}\" not whole and in order in {href}")
    for index, (title, _) in enumerate(stories):
        if index not in chapter_of:
            failures.append(f"EPUB: \"{title}\" in no XHTML of its own")

    def around(root, marker_id):
        """The body's text before and after the element of the id."""
        before, after = [], []
        words = before
        def walk(element):
            nonlocal words
            if element.get("id") == marker_id:
                words = after
            elif element.text:
                words.append(element.text)
            for child in element:
                walk(child)
                if child.tail:
                    words.append(child.tail)
        walk(root.find(f"{XHTML}body"))
        # A word hyphenated across the jump has its marker at its start: the
        # window leaves out the first word after it.
        return normal(" ".join(before)), normal(" ".join(" ".join(after).split()[1:]))

    for story, jumps in continuations.items():
        href = chapter_of.get(story)
        if href is None:
            continue
        root = documents[href]
        markers = {element.get("aria-label"): element.get("id") for element in root.iter()
                   if element.get(f"{OPS}type") == "pagebreak"}
        for target, source in jumps:
            if str(target) not in markers:
                failures.append(f"EPUB: \"{stories[story][0]}\" continued on page {target}, but {href} has no "
                                f"marker of page {target}")
                continue
            # The words on either side of the marker: the last before the
            # jump on page M, the first of the continuation on page N.
            before, after = around(root, markers[str(target)])
            if after[:20] not in pages[target - 1] or before[-20:] not in pages[source - 1]:
                failures.append(f"EPUB: the marker of page {target} in {href} stands between {before[-20:]!r} and "
                                f"{after[:20]!r}, not where the story goes on from page {source} to {target}")
            else:
                print(f"EPUB: {href}: page {target} marked where the story goes on from page {source}")

    # The page list: every marker (Ace asks it), in reading order (epubcheck
    # 4 asks it), each to a marker of its label, and every page of the PDF.
    page_list = next((n for n in nav.iter(f"{XHTML}nav") if n.get(f"{OPS}type") == "page-list"), None)
    if page_list is None:
        failures.append("EPUB: no page list")
        return
    listed = []
    for anchor in page_list.iter(f"{XHTML}a"):
        href, _, fragment = anchor.get("href").partition("#")
        target = documents.get(href)
        marker = None if target is None else next((e for e in target.iter() if e.get("id") == fragment), None)
        if marker is None or marker.get("aria-label") != anchor.text:
            failures.append(f"EPUB: page list entry {anchor.text} leads to no marker of its page")
        listed.append((href, fragment))
    in_reading_order = [(href, element.get("id")) for href, root in documents.items() for element in root.iter()
                        if element.get(f"{OPS}type") == "pagebreak"]
    if listed != in_reading_order:
        failures.append("EPUB: the page list is not every page marker in reading order")
    labels = {anchor.text for anchor in page_list.iter(f"{XHTML}a")}
    missing = [str(n) for n in range(1, len(pages) + 1) if str(n) not in labels]
    if missing:
        failures.append(f"EPUB: pages {missing} of the PDF not in the page list")
    else:
        print(f"EPUB: page list of {len(listed)} markers in reading order, pages 1 to {len(pages)} all there")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf")
    parser.add_argument("epub")
    parser.add_argument("stories", nargs="+")
    parser.add_argument("--galley", required=True)
    arguments = parser.parse_args()
    stories = [story_text(arguments.galley, path) for path in arguments.stories]
    failures = []
    continuations = check_pdf(arguments.pdf, stories, failures)
    check_epub(arguments.epub, stories, continuations, page_texts(arguments.pdf), failures)
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
