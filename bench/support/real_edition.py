#!/usr/bin/env python3
"""Makes an edition folder of N real stories for bench/modular: the
plain-text news articles of ../shared/corpus/news first, then English web
pages of ../shared/corpus/html (news sites before the rest), with an
edition.toml listing them in that order (one section, the first the lead).

With --pictures, every story that has a figure, and every second one of the
rest, is written as Markdown (its text as `galley inspect --json` reads it)
with a photograph (--photo, a PNG) at its figure or after its first
paragraph, so that the edition has real text and pictures of press size.
"""
import argparse
import json
import pathlib
import shutil
import subprocess

NEWS_SITES = ["bbc-1", "guardian-1", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4", "nytimes-5", "cnn",
              "wapo-1", "wapo-2", "telegraph", "seattletimes-1", "herald-sun-1", "salon-1", "yahoo-1", "yahoo-2",
              "theverge", "engadget", "ars-1", "citylab-1", "quanta-1", "medicalnewstoday", "msn", "buzzfeed-1",
              "breitbart", "cnet", "lwn-1", "mozilla-1", "ietf-1", "wikipedia", "webmd-1", "iab-1"]


def inspect(galley, path):
    result = subprocess.run([galley, "inspect", str(path), "--json"], capture_output=True, text=True)
    return json.loads(result.stdout) if result.returncode == 0 else None


def as_markdown(data, photo, always):
    meta = data["meta"]
    lines = ["---", "title: " + json.dumps(meta.get("title", "Untitled"))]
    if meta.get("authors"):
        lines.append("author: " + json.dumps(meta["authors"][0]))
    if meta.get("subtitle"):
        lines.append("description: " + json.dumps(meta["subtitle"]))
    if meta.get("date"):
        lines.append("date: " + meta["date"])
    lines += ["---", ""]
    pictured = False
    for block in data["blocks"]:
        kind, text = block.get("type"), block.get("text", "").replace("\n", " ")
        if kind == "figure" and not pictured:
            lines.append(f"![{text}]({photo})")
            pictured = True
        elif kind == "heading":
            lines.append("## " + text)
        elif kind == "list":
            lines += ["- " + item for item in block.get("items", [])]
        elif kind in ("quote", "pull_quote"):
            lines.append("> " + text)
        elif text:
            lines.append(text)
            if always and not pictured and kind == "paragraph":
                lines += ["", f"![{text.split('. ')[0][:90]}.]({photo})"]
                pictured = True
        lines.append("")
    return "\n".join(lines), pictured


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--corpus", type=pathlib.Path, required=True)
    parser.add_argument("--galley", required=True)
    parser.add_argument("--photo", type=pathlib.Path, help="a PNG: stories get pictures")
    arguments = parser.parse_args()
    folder = arguments.folder
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((arguments.corpus / "news").glob("*.txt"))
    html = arguments.corpus / "html"
    pages = [html / name / "source.html" for name in NEWS_SITES if (html / name / "source.html").exists()]
    pages += [page for page in sorted(html.glob("*/source.html")) if page not in pages]
    sources += pages
    names = []
    if arguments.photo:
        shutil.copy(arguments.photo, folder / "photo.png")
    for source in sources:
        if len(names) == arguments.count:
            break
        data = inspect(arguments.galley, source)
        if not data or not data["meta"].get("lang", "en").startswith("en"):
            continue
        words = sum(len(block.get("text", "").split()) for block in data["blocks"])
        if words < 150:
            continue
        stem = source.stem if source.suffix == ".txt" else source.parent.name
        stem = f"{len(names) + 1:02d}-{stem}"
        if arguments.photo:
            text, pictured = as_markdown(data, "photo.png", len(names) % 2 == 0)
            if pictured:
                (folder / f"{stem}.md").write_text(text)
                names.append(f"{stem}.md")
                continue
        name = f"{stem}{source.suffix}"
        shutil.copy(source, folder / name)
        names.append(name)
    with open(folder / "edition.toml", "w") as out:
        out.write('title = "The Galley Chronicle"\nissue = "No. 22"\ndate = 2026-11-28\n\n[[sections]]\n'
                  'title = "News"\n')
        out.write("articles = [" + ", ".join(f'"{name}"' for name in names) + "]\n")
    print("\n".join(names))


if __name__ == "__main__":
    main()
