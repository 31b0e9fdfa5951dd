"""The pages a printed table was read from, as images with the tables found on them outlined
(Pillow draws on the rendered page: no new dependency), for a person to see what was read."""

import io

from PIL import Image, ImageDraw

from scores.ingest import pdf
from scores.ingest.printed import Found, PrintedSource

WIDTH = 1100  # pixels across a page image: rules and digits stay legible on the Data page
READ = (214, 39, 40)  # the table that was read
OTHER = (31, 119, 180)  # another table on the page, which the person may choose instead
Box = tuple[float, float, float, float]


def outlined(image: Image.Image, boxes: list[tuple[Box, bool]], scale: float) -> Image.Image:
    """The image in colour with each box (in its own units, times scale = pixels) outlined:
    the table read thick in red, any other in blue, a little outside it so no digit is hidden."""
    page = image.convert("RGB")
    draw = ImageDraw.Draw(page)
    for box, read in boxes:
        x0, y0, x1, y1 = (round(v * scale) for v in box)
        margin = 4 if read else 2
        draw.rectangle(
            (x0 - margin, y0 - margin, x1 + margin, y1 + margin),
            outline=READ if read else OTHER,
            width=5 if read else 3,
        )
    return page


def page_images(data: bytes, source: PrintedSource, width: int = WIDTH) -> list[tuple[int, bytes]]:
    """Each page the table was read from as a PNG `width` pixels across, its tables outlined."""
    read = set(source.outlines)
    shown = []
    for number in source.pages:
        tables = [one for one in source.found if one.page == number]
        image, scale = _page(data, source.kind, number, tables, width)
        boxes = [(one.box, (one.page, one.box) in read) for one in tables]
        out = io.BytesIO()
        outlined(image, boxes, scale).save(out, format="PNG", optimize=True)
        shown.append((number, out.getvalue()))
    return shown


def _page(
    data: bytes, kind: str, number: int, tables: list[Found], width: int
) -> tuple[Image.Image, float]:
    """The page at `width` pixels, turned as OCR turned it, and the scale from the boxes' units
    (PDF points for a text layer, the scan's pixels for OCR) to the image's pixels."""
    if kind == "image":
        image = Image.open(io.BytesIO(data))  # read (and bounded) once already by the import
    else:
        with pdf.opened(data) as document:
            image = pdf.pages_of(document, [number])[1][0].to_image(width=width).original
    image = image.convert("L")
    image = image.resize((width, round(image.height * width / image.width)))
    across = next((one.size[0] for one in tables if one.size[0]), 0.0)
    turn = next((one.turn for one in tables if one.turn), 0.0)
    if turn:  # the boxes were found on the levelled scan: level the preview the same way
        image = image.rotate(turn, resample=Image.BICUBIC, expand=True, fillcolor=255)
    return image, width / across if across else 1.0
