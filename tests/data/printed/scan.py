"""Scans made from the printed fixtures: pages rasterised with a slight skew and noise."""

from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageDraw, ImageFilter

DPI = 200
SKEW_DEGREES = 0.8


def rasterise(pdf: Path, page: int, dpi: int = DPI) -> Image.Image:
    """One page of a PDF as a greyscale image."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return document[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()


def scanned(image: Image.Image, seed: int = 20) -> Image.Image:
    """The page as a scanner gives it back: turned a little, blurred, with speckle noise."""
    turned = image.rotate(SKEW_DEGREES, resample=Image.BICUBIC, expand=True, fillcolor=255)
    pixels = np.asarray(turned.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.int16)
    noise = np.random.default_rng(seed).normal(0, 12, pixels.shape)
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))


def smudge(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """A blot of ink over one spot of the page (a digit made unreadable)."""
    smudged = image.copy()
    ImageDraw.Draw(smudged).ellipse(box, fill=90)
    return smudged


def write_scans(folder: Path) -> None:
    """A 3-page scanned PDF and a single-page PNG of the PCI table."""
    pages = [scanned(rasterise(folder / "pci_2016.pdf", n), seed=n) for n in range(3)]
    pages[0].save(
        folder / "pci_2016_scan.pdf", save_all=True, append_images=pages[1:], resolution=DPI
    )
    pages[0].save(folder / "pci_2016_page1.png", optimize=True)


def smudged_total(pdf: Path, text: str = "60,74") -> Image.Image:
    """Page 1 scanned with one digit of a printed number blotted out (the "7" of Hà Nội's
    PCI 2016 total by default): a cell OCR must flag, never guess."""
    import pdfplumber

    page = rasterise(pdf, 0)
    with pdfplumber.open(pdf) as document:
        word = next(w for w in document.pages[0].extract_words() if w["text"] == text)
    k = DPI / 72
    width = word["x1"] - word["x0"]
    box = (
        round((word["x0"] + 0.55 * width) * k),
        round(word["top"] * k) - 2,
        round((word["x0"] + 0.8 * width) * k),
        round(word["bottom"] * k) + 2,
    )
    return scanned(smudge(page, box))
