#!/usr/bin/env python3
"""Checks an EPUB's print page numbers against the PDF galley made from the
same article with the same theme: the page list has one entry per PDF page,
in order, each linking to a page-break marker; the words after each marker
are the words that begin that page of the PDF (pdftotext -raw), and the
words before it are on the page before. A figure the PDF floats to a
column's foot or to a later page is printed out of reading order: its words
are passed over on both sides of a marker, which stands by the text.

Usage: page_list.py BOOK.epub BOOK.pdf
Prints one line per page; exits 1 on the first mismatch.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
# pdftotext -raw gives a page's words in the order they were drawn: the
# running head and the folio first, then a figure floated to the head of a
# column or a table's repeated header row, then the page's text. The words
# that begin the page in the EPUB must come within this many of the start.
WINDOW = 80


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def words(text):
    """Lower-case words of letters and digits, split at anything else (so a
    note's number after a full stop is a word of its own on both sides);
    soft hyphens dropped."""
    text = text.replace("\u00ad", "")
    return [w for w in re.split(r"[\W_]+", text.casefold()) if w]


def read_epub(path):
    book = zipfile.ZipFile(path)
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    package_path = container.find(f".//{CONTAINER}rootfile").get("full-path")
    base = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    package = ElementTree.fromstring(book.read(package_path))
    items = list(package.iter(f"{OPF}item"))
    nav_href = next(item.get("href") for item in items if "nav" in (item.get("properties") or "").split())
    nav = ElementTree.fromstring(book.read(base + nav_href))
    page_list = [n for n in nav.iter(f"{XHTML}nav") if n.get(f"{OPS}type") == "page-list"]
    if len(page_list) != 1:
        fail(f"{len(page_list)} page-list navs in {nav_href}")
    entries = [(a.text or "", a.get("href")) for a in page_list[0].iter(f"{XHTML}a")]
    documents = {}
    for _, href in entries:
        name = href.split("#")[0]
        if name not in documents:
            documents[name] = ElementTree.fromstring(book.read(base + name))
    return entries, documents


def out_of_flow(element):
    """A figure (the PDF may float it) or the footnotes (the PDF sets them at
    a column's foot): text not in the PDF's reading order."""
    if element.tag == f"{XHTML}figure" and "quote" not in (element.get("class") or "").split():
        return True
    return element.tag == f"{XHTML}section" and "footnotes" in (element.get("class") or "").split()


def stream(element, out, kind="text"):
    """Text ("text", or "aside" out of the flow) and page-break markers of
    an XHTML element, in document order."""
    if element.get(f"{OPS}type") == "pagebreak":
        out.append(("marker", element.get("id")))
    elif element.tag not in (f"{XHTML}head", f"{XHTML}script", f"{XHTML}style"):
        inner = "aside" if kind == "aside" or out_of_flow(element) else "text"
        if element.text:
            out.append((inner, element.text))
        for child in element:
            stream(child, out, inner)
    if element.tail:
        out.append((kind, element.tail))


def pdf_page_words(pdf_path, page, joined=False):
    """The words pdftotext finds on a page; `joined`: with each word
    hyphenated at a line's end made whole again (and each hyphenated
    compound broken at a line's end run together: try both)."""
    text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf_path, "-"],
                          capture_output=True, text=True, check=True).stdout
    if joined:
        text = re.sub(r"[-\u2010\u00ad]\n", "", text)
    return words(text)


def in_a_row(needle, haystack):
    return any(haystack[at:at + len(needle)] == needle for at in range(len(haystack) - len(needle) + 1))


def check_before(stream_tokens, place, pdf_path, page, label):
    """The words just before a marker, in the flow, are on the page before:
    the marker never stands after words the PDF prints on its own page."""
    before = words(" ".join(value for kind, value in stream_tokens[max(0, place - 400):place] if kind == "text"))
    last = before[-3:]
    if last and not any(in_a_row(last, pdf_page_words(pdf_path, page - 1, joined)) for joined in (False, True)):
        fail(f"page {label}: the words before its marker, '{' '.join(last)}', are not on page {page - 1}")


def main():
    epub_path, pdf_path = sys.argv[1], sys.argv[2]
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, check=True).stdout
    pdf_pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    entries, documents = read_epub(epub_path)
    if len(entries) != pdf_pages:
        fail(f"the page list has {len(entries)} entries, the PDF {pdf_pages} pages")
    labels = [label for label, _ in entries]
    if len(set(labels)) != len(labels):
        fail(f"page labels repeat: {labels}")

    tokens = {name: [] for name in documents}
    for name, document in documents.items():
        stream(document, tokens[name])
    order = {}  # marker id -> (document, position in its stream)
    for name, stream_tokens in tokens.items():
        for index, (kind, value) in enumerate(stream_tokens):
            if kind == "marker":
                if (name, value) in order:
                    fail(f"marker id {value} twice")
                order[(name, value)] = index

    previous = None
    for page, (label, href) in enumerate(entries, start=1):
        name, _, marker = href.partition("#")
        if (name, marker) not in order:
            fail(f"page {label}: {href} names no page-break marker")
        place = order[(name, marker)]
        if previous is not None and previous[0] == name and place <= previous[1]:
            fail(f"page {label}: its marker comes before the previous page's")
        previous = (name, place)
        after = words(" ".join(value for kind, value in tokens[name][place + 1:place + 400] if kind == "text"))
        pdf_words = pdf_page_words(pdf_path, page)
        if not after and page > 1:
            # A last page of floats alone: its marker ends the article's text.
            check_before(tokens[name], place, pdf_path, page, label)
            print(f"ok: page {label}: floats alone, after the article's text")
            continue
        if not after or not pdf_words:
            fail(f"page {label}: no words after the marker ({after[:3]}) or on the PDF page ({pdf_words[:3]})")
        # The EPUB's first three words in a row on the PDF page; a word
        # hyphenated across the page break begins the EPUB's page whole.
        def begins_here(at):
            first = pdf_words[at]
            if not (after[0] == first or (len(first) > 1 and after[0].endswith(first))):
                return False
            return pdf_words[at + 1:at + 3] == after[1:3][:len(pdf_words[at + 1:at + 3])]
        joined_words = pdf_page_words(pdf_path, page, joined=True)
        def begins_here_joined(at):
            return joined_words[at:at + 3] == after[:3]
        if not any(begins_here(at) for at in range(min(WINDOW, len(pdf_words)))) and \
                not any(begins_here_joined(at) for at in range(min(WINDOW, len(joined_words)))):
            fail(f"page {label}: the EPUB's page begins '{' '.join(after[:6])}', the PDF's '{' '.join(pdf_words[:6])}'")
        if page > 1:
            check_before(tokens[name], place, pdf_path, page, label)
        print(f"ok: page {label}: {' '.join(after[:4])} | {' '.join(pdf_words[:4])}")
    print(f"{len(entries)} page-list entries, {pdf_pages} PDF pages")


if __name__ == "__main__":
    main()
