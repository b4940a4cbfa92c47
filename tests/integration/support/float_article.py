#!/usr/bin/env python3
"""Writes a long Markdown article full of floats for the page-list tests:
paragraphs of made-up sentences (a fixed generator, so the same text on
every run) with, every few paragraphs, a figure followed by a quotation and
a short list, the case where the PDF prints a figure after text that
follows it in the model. Words are drawn from a list long enough that a
run of three of them rarely repeats, so a page's first words name a place.

Usage: float_article.py PARAGRAPHS IMAGES_DIR > article.md
(IMAGES_DIR relative to the article: it must hold tall.png, chart.png and
photo.jpg.)
"""
import random
import sys

WORDS = """harbour keeper lantern logbook weather westerly breeze squall channel
beacon granite cottage archive volunteer spreadsheet meteorologist reading
station evening morning fortnight paraffin supply boat lifeboat signal wreck
fishing schooner topsail swell tide current headland cliff shingle quay
breakwater mooring anchor rope chart compass barometer thermometer rainfall
visibility horizon storm gale hurricane calm drizzle fog mist frost snow
summer winter autumn spring daughter family letter margin ink pencil page
volume shelf catalogue photograph negative transcription record century
decade engineer inspector board committee parish council harbourmaster
pilot skipper crew passenger cargo timber coal herring mackerel lobster
gull cormorant seal whale porpoise island reef sandbank estuary river
valley village chapel school market road bridge railway telegraph post
office lamp wick reflector lens clockwork weight bell foghorn gallery
balcony staircase window shutter chimney garden wall gate path""".split()
CONNECTIVES = ["and", "but", "while", "because", "although", "so", "until", "after", "before", "where"]


def sentence(rng):
    length = rng.randint(9, 22)
    words = [rng.choice(WORDS) for _ in range(length)]
    cut = rng.randint(3, length - 3)
    words.insert(cut, rng.choice(CONNECTIVES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def main():
    count, images = int(sys.argv[1]), sys.argv[2].rstrip("/")
    rng = random.Random(20251014)
    pictures = ["tall.png", "chart.png", "photo.jpg"]
    print("---\ntitle: Floats among the keepers' logbooks\nauthor: [A. Test]\ndate: 2025-10-14\nlang: en-GB\n---\n")
    for index in range(count):
        print(paragraph(rng) + "\n")
        if index % 4 == 2:
            picture = pictures[(index // 4) % len(pictures)]
            print(f"![Figure {index}: {sentence(rng)[:-1].lower()}]({images}/{picture})\n")
            print("> " + sentence(rng) + "\n")
            print("- " + sentence(rng))
            print("- " + sentence(rng) + "\n")


if __name__ == "__main__":
    main()
