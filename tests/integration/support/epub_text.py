#!/usr/bin/env python3
"""Prints the text of an EPUB's content documents in spine order.

Usage: epub_text.py BOOK.epub
"""
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def main():
    book = zipfile.ZipFile(sys.argv[1])
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    package_path = container.find(f".//{CONTAINER}rootfile").get("full-path")
    base = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    package = ElementTree.fromstring(book.read(package_path))
    manifest = {item.get("id"): item.get("href") for item in package.iter(f"{OPF}item")}
    for reference in package.iter(f"{OPF}itemref"):
        document = ElementTree.fromstring(book.read(base + manifest[reference.get("idref")]))
        print(" ".join(document.itertext()))


if __name__ == "__main__":
    main()
