#!/usr/bin/env python3
"""How much of what pandoc reads from a Word or OpenDocument file is in
galley's EPUB: the share of the words of `pandoc -t plain FILE`, counted
with their repeats, found in the EPUB's text (its XHTML text and image
alternative texts, in spine order).

Usage: office_words.py PANDOC_PLAIN.txt GALLEY.epub [DELETED_WORDS...]
Prints: coverage (0..1), pandoc's word count, the missing words (up to 12),
and, for each DELETED_WORD given, whether it leaked into the EPUB.

Markup pandoc's plain writer spells out and galley writes as structure is
left out of pandoc's side: list numbers and letters ("1.", "a)"), note
references ("[1]"), table rules and strike-through tildes.
"""
import collections
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile

WORD = re.compile(r"\w+", re.UNICODE)
OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def words(text):
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return [w.lower() for w in WORD.findall(text)]


def pandoc_words(path):
    lines = []
    for line in open(path, encoding="utf-8"):
        line = re.sub(r"^\s*(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|\(\d+\))[.)]\s+", "", line)  # list markers
        line = re.sub(r"\[\d+\]", "", line)  # note references and markers
        line = line.replace("~~", "")
        lines.append(line)
    return words("".join(lines))


def epub_words(path):
    book = zipfile.ZipFile(path)
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    package_path = container.find(f".//{CONTAINER}rootfile").get("full-path")
    base = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    package = ElementTree.fromstring(book.read(package_path))
    manifest = {item.get("id"): item.get("href") for item in package.iter(f"{OPF}item")}
    out = []
    for itemref in package.iter(f"{OPF}itemref"):
        root = ElementTree.fromstring(book.read(base + manifest[itemref.get("idref")]))
        text(root, out)
    return words("".join(out))


# Block elements end words; inline ones (a, em, span) do not: "Nolan</a>22"
# is one word, as pandoc reads it.
BLOCKS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "aside", "figure",
          "figcaption", "blockquote", "pre", "caption", "header", "footer", "nav", "br", "title", "dd", "dt"}


def text(element, out):
    name = element.tag.rsplit("}", 1)[-1]
    block = name in BLOCKS
    if block:
        out.append(" ")
    if name == "img" and element.get("alt"):
        out.append(" " + element.get("alt") + " ")
    # A note reference's number, like pandoc's "[1]" (left out on its side).
    noteref = element.get("{http://www.idpf.org/2007/ops}type") == "noteref"
    out.append("" if noteref else element.text or "")
    for child in element if not noteref else []:
        text(child, out)
        out.append(child.tail or "")
    if block:
        out.append(" ")


def main():
    source = collections.Counter(pandoc_words(sys.argv[1]))
    epub = collections.Counter(epub_words(sys.argv[2]))
    total = sum(source.values())
    found = sum(min(count, epub[word]) for word, count in source.items())
    missing = sorted(((count - epub[word], word) for word, count in source.items() if epub[word] < count), reverse=True)
    leaks = [word for word in sys.argv[3:] if epub[word.lower()] > 0]
    print(f"{found / total if total else 1:.4f}\t{total}\t" + " ".join(f"{w}x{n}" for n, w in missing[:12]) +
          ("\tLEAK:" + ",".join(leaks) if leaks else ""))


if __name__ == "__main__":
    main()
