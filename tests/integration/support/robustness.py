#!/usr/bin/env python3
"""The robustness table: hostile and odd inputs, each with its expected outcome.

Usage: robustness.py [CASE_NAME ...]   (environment: GALLEY, SOURCE_DIR)

Every case is generated here at test time (nothing large is committed) and
run through `galley build` under `timeout`:

- bad input: exit code exactly 1 (not a crash, not a hang), a message naming
  the file (and the line where one applies), no output file, no temporary
  file, and the older output pre-created in the output folder untouched;
- odd but valid input: exit code 0, and every word of the source in the
  PDF (pdftotext) and in the EPUB (epub_text.py), in order; fonts embedded.

The generators use a fixed seed, so every run feeds galley the same bytes.
"""
import concurrent.futures
import functools
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

GALLEY = os.environ["GALLEY"]
SOURCE_DIR = os.environ["SOURCE_DIR"]
HERE = os.path.dirname(os.path.abspath(__file__))
# Sanitizer builds run several times slower; they say so through this.
SLOWDOWN = float(os.environ.get("GALLEY_ROBUSTNESS_SLOWDOWN", "1"))
# GALLEY_ROBUSTNESS_SMALL=1 (the sanitizer stage) cuts the sizes that only
# test speed, which the normal stage has tested: 30,000 one-line paragraphs
# become 3,000 and the 1 MB paragraph 300 KB, still set in about ten pieces.
SMALL = os.environ.get("GALLEY_ROBUSTNESS_SMALL", "0") == "1"
LINE_COUNT = 3_000 if SMALL else 30_000
PARAGRAPH_WORDS = 43_000 if SMALL else 170_000  # about 300 KB or 1 MB
OLD_OUTPUT = b"older output\n"

CASES = []


class Case:
    """One row of the table."""

    def __init__(self, name, expect, file, data=b"", *, message=None, args=(), words=None, letters=None,
                 fonts=False, forbid=(), setup=None, names=None, page_furniture=None, huge=False, timeout=60, exit_code=None, check=None, ulimit_file_blocks=None):
        self.name = name
        self.expect = expect          # "bad" (exit 1), "usage" (exit 2) or "ok" (exit 0)
        self.file = file              # the input's file name
        self.data = data              # bytes, or a function returning bytes
        self.message = message        # a regular expression stderr must match (besides the file name)
        self.args = list(args)
        self.words = words            # text whose words must all appear in both outputs, in order
        self.letters = letters        # text (or a function returning it) that must appear in both outputs once white space is removed
        self.fonts = fonts            # pdffonts must say every font is embedded
        self.forbid = forbid          # strings neither output may contain
        self.setup = setup            # function(case_directory) preparing images, themes, FIFOs
        self.names = names or file    # what the error message must name
        self.huge = huge              # run only when named or with GALLEY_ROBUSTNESS_HUGE=1 (bench/huge-paragraph)
        self.page_furniture = page_furniture  # lines (running head, folio) to drop from the PDF's text for `letters`
        self.timeout = timeout
        self.exit_code = exit_code
        self.check = check            # function(case_directory, result) -> error text or None
        self.ulimit_file_blocks = ulimit_file_blocks


def case(*args, **kwargs):
    CASES.append(Case(*args, **kwargs))


# ------------------------------------------------------------------ inputs

ARTICLE = """Harbour Plans Approved

The council approved the harbour plans on Tuesday after a long debate.

Fishermen said the new quay would bring work back to the town.
"""
ARTICLE_WORDS = ARTICLE


def pseudo_random_bytes(count, seed=9):
    generator = random.Random(seed)
    return bytes(generator.getrandbits(8) for _ in range(count))


def words_text(count, seed=1, prefix="word"):
    generator = random.Random(seed)
    syllables = ["ka", "lo", "mer", "tin", "sa", "ve", "dor", "pu", "ri", "nel"]
    return " ".join("".join(generator.choice(syllables) for _ in range(generator.randint(1, 4))) for _ in range(count))


@functools.lru_cache(maxsize=None)
def paragraph_words(count):
    return words_text(count, seed=20) + "."


def big_paragraph(count):
    return lambda: ("A Very Long Paragraph\n\n" + paragraph_words(count) + "\n").encode()


_letters = random.Random(15)
LONG_WORD = "".join(_letters.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(150_000))


def one_line_paragraphs():
    return ("Thirty Thousand Lines\n\n" + "\n\n".join(f"Line number {i} ends here." for i in range(LINE_COUNT)) + "\n").encode()


LONG_TITLE = words_text(1_700, seed=3)  # about 10,000 characters


def png(width, height, data=None):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    if data is None:
        data = zlib.compress(b"".join(b"\0" + b"\x80\x40\x20" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def with_image(name, data):
    def setup(directory):
        with open(os.path.join(directory, name), "wb") as image:
            image.write(data)
    return setup


def make_fifo(name):
    def setup(directory):
        os.mkfifo(os.path.join(directory, name))
    return setup


def with_theme(text):
    def setup(directory):
        with open(os.path.join(directory, "theme.toml"), "w") as theme:
            theme.write(text)
    return setup


MARKDOWN = "# Harbour Plans Approved\n\nThe council approved the plans.\n\n{}\n\nFishermen welcomed the quay.\n"


def nitf(body, head="", doctype=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<nitf><head><title>Harbour Plans</title>{head}</head>'
            f'<body><body.head><hedline><hl1>Harbour Plans Approved</hl1></hedline></body.head>'
            f'<body.content>{body}</body.content></body></nitf>\n').encode()


# ------------------------------------------------------------------ the table

# Empty, blank and binary files hold no article.
case("empty", "bad", "empty.txt", b"", message="holds no text")
case("blank-only", "bad", "blank.txt", b"  \n\t\n \r\n\n   \n", message="holds no text")
case("nul-bytes", "bad", "nul.txt", b"\0" * 4096)
case("random-bytes-txt", "bad", "random.txt", lambda: pseudo_random_bytes(65536), message="binary")
case("random-bytes-md", "bad", "random.md", lambda: pseudo_random_bytes(65536, seed=10), message="binary")
case("random-bytes-xml", "bad", "random.xml", lambda: pseudo_random_bytes(65536, seed=11))
case("pdf-as-text", "bad", "report.txt", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\n"
     + pseudo_random_bytes(4000, seed=12) + b"\nendstream\nendobj\n", message="binary")
case("missing-file", "bad", "missing.txt", None, message="cannot be opened")
case("directory-as-input", "bad", "folder.txt", None, setup=lambda d: os.mkdir(os.path.join(d, "folder.txt")),
     message="directory")
# Stray control characters are removed; the words around them stay.
case("stray-nul-and-controls", "ok", "controls.txt",
     b"Harbour Plans Approved\n\nThe council\0 approved the\x07 plans on\x1b Tuesday.\n\nFishermen\x0c said the quay\x7f was good.\n",
     words="Harbour Plans Approved The council approved the plans on Tuesday Fishermen said the quay was good")

# Encodings and line ends.
case("invalid-utf8", "ok", "broken-utf8.txt",
     b"Harbour Plans Approved\n\nThe caf\xc3\xa9 and the \xff\xfe odd bytes stay readable.\n\nThe quay \xc3 is new.\n",
     words="Harbour Plans Approved The café and the odd bytes stay readable The quay is new")
case("latin-1", "ok", "latin1.txt", "Déjà vu à Montréal\n\nLe maire a approuvé le projet du quai.\n\nLes pêcheurs étaient ravis.\n".encode("latin-1"),
     words="Déjà vu à Montréal Le maire a approuvé le projet du quai Les pêcheurs étaient ravis")
case("windows-1252", "ok", "cp1252.txt",
     "Harbour Plans Approved\n\n\u201cIt\u2019s a good day\u201d \u2014 said the mayor \u2026 cost \u20ac5m.\n".encode("cp1252"),
     words="Harbour Plans Approved It s a good day said the mayor cost 5m")
case("utf16le-bom", "ok", "utf16le.txt", "\ufeffHarbour Plans Approved\n\nThe council approved the plans.\n".encode("utf-16-le"),
     words="Harbour Plans Approved The council approved the plans")
case("utf16be-bom", "ok", "utf16be.txt", "\ufeffHarbour Plans Approved\n\nThe council approved the plans.\n".encode("utf-16-be"),
     words="Harbour Plans Approved The council approved the plans")
case("utf16-truncated", "bad", "utf16-odd.txt", "\ufeffHarbour Plans\n\nText.\n".encode("utf-16-le") + b"\x41",
     message="UTF-16")
case("utf8-bom", "ok", "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode(), words=ARTICLE_WORDS)
case("crlf", "ok", "crlf.txt", ARTICLE.replace("\n", "\r\n").encode(), words=ARTICLE_WORDS)
case("lone-cr", "ok", "cr.txt", ARTICLE.replace("\n", "\r").encode(), words=ARTICLE_WORDS)
case("markdown-crlf-bom", "ok", "crlf.md", b"\xef\xbb\xbf" + MARKDOWN.format("A *second* paragraph.").replace("\n", "\r\n").encode(),
     words="Harbour Plans Approved The council approved the plans A second paragraph Fishermen welcomed the quay")

# Sizes.
# A paragraph over 64 KB is set in pieces (src/layout/inline/long_paragraph.cpp);
# every letter must come through in order, in the PDF (running heads and
# folios aside) and in the EPUB. The 20 MB one (3.4 million words, 7,300
# pages, 34 s and 2 GB) measures scale, not behaviour: the table runs it only
# when named or with GALLEY_ROBUSTNESS_HUGE=1, as bench/huge-paragraph does.
# The 1 MB one (300 KB in the sanitizer stage) runs the same code.
# Its timeout is wall time on a shared machine: at a load of 8 on two cores
# it took 340 s (100 CPU seconds); the hang it guards against took hours.
case("20mb-paragraph", "ok", "big-paragraph.txt", big_paragraph(3_400_000), timeout=900, huge=True,
     letters=lambda: paragraph_words(3_400_000), page_furniture=r"A Very Long Paragraph|\d+")
case("300kb-paragraph" if SMALL else "1mb-paragraph", "ok", "paragraph.txt", big_paragraph(PARAGRAPH_WORDS), timeout=120,
     letters=lambda: paragraph_words(PARAGRAPH_WORDS), page_furniture=r"A Very Long Paragraph|\d+")
case("150000-character-word", "ok", "long-word.txt",
     f"A Long Word\n\nBefore the word {LONG_WORD} after the word.\n".encode(), letters=LONG_WORD, timeout=300,
     page_furniture=r"A Long Word|\d+")
case(f"{LINE_COUNT}-one-line-paragraphs", "ok", "lines.txt", one_line_paragraphs, timeout=600,
     words=None, check=lambda d, r: last_words_check(d, "lines", f"Line number {LINE_COUNT - 1} ends here"))
case("10000-character-title", "ok", "long-title.txt", f"{LONG_TITLE}\n\nThe story is short.\n".encode(),
     words=LONG_TITLE + " The story is short", timeout=300)
case("input-over-size-limit", "bad", "two-megabytes.txt",
     lambda: ("Big\n\n" + words_text(340_000, seed=4) + "\n").encode(), args=["--max-input-mb", "1"],
     message="--max-input-mb")
case("page-limit", "bad", "many-pages.txt", lambda: ("Pages\n\n" + words_text(20_000, seed=5) + "\n").encode(),
     args=["--max-pages", "3"], message="--max-pages")

# Scripts: fonts found by fallback and embedded.
case("arabic", "ok", "arabic.txt", "عنوان الخبر\n\nوافق المجلس على خطط الميناء يوم الثلاثاء.\n".encode(),
     words="عنوان الخبر وافق المجلس على خطط الميناء يوم الثلاثاء", fonts=True)
case("hebrew", "ok", "hebrew.txt", "כותרת הכתבה\n\nהמועצה אישרה את תוכניות הנמל ביום שלישי.\n".encode(),
     words="כותרת הכתבה המועצה אישרה את תוכניות הנמל ביום שלישי", fonts=True)
case("hindi", "ok", "hindi.txt", "बंदरगाह योजना मंज़ूर\n\nपरिषद ने मंगलवार को बंदरगाह की योजना को मंज़ूरी दी।\n".encode(),
     words="बंदरगाह योजना मंज़ूर परिषद ने मंगलवार को बंदरगाह की योजना को मंज़ूरी दी", fonts=True)
case("chinese", "ok", "chinese.txt", "港口计划获批\n\n议会周二批准了港口计划。\n\n渔民说新码头会带来工作。\n".encode(),
     letters="港口计划获批议会周二批准了港口计划。渔民说新码头会带来工作。", fonts=True)
case("greek", "ok", "greek.txt", "Εγκρίθηκε το σχέδιο του λιμανιού\n\nΤο συμβούλιο ενέκρινε τα σχέδια την Τρίτη.\n".encode(),
     words="Εγκρίθηκε το σχέδιο του λιμανιού Το συμβούλιο ενέκρινε τα σχέδια την Τρίτη", fonts=True)
case("cyrillic", "ok", "cyrillic.txt", "План порта одобрен\n\nСовет одобрил планы порта во вторник.\n".encode(),
     words="План порта одобрен Совет одобрил планы порта во вторник", fonts=True)
case("emoji", "ok", "emoji.txt", "Harbour Plans \U0001F6A2 Approved\n\nThe town cheered \U0001F600 and waved \u2764 flags.\n".encode(),
     words="Harbour Plans Approved The town cheered and waved flags", letters="\U0001F600", fonts=True)
case("mixed-scripts", "ok", "mixed.md",
     "# Mixed\n\nEnglish, Ελληνικά, Русский, then עברית, then العربية, then हिन्दी and 中文 in one line.\n".encode(),
     words="Mixed English Ελληνικά Русский then עברית then العربية then हिन्दी and in one line", letters="中文", fonts=True)

# Markdown.
case("markdown-20000-nested-quotes", "ok", "quotes.md",
     ("# Deep\n\nBefore the quotes.\n\n" + "> " * 20_000 + "innermost words\n\nAfter the quotes.\n").encode(),
     words="Deep Before the quotes innermost words After the quotes", timeout=300)
case("markdown-3000-nested-lists", "ok", "lists.md",
     ("# Lists\n\n" + "".join("  " * i + f"- item{i}\n" for i in range(3_000)) + "\nAfter the list.\n").encode(),
     words="Lists " + " ".join(f"item{i}" for i in range(3_000)) + " After the list", timeout=300)
case("markdown-nested-emphasis", "ok", "emphasis.md",
     ("# Emphasis\n\n" + "*a _" * 5_000 + "core" + "_ a*" * 5_000 + "\n").encode(),
     words="Emphasis core", timeout=300)
case("markdown-nested-links", "ok", "brackets.md",
     ("# Brackets\n\n" + "[" * 50_000 + "text" + "](x)" * 50_000 + "\n").encode(), words="Brackets text", timeout=300)
case("markdown-broken-front-matter", "bad", "front.md",
     b"---\ntitle: Harbour\ndate: [2024-01-02\nauthor: Jo\n---\n\nText.\n", message=r"front\.md:\d+:")
case("plaintext-broken-front-matter", "bad", "front.txt",
     b"---\ntitle: Harbour\n  bad: indentation: here\n---\n\nText of the story.\n", message=r"front\.txt:\d+:")
case("markdown-raw-html-script", "ok", "script.md",
     MARKDOWN.format('<script>alert("owned")</script>\n\nInline <script>steal()</script> text '
                     '<img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">a link</a> '
                     '<iframe src="http://example.invalid/"></iframe>\n\n<div onclick="evil()">Div text</div>').encode(),
     words="Harbour Plans Approved The council approved the plans Inline text and a link Div text Fishermen welcomed the quay",
     forbid=("<script", "alert(", "onerror", "javascript:", "onclick", "<iframe", "steal("))
case("markdown-nul-and-invalid-utf8", "ok", "odd.md", b"# Odd\n\nNUL\0 here and \xe9t\xe9 there.\n",
     words="Odd NUL here and été there")

# XML.
case("xml-malformed", "bad", "broken.xml", nitf("<p>Unclosed paragraph</body.content>"), message=r"broken\.xml:\d+:")
# A document cut short is an error naming the line (half an article is not
# published as if whole); --recover keeps what came before the cut, with a warning.
case("xml-truncated", "bad", "truncated.xml", nitf("<p>Text of the first paragraph.</p><p>Second paragraph</p>")[:-40],
     message=r"truncated\.xml:\d+: .*--recover")
case("xml-truncated-recover", "ok", "truncated.xml", nitf("<p>Text of the first paragraph.</p><p>Second paragraph</p>")[:-40],
     args=["--recover"], words="Harbour Plans Approved Text of the first paragraph")
case("xml-billion-laughs", "ok", "laughs.xml",
     nitf("<p>Before &lol9; after.</p>", doctype='<!DOCTYPE nitf [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>\n"),
     words="Harbour Plans Approved Before after", forbid=("lollollollol",), timeout=60)
case("xml-external-entity-file", "ok", "xxe.xml",
     nitf("<p>Secret: &xxe; end.</p>", doctype='<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
     words="Harbour Plans Approved Secret end", forbid=("root:",))
case("xml-external-entity-fifo", "ok", "xxe-fifo.xml",
     lambda: nitf("<p>Canary &canary; end.</p>", doctype='<!DOCTYPE nitf [<!ENTITY canary SYSTEM "canary.fifo">]>\n'),
     setup=make_fifo("canary.fifo"), words="Harbour Plans Approved Canary end", timeout=60)
case("xml-remote-dtd", "ok", "remote-dtd.xml",
     nitf("<p>Remote DTD text.</p>", doctype='<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd">\n'),
     words="Harbour Plans Approved Remote DTD text", timeout=60)
case("xml-local-dtd-fifo", "ok", "dtd-fifo.xml",
     nitf("<p>Local DTD text.</p>", doctype='<!DOCTYPE nitf SYSTEM "dtd.fifo">\n'),
     setup=make_fifo("dtd.fifo"), words="Harbour Plans Approved Local DTD text", timeout=60)
case("xml-100000-nested-elements", "ok", "deep.xml",
     nitf("<block>" * 100_000 + "<p>Deep text.</p>" + "</block>" * 100_000), words="Harbour Plans Approved Deep text",
     timeout=300)
case("xml-50000-nested-emphasis", "ok", "deep-em.xml",
     nitf("<p>Start " + "<em>" * 50_000 + "core" + "</em>" * 50_000 + " end.</p>"), words="Harbour Plans Approved Start core end",
     timeout=300)
case("xml-no-body", "bad", "empty-body.xml", b'<?xml version="1.0"?>\n<nitf><head></head><body/></nitf>\n',
     message="holds no article")

# Web pages.
def html_page(body, head="<title>Harbour Plans</title>"):
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>\n".encode()


HTML_ARTICLE = ("<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
                "<p>The council approved the harbour plans on Tuesday, after a debate that lasted most of the afternoon "
                "and ended with a vote of twelve to three.</p><p>Work on the new sea wall will begin in the spring, "
                "and the harbour master said the fishing fleet would stay in port while it was built.</p></article>"
                "<footer class=\"footer\">Copyright</footer>")
HTML_WORDS = "The council approved the harbour plans on Tuesday the fishing fleet would stay in port"
case("html-random-bytes", "bad", "random.html", lambda: pseudo_random_bytes(65536, seed=11), message="binary")
case("html-latin1-crlf", "ok", "latin1.html",
     html_page("<article><p>Caf\xe9 cr\xe8me on the quay, na\xefve \x93quotes\x94, " + "and more words here " * 8 +
               "to make a paragraph.</p></article>").replace(b"\n", b"\r\n"),
     words="Caf\u00e9 cr\u00e8me on the quay na\u00efve quotes")
case("html-article-among-furniture", "ok", "page.html", html_page(HTML_ARTICLE), words=HTML_WORDS,
     forbid=("Copyright",))
case("html-3000-nested-elements", "ok", "deep.html",
     html_page("<div><span>" * 3_000 + "<p>Deep text of the harbour plans, the only words on this page.</p>"),
     words="Deep text of the harbour plans the only words on this page", timeout=120)
case("html-100000-nested-elements", "bad", "deeper.html",
     lambda: html_page("<div><span><em>" * 100_000 + "Deepest text."), message="nested too deeply", timeout=120)
case("html-10000-open-paragraphs", "ok", "open.html",
     lambda: html_page("".join(f"<p>Paragraph {i} of the harbour plans." for i in range(10_000))),
     words="Paragraph 0 of the harbour plans Paragraph 9999 of the harbour plans", timeout=300)
case("html-no-article", "bad", "scripts.html",
     html_page("<script>document.write('text')</script><nav><a href=\"/\">Home</a></nav>"), message="no article found")
case("html-remote-image", "ok", "images.html",
     html_page(HTML_ARTICLE.replace("</article>", "<img src=\"https://cdn.example.invalid/a.jpg\" alt=\"A remote photo\">"
                                    "</article>")),
     words=HTML_WORDS + " A remote photo",
     check=lambda d, r: None if "never fetched" in r.stderr else "no warning for the remote image: " + r.stderr)
# A lazy-loading attribute holding the picture's settings as JSON (MSN's
# data-src): the URL inside it is the picture, remote here, never a file name.
case("html-json-lazy-image", "ok", "lazy.html",
     html_page(HTML_ARTICLE.replace("</article>", "<img data-src='{\"default\":{\"load\":\"default\",\"w\":\"73\","
                                    "\"src\":\"//cdn.example.invalid/lazy.img?h=410\"}}' alt=\"A lazy photo\"></article>")),
     words=HTML_WORDS + " A lazy photo",
     check=lambda d, r: None if "cdn.example.invalid/lazy.img" in r.stderr and "never fetched" in r.stderr
     else "the JSON's URL was not taken as the remote picture: " + r.stderr)
# A local image that is not there is missing, as from every reader (--missing-images).
case("html-missing-image", "bad", "missing.html",
     html_page(HTML_ARTICLE.replace("</article>", "<img src=\"page_files/missing.jpg\" alt=\"A missing photo\"></article>")),
     message="image 'page_files/missing.jpg' not found")
case("html-big-paragraph", "ok", "paragraph.html",
     lambda: html_page("<article><p>" + paragraph_words(PARAGRAPH_WORDS // 4) + "</p></article>"), timeout=300,
     letters=lambda: paragraph_words(PARAGRAPH_WORDS // 4), page_furniture=r"Harbour Plans|\d+")

# Images.
case("image-missing", "bad", "missing-image.md", MARKDOWN.format("![A photo](photo.png)").encode(), message="photo.png")
case("image-not-an-image", "bad", "text-image.md", MARKDOWN.format("![A photo](photo.png)").encode(),
     setup=with_image("photo.png", b"This is text, not a picture.\n" * 10), message="not a PNG or JPEG")
case("image-truncated", "bad", "truncated-image.md", MARKDOWN.format("![A photo](photo.png)").encode(),
     setup=with_image("photo.png", png(64, 64)[:60]), message="photo.png")
case("image-40000x40000", "bad", "huge-image.md", MARKDOWN.format("![A photo](photo.png)").encode(),
     setup=with_image("photo.png", png(40_000, 40_000, data=zlib.compress(b"\0" * 1000))), message="megapixels")
case("image-outside-folder", "bad", "outside.md", MARKDOWN.format("![A photo](../../etc/passwd)").encode(),
     message="outside")
case("image-fine", "ok", "good-image.md", MARKDOWN.format("![A red square](photo.png)").encode(),
     setup=with_image("photo.png", png(32, 32)), words="Harbour Plans Approved The council approved the plans")

# Outputs and themes.
case("output-folder-is-a-file", "usage", "article.txt", ARTICLE.encode(), args=["-o", "{dir}/a-file"],
     setup=lambda d: open(os.path.join(d, "a-file"), "w").write("a file\n"), names="a-file")
case("output-folder-is-dev-full", "usage", "article.txt", ARTICLE.encode(), args=["-o", "/dev/full"], names="/dev/full")
# A full disk, made deterministic: writes past a 4 KB file size limit fail.
case("output-on-full-disk", "bad", "full.txt", ARTICLE.encode(), ulimit_file_blocks=4, names="full.pdf",
     message="cannot write")
case("theme-missing-font", "ok", "themed.txt", ARTICLE.encode(), args=["--style", "{dir}/theme.toml"],
     setup=with_theme('extends = "article"\n[body]\nfamily = "No Such Font Family"\n'), words=ARTICLE_WORDS,
     check=lambda d, r: None if re.search(r"No Such Font Family.*(substitut|instead)", r.stderr, re.S | re.I)
     else "no warning naming the missing font and its substitute: " + r.stderr)
case("theme-syntax-error", "bad", "article.txt", ARTICLE.encode(), args=["--style", "{dir}/theme.toml"],
     setup=with_theme('extends = "article"\n[body]\nsize = = 11\n'), names="theme.toml", message=r"theme\.toml:3")
case("theme-wrong-type", "bad", "article.txt", ARTICLE.encode(), args=["--style", "{dir}/theme.toml"],
     setup=with_theme('extends = "article"\n\n[body]\nsize = "big"\n'), names="theme.toml", message=r"theme\.toml:4")


# ------------------------------------------------------------------ checks

def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout


def epub_text(path):
    return subprocess.run([sys.executable, os.path.join(HERE, "epub_text.py"), path], check=True, capture_output=True,
                          text=True).stdout


def words_in_order(directory, source_text, output_text, label):
    if label == "pdf":
        # pdftotext reverses the lam-alef ligature's two letters inside
        # right-to-left text (the glyph maps to "لا", read back as "ال"):
        # an extraction quirk, not a lost word, so both spellings compare equal.
        source_text, output_text = (text.replace("\u0644\u0627", "\u0627\u0644") for text in (source_text, output_text))
    source = os.path.join(directory, f"expected-{label}.txt")
    output = os.path.join(directory, f"actual-{label}.txt")
    with open(source, "w") as file:
        file.write(source_text)
    with open(output, "w") as file:
        file.write(output_text)
    result = subprocess.run([sys.executable, os.path.join(HERE, "words_in_order.py"), source, output],
                            capture_output=True, text=True)
    return None if result.returncode == 0 else f"{label}: {result.stdout}{result.stderr}"[:2000]


def squeeze(text):
    return re.sub(r"[\s\u00ad]+", "", text)


def last_words_check(directory, stem, last):
    text = pdf_text(os.path.join(directory, "out", f"{stem}.pdf"))
    expected = "Thirty Thousand Lines " + " ".join(f"Line number {i} ends here" for i in range(LINE_COUNT))
    return words_in_order(directory, expected, text, "pdf") or (None if last in text else f"'{last}' missing")


def listing(directory):
    return sorted(os.listdir(directory)) if os.path.isdir(directory) else []


class Result:
    def __init__(self, returncode, stderr, seconds):
        self.returncode, self.stderr, self.seconds = returncode, stderr, seconds


def run_case(work, case):
    directory = os.path.join(work, case.name)
    os.makedirs(directory)
    output = os.path.join(directory, "out")
    os.makedirs(output)
    if case.setup:
        case.setup(directory)
    input_path = os.path.join(directory, case.file)
    if case.data is not None and not os.path.exists(input_path):
        data = case.data() if callable(case.data) else case.data
        with open(input_path, "wb") as file:
            file.write(data)
    stem = os.path.splitext(case.file)[0]
    old_outputs = [os.path.join(output, f"{stem}.pdf"), os.path.join(output, f"{stem}.epub")]
    if case.expect != "ok":
        for path in old_outputs:
            with open(path, "wb") as file:
                file.write(OLD_OUTPUT)
    args = [arg.replace("{dir}", directory) for arg in case.args]
    if "-o" not in args:
        args += ["-o", output]
    command = ["timeout", "-s", "KILL", str(int(case.timeout * SLOWDOWN)), GALLEY, "build", input_path] + args

    def limit_file_size():
        # A deterministic full disk: writes past the limit fail with EFBIG.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if case.ulimit_file_blocks:
            import resource
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.ulimit_file_blocks * 1024,) * 2)

    started = time.monotonic()
    process = subprocess.run(command, capture_output=True, text=True, errors="replace", cwd=directory,
                             preexec_fn=limit_file_size)
    result = Result(process.returncode, process.stderr, time.monotonic() - started)
    errors = []
    expected_code = case.exit_code if case.exit_code is not None else {"ok": 0, "bad": 1, "usage": 2}[case.expect]
    if result.returncode != expected_code:
        what = "killed by the timeout (a hang)" if result.returncode in (124, 137, -9) else (
            "a crash" if result.returncode >= 128 or result.returncode < 0 else "a wrong exit code")
        errors.append(f"exit code {result.returncode}, expected {expected_code}: {what}")
    for report in ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer"):
        if report in result.stderr:
            errors.append(f"a sanitizer report ({report})")
    if case.expect != "ok":
        if case.names not in result.stderr:
            errors.append("the message does not name the file")
        if case.message and not re.search(case.message, result.stderr):
            errors.append(f"the message does not match /{case.message}/")
        for path in old_outputs:
            with open(path, "rb") as file:
                if file.read() != OLD_OUTPUT:
                    errors.append(f"the older {os.path.basename(path)} was changed")
        extra = [name for name in listing(output) if os.path.join(output, name) not in old_outputs]
        if extra:
            errors.append(f"files left in the output folder: {extra}")
    else:
        pdf, epub = old_outputs
        if not (os.path.isfile(pdf) and os.path.isfile(epub)):
            errors.append("no PDF or no EPUB")
        else:
            leftovers = [name for name in listing(output) if ".galley-" in name]
            if leftovers:
                errors.append(f"temporary files left: {leftovers}")
            texts = {"pdf": pdf_text(pdf), "epub": epub_text(epub)}
            if case.words:
                for label, text in texts.items():
                    error = words_in_order(directory, case.words, text, label)
                    if error:
                        errors.append(error)
            if case.letters:
                letters = case.letters() if callable(case.letters) else case.letters
                for label, text in texts.items():
                    if label == "pdf" and case.page_furniture:
                        text = "\n".join(line for line in text.splitlines()
                                         if not re.fullmatch(case.page_furniture, line.strip("\f ")))
                    if squeeze(letters) not in squeeze(text):
                        errors.append(f"{label}: the text {letters[:40]!r}... is not there whole")
            for forbidden in case.forbid:
                for label, text in texts.items():
                    if forbidden in text:
                        errors.append(f"{label} contains {forbidden!r}")
                raw = subprocess.run(["unzip", "-p", epub], capture_output=True).stdout if shutil.which("unzip") else b""
                if forbidden.encode() in raw:
                    errors.append(f"the EPUB's files contain {forbidden!r}")
            if case.fonts:
                fonts = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
                rows = fonts.splitlines()[2:]
                if not rows:
                    errors.append("pdffonts lists no font")
                for row in rows:
                    # Columns: name type encoding emb sub uni object ID; emb is the fourth from the end.
                    fields = row.split()
                    if fields[-5] != "yes":
                        errors.append(f"a font is not embedded: {row}")
    if case.check and not errors:
        error = case.check(directory, result)
        if error:
            errors.append(error)
    return case, result, errors


def main():
    names = set(sys.argv[1:])
    huge = os.environ.get("GALLEY_ROBUSTNESS_HUGE", "0") == "1"
    selected = [c for c in CASES if (c.name in names if names else (huge or not c.huge))]
    if names and len(selected) != len(names):
        sys.exit(f"unknown cases: {names - {c.name for c in selected}}")
    work = tempfile.mkdtemp(prefix="galley-robustness-")
    failures = 0
    try:
        # The slow cases first, so that two workers finish together.
        selected.sort(key=lambda c: -c.timeout)
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for case, result, errors in pool.map(lambda c: run_case(work, c), selected):
                status = "ok" if not errors else "FAIL"
                print(f"{status}: {case.name} ({case.expect}, exit {result.returncode}, {result.seconds:.1f} s)", flush=True)
                for error in errors:
                    print(f"    {error}", flush=True)
                if errors:
                    print("    stderr: " + result.stderr.strip()[:1500].replace("\n", "\n            "), flush=True)
                    failures += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(selected) - failures} of {len(selected)} robustness cases pass")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
