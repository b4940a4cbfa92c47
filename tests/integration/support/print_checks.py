"""Checks of print PDFs for tests/integration/print.sh, from what poppler's
tools (pdfinfo -box, pdftoppm, pdftotext -bbox) report. Each command prints
what it measured and exits 1 with the reason when a check fails."""
import re
import subprocess
import sys

MM = 72 / 25.4


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def boxes(pdf):
    """{page: {"MediaBox": (x0, y0, x1, y1), ...}} for every page."""
    count = page_count(pdf)
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", str(count), pdf], capture_output=True, text=True,
                         check=True).stdout
    found = {}
    for page, name, values in re.findall(r"^Page\s+(\d+)\s+(\w+Box):\s+([-\d. ]+)$", out, re.M):
        found.setdefault(int(page), {})[name] = tuple(float(v) for v in values.split())
    if len(found) != count:
        fail(f"{pdf}: pdfinfo -box gave boxes for {len(found)} of {count} pages")
    return found


def size(box):
    return box[2] - box[0], box[3] - box[1]


def check_boxes(pdf, trim_width, trim_height, bleed_mm, marks):
    """Every page: the TrimBox the trim size, the BleedBox the bleed around
    it, the MediaBox around both (larger still with marks), all centred."""
    bleed = bleed_mm * MM
    pages = boxes(pdf)
    for page, box in sorted(pages.items()):
        media, trim, bleed_box = box["MediaBox"], box["TrimBox"], box["BleedBox"]
        width, height = size(trim)
        if abs(width - trim_width) > 0.05 or abs(height - trim_height) > 0.05:
            fail(f"page {page}: TrimBox {width:.2f} x {height:.2f}, not {trim_width} x {trim_height}")
        for side in range(4):
            outwards = -1 if side < 2 else 1
            grown = (bleed_box[side] - trim[side]) * outwards
            if abs(grown - bleed) > 0.05:
                fail(f"page {page}: BleedBox {bleed_box} is {grown:.2f} pt beyond TrimBox {trim}, not {bleed:.2f}")
            room = (media[side] - bleed_box[side]) * outwards
            if marks and room < 18:
                fail(f"page {page}: only {room:.2f} pt outside the bleed for marks")
            if not marks and abs(room) > 0.05:
                fail(f"page {page}: MediaBox {media} is larger than BleedBox {bleed_box} without marks")
    print(f"{len(pages)} pages: TrimBox {trim_width} x {trim_height}, BleedBox {bleed_mm} mm beyond it, "
          f"MediaBox {size(pages[1]['MediaBox'])[0]:.2f} x {size(pages[1]['MediaBox'])[1]:.2f}")


def render_gray(pdf, page, dpi, prefix):
    """The page as rows of grey values (0 black .. 255 white), from a PGM."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", pdf, prefix],
                   check=True)
    data = open(prefix + ".pgm", "rb").read()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end():]
    return width, height, [pixels[row * width:(row + 1) * width] for row in range(height)]


def dark_in(rows, x0, y0, x1, y1, threshold=200):
    return sum(1 for y in range(max(0, y0), min(len(rows), y1)) for x in range(max(0, x0), min(len(rows[0]), x1))
               if rows[y][x] < threshold)


def check_crop_marks(pdf, page, prefix):
    """Each corner: ink (the crop marks) outside the BleedBox, on the lines
    of the trim's edges; none inside the BleedBox's corner, beyond the trim."""
    dpi = 288
    scale = dpi / 72
    box = boxes(pdf)[page]
    media, trim, bleed = box["MediaBox"], box["TrimBox"], box["BleedBox"]
    width, height, rows = render_gray(pdf, page, dpi, prefix)
    # Pixel columns and rows of the boxes' edges (PDF y runs upwards).
    px = lambda x: int(round((x - media[0]) * scale))
    py = lambda y: int(round((media[3] - y) * scale))
    corners = {"top-left": (0, 3), "top-right": (2, 3), "bottom-left": (0, 1), "bottom-right": (2, 1)}
    for name, (xi, yi) in corners.items():
        outward_x = -1 if xi == 0 else 1
        outward_y = 1 if yi == 3 else -1  # in PDF units
        trim_x, trim_y = trim[xi], trim[yi]
        bleed_x, bleed_y = bleed[xi], bleed[yi]
        media_x, media_y = media[xi], media[yi]
        # The horizontal mark: on the trim's top or bottom line, beyond the bleed sideways.
        xs = sorted((px(bleed_x), px(media_x)))
        horizontal = dark_in(rows, xs[0], py(trim_y) - 2, xs[1], py(trim_y) + 3)
        ys = sorted((py(bleed_y), py(media_y)))
        vertical = dark_in(rows, px(trim_x) - 2, ys[0], px(trim_x) + 3, ys[1])
        if horizontal < 10 or vertical < 10:
            fail(f"page {page} {name}: no crop mark outside the bleed ({horizontal} and {vertical} dark pixels)")
        # Between the trim's corner and the bleed's: the bleed, unmarked.
        xs = sorted((px(trim_x) + outward_x * 2, px(bleed_x)))
        ys = sorted((py(trim_y) - outward_y * 2, py(bleed_y)))
        inside = dark_in(rows, xs[0], ys[0], xs[1], ys[1])
        if inside:
            fail(f"page {page} {name}: {inside} dark pixels in the bleed's corner, where no mark may be")
    print(f"page {page}: crop marks at all four corners, outside the bleed ({width}x{height} px at {dpi} dpi)")


def check_bleed_filled(pdf, page, prefix):
    """A picture set across the whole width continues into the bleed on both
    sides: the bleed strips beside it are inked, as the trim edge is."""
    dpi = 144
    scale = dpi / 72
    box = boxes(pdf)[page]
    media, trim, bleed = box["MediaBox"], box["TrimBox"], box["BleedBox"]
    width, height, rows = render_gray(pdf, page, dpi, prefix)
    px = lambda x: int(round((x - media[0]) * scale))
    # The rows where the picture meets the left trim edge.
    column = px(trim[0]) + 2
    inked = [y for y in range(height) if rows[y][column] < 250]
    if not inked:
        fail(f"page {page}: nothing touches the left trim edge")
    for name, x0, x1 in (("left", px(bleed[0]) + 1, px(trim[0]) - 1), ("right", px(trim[2]) + 1, px(bleed[2]) - 1)):
        blank = [y for y in inked if all(rows[y][x] >= 250 for x in range(x0, x1))]
        if len(blank) > len(inked) // 10:
            fail(f"page {page}: the {name} bleed is white on {len(blank)} of the {len(inked)} rows the picture fills")
    print(f"page {page}: the picture fills the bleed on both sides over {len(inked)} rows")


def words(pdf, page):
    """(xMin, yMin, xMax, yMax, word) of each word on the page, in points."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def check_facing(pdf, verso, recto, inner, outer):
    """The text block's left edge, from the trim's, is the outer margin on the
    verso and the inner margin on the recto; folios stand at the outer edges."""
    pages = boxes(pdf)
    result = {}
    for page in (verso, recto):
        trim = pages[page]["TrimBox"]
        media = pages[page]["MediaBox"]
        left_trim = trim[0] - media[0]
        right_trim = trim[2] - media[0]
        top_trim, bottom_trim = media[3] - trim[3], media[3] - trim[1]  # pdftotext's y runs down
        found = words(pdf, page)
        inside = [w for w in found if left_trim <= w[0] and w[2] <= right_trim and top_trim <= w[1] and w[3] <= bottom_trim]
        if not inside:
            fail(f"page {page}: no words inside the trim")
        left = min(w[0] for w in inside) - left_trim
        right = right_trim - max(w[2] for w in inside)
        folio = max(inside, key=lambda w: w[3])  # the lowest word: the folio
        result[page] = (left, right, folio)
    (verso_left, verso_right, verso_folio), (recto_left, recto_right, recto_folio) = result[verso], result[recto]
    difference = recto_left - verso_left
    if abs(difference - (inner - outer)) > 1.5:
        fail(f"left margins {verso_left:.1f} (page {verso}) and {recto_left:.1f} (page {recto}) differ by "
             f"{difference:.1f} pt, not inner - outer = {inner - outer}")
    if abs(verso_left - outer) > 1.5 or abs(recto_left - inner) > 1.5:
        fail(f"left margins {verso_left:.1f} and {recto_left:.1f}, not outer {outer} and inner {inner}")
    if verso_folio[4] != str(verso) or recto_folio[4] != str(recto):
        fail(f"the lowest words are {verso_folio[4]!r} and {recto_folio[4]!r}, not the folios {verso} and {recto}")
    verso_trim_left = pages[verso]["TrimBox"][0] - pages[verso]["MediaBox"][0]
    recto_trim_right = pages[recto]["TrimBox"][2] - pages[recto]["MediaBox"][0]
    if abs(verso_folio[0] - verso_trim_left - outer) > 1.5 or abs(recto_trim_right - recto_folio[2] - outer) > 1.5:
        fail(f"folios not at the outer edges: page {verso} at {verso_folio[0] - verso_trim_left:.1f} from the left, "
             f"page {recto} at {recto_trim_right - recto_folio[2]:.1f} from the right")
    print(f"left margins: page {verso} {verso_left:.1f} pt, page {recto} {recto_left:.1f} pt (difference "
          f"{difference:.1f} = inner {inner} - outer {outer}); folios at the outer edges")


def check_booklet_sheet(pdf, sheet_page, left_text, right_text):
    """One side of a booklet sheet: `left_text` in its left half, `right_text` in its right half."""
    media = boxes(pdf)[sheet_page]["MediaBox"]
    width, height = size(media)
    half = width / 2
    for name, x, wanted in (("left", 0, left_text), ("right", half, right_text)):
        text = subprocess.run(["pdftotext", "-f", str(sheet_page), "-l", str(sheet_page), "-x", str(int(x)), "-y", "0",
                               "-W", str(int(half)), "-H", str(int(height)), "-r", "72", pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        if wanted not in " ".join(text.split()):
            fail(f"sheet side {sheet_page}, {name} half: {wanted!r} not in {' '.join(text.split())[:200]!r}")
    print(f"sheet side {sheet_page}: {left_text!r} | {right_text!r}")


def make_pdf(path, pages, trim_box, picture_page, picture_ppi):
    """A PDF written by hand, not by galley: `pages` pages of A5 with a line
    of Helvetica (a standard font, not embedded only when asked) and, on
    `picture_page`, a grey 144 x 96 pixel picture placed at `picture_ppi`.
    With `trim_box`, every page has a TrimBox and a BleedBox of 3 mm."""
    import zlib
    width, height = 419.53, 595.28
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pixels = zlib.compress(bytes(((x + y) * 2) % 256 for y in range(96) for x in range(144)))
    image = add(b"<< /Type /XObject /Subtype /Image /Width 144 /Height 96 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels +
                b"\nendstream")
    page_ids = []
    pages_id = len(objects) + 2 * pages + 1
    for number in range(1, pages + 1):
        content = b"BT /F1 11 Tf 60 500 Td (Page %d of a PDF made by hand) Tj ET" % number
        if number == picture_page:
            scale = 72 / picture_ppi
            content += b" q %.3f 0 0 %.3f 60 200 cm /Im1 Do Q" % (144 * scale, 96 * scale)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        boxes = b""
        if trim_box:
            bleed = 72 / 25.4 * 3
            boxes = b"/TrimBox [%.2f %.2f %.2f %.2f] /BleedBox [0 0 %.2f %.2f] " % (
                bleed, bleed, width - bleed, height - bleed, width, height)
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] %s/Resources << /Font << "
                            b"/F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (
                                pages_id, width, height, boxes, font, image, stream)))
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % i for i in page_ids), pages))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = b"%PDF-1.4\n"
    offsets = []
    for index, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    open(path, "wb").write(out)
    print(f"{path}: {pages} pages by hand, TrimBox {'yes' if trim_box else 'no'}, "
          f"picture on page {picture_page} at {picture_ppi} ppi")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "boxes":
        check_boxes(arguments[0], float(arguments[1]), float(arguments[2]), float(arguments[3]), arguments[4] == "marks")
    elif command == "crop-marks":
        check_crop_marks(arguments[0], int(arguments[1]), arguments[2])
    elif command == "bleed-filled":
        check_bleed_filled(arguments[0], int(arguments[1]), arguments[2])
    elif command == "facing":
        check_facing(arguments[0], int(arguments[1]), int(arguments[2]), float(arguments[3]), float(arguments[4]))
    elif command == "booklet-side":
        check_booklet_sheet(arguments[0], int(arguments[1]), arguments[2], arguments[3])
    elif command == "pages":
        print(page_count(arguments[0]))
    elif command == "make-pdf":
        make_pdf(arguments[0], int(arguments[1]), arguments[2] == "trim", int(arguments[3]), float(arguments[4]))
    else:
        fail("unknown command " + command)
