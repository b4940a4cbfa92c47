#!/usr/bin/env python3
"""Writes N news stories of varied length into a folder, for the modular
make-up's tests and bench: story-01.txt ... in plain text (headline, byline,
paragraphs), or Markdown with a picture when --pictures names a PNG or JPEG
to copy beside them (every third story gets it).

The text is English-like sentences made from a fixed word list, so that the
same arguments always give the same stories; lengths cycle through a list
from a 120-word brief to a 1,400-word lead (times --length, 1 unless given)."""
import argparse
import pathlib
import shutil

WORDS = ("council harbour storm ferry minister budget school river bridge police court hospital "
         "market farmers rail station village coast weather flood energy prices workers union "
         "report inquiry museum festival team match season coach players fans city mayor plan "
         "housing road traffic airport flights tourists summer winter rain wind night morning "
         "families children teachers doctors nurses patients water power homes shops streets "
         "evidence judge jury witness statement letter meeting vote election party leader").split()
VERBS = "said warned agreed announced confirmed rejected promised expected reported argued".split()
LENGTHS = [1400, 520, 380, 900, 240, 650, 160, 1100, 300, 450, 120, 800, 350, 600, 200, 980, 420, 280, 720, 150]


def mix(*numbers):
    """A well-spread 32-bit number from small ones (FNV-1a over their bytes)."""
    value = 2166136261
    for number in numbers:
        for byte in number.to_bytes(4, "little"):
            value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


def sentence(seed):
    """A sentence of 12 to 24 words, the same for the same seed and unlike
    any other seed's, so a line of text tells which story it is from."""
    count = 12 + mix(seed) % 13
    words = [WORDS[mix(seed, k) % len(WORDS)] for k in range(count)]
    words.insert(count // 2, VERBS[mix(seed, 99) % len(VERBS)])
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def story(index, words, picture):
    title_words = [WORDS[mix(index, k, 7) % len(WORDS)] for k in range(4 + index % 5)]
    title = " ".join(title_words).capitalize() + f" {index + 1}"
    paragraphs, total, seed = [], 0, index * 1000
    while total < words:
        paragraph = " ".join(sentence(seed + k) for k in range(2 + mix(seed) % 3))
        seed += 5
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    if picture:
        paragraphs.insert(1, f"![The {title_words[0]} at dawn.]({picture})")
        return f"---\ntitle: {title}\nauthor: Reporter {index + 1}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"{title}\nBy Reporter {index + 1}\n\n" + "\n\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--pictures", type=pathlib.Path, help="a PNG or JPEG for every third story")
    parser.add_argument("--length", type=float, default=1.0, help="each story this many times its usual length")
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    picture = None
    if arguments.pictures:
        picture = "picture" + arguments.pictures.suffix
        shutil.copy(arguments.pictures, arguments.folder / picture)
    for index in range(arguments.count):
        with_picture = picture if picture and index % 3 == 0 else None
        suffix = ".md" if with_picture else ".txt"
        text = story(index, round(LENGTHS[index % len(LENGTHS)] * arguments.length), with_picture)
        (arguments.folder / f"story-{index + 1:02d}{suffix}").write_text(text)


main()
