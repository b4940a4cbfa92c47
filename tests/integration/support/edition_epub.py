#!/usr/bin/env python3
"""Checks an edition's EPUB against its PDF and what its manifest says:
one XHTML file per article in the spine (after the cover), a two-level
contents whose entries all lead to an article file, a page list with one
entry per PDF page, in order, each leading to a page-break marker that is
there, and the series and issue as belongs-to-collection.

Usage: edition_epub.py BOOK.epub BOOK.pdf ARTICLES SECTIONS SERIES ISSUE
Prints a summary line; exits 1 on the first mismatch.
"""
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    epub, pdf, articles, sections, series, issue = sys.argv[1:7]
    book = zipfile.ZipFile(epub)
    opf = ElementTree.fromstring(book.read("EPUB/package.opf"))
    items = {item.get("id"): item.get("href") for item in opf.iter(OPF + "item")}
    spine = [items[ref.get("idref")] for ref in opf.iter(OPF + "itemref")]
    chapters = [href for href in spine if href not in ("cover.xhtml", "nav.xhtml")]
    if spine[0] != "cover.xhtml":
        fail(f"the spine does not open with the cover: {spine}")
    if len(chapters) != int(articles):
        fail(f"{len(chapters)} article files in the spine, expected {articles}: {spine}")
    if not all(href.startswith("a-") and href.endswith(".xhtml") for href in chapters):
        fail(f"article files not named from their keys: {chapters}")

    metas = {meta.get("property"): meta for meta in opf.iter(OPF + "meta") if meta.get("property")}
    collection = metas.get("belongs-to-collection")
    if collection is None or collection.text != series:
        fail(f"belongs-to-collection is not {series!r}")
    refines = {(m.get("refines"), m.get("property")): m.text for m in opf.iter(OPF + "meta")}
    if refines.get(("#" + collection.get("id"), "collection-type")) != "series":
        fail("no collection-type series")
    if refines.get(("#" + collection.get("id"), "group-position")) != issue:
        fail(f"group-position is not {issue}")

    nav = ElementTree.fromstring(book.read("EPUB/nav.xhtml"))
    navs = {element.get(OPS + "type"): element for element in nav.iter(XHTML + "nav")}
    toc = navs["toc"].find(XHTML + "ol")
    top = toc.findall(XHTML + "li")
    if len(top) != int(sections):
        fail(f"{len(top)} sections in the contents, expected {sections}")
    listed = [a.get("href") for li in top for a in li.iter(XHTML + "a")]
    if any(href.split("#")[0] not in chapters for href in listed):
        fail(f"a contents entry leads outside the articles: {listed}")
    nested = sum(len(li.findall(f"{XHTML}ol/{XHTML}li")) for li in top)
    if nested != int(articles):
        fail(f"{nested} articles under the sections, expected {articles}")

    pages = int(next(line.split()[1] for line in subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout.splitlines() if line.startswith("Pages:")))
    entries = navs["page-list"].iter(XHTML + "a")
    labels = []
    documents = {}
    for anchor in entries:
        file, _, fragment = anchor.get("href").partition("#")
        if file not in documents:
            documents[file] = ElementTree.fromstring(book.read("EPUB/" + file))
        marker = next((e for e in documents[file].iter() if e.get("id") == fragment), None)
        if marker is None or marker.get(OPS + "type") != "pagebreak" or marker.get("aria-label") != anchor.text:
            fail(f"page {anchor.text}: {anchor.get('href')} is no page-break marker")
        labels.append(anchor.text)
    if labels != [str(number) for number in range(1, pages + 1)]:
        fail(f"page list {labels[:5]}... ({len(labels)}) does not match the PDF's {pages} pages")
    print(f"{len(chapters)} articles in {len(top)} sections, {len(labels)} pages listed and marked, "
          f"series {series!r} no. {issue}")


main()
