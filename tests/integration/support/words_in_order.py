#!/usr/bin/env python3
"""Checks that every word of a source text appears in an output's text, in order.

Usage: words_in_order.py SOURCE.txt OUTPUT_TEXT.txt

The output may hold more words (page numbers, a repeated headline in a
running head) but must hold each source word, in the source's order. Words
split by a hyphenation point at a line end are joined first, and compounds
are compared without their hyphens (pdftotext joins "co-" + "operation"). A missing word
is reported with its neighbours, so a failure says what was lost.
"""
import re
import sys
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    text = unicodedata.normalize("NFKC", text)
    # A soft hyphen at a line end, drawn as a hyphen or not, joins a word.
    text = re.sub("\u00ad-?\\s*\n\\s*", "", text)
    text = text.replace("\u00ad", "").replace("\u2060", "")
    # pdftotext joins "co-" at a line end with "operation" on the next line;
    # compare compounds without their hyphens on both sides.
    text = re.sub(r"(?<=\w)[-\u2010](?=\w)", "", text)
    return [w.lower() for w in WORD.findall(text)]


def main():
    source = words(open(sys.argv[1], encoding="utf-8", errors="replace").read())
    output = words(open(sys.argv[2], encoding="utf-8", errors="replace").read())
    position = 0
    for index, word in enumerate(source):
        try:
            position = output.index(word, position) + 1
        except ValueError:
            context = " ".join(source[max(0, index - 5): index + 5])
            print(f"word {index + 1} of {len(source)} ({word!r}) missing from the output, near: {context}")
            return 1
    print(f"all {len(source)} words present in order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
