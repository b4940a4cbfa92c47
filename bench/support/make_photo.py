#!/usr/bin/env python3
"""Writes a 1200 x 800 PNG that reads as a photograph at a glance (sky,
hills, a sun), with the standard library's zlib: bench/modular's editions
need pictures of press size, and the test images are thumbnails."""
import math
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    width, height = 1200, 800
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            hill = 520 + 60 * math.sin(x / 170) + 30 * math.sin(x / 53)
            if (x - 880) ** 2 + (y - 210) ** 2 < 70 ** 2:
                pixel = (250, 226, 160)
            elif y < hill:
                t = y / hill
                pixel = (int(90 + 120 * t), int(140 + 80 * t), int(200 + 30 * t))
            else:
                t = (y - hill) / (height - hill)
                pixel = (int(70 - 30 * t), int(110 - 40 * t + 10 * math.sin(x / 9)), int(60 - 20 * t))
            rows += bytes(pixel)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(sys.argv[1], "wb") as out:
        out.write(png)


main()
