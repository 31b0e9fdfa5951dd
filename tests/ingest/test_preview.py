"""The pages a printed table was read from, drawn for a person: the table read outlined on the
rendered page where its box is; and a page printing two tables imports the one chosen."""

import io

import numpy as np
import pytest
from conftest import ROOT
from PIL import Image

from ingest.test_pdf import SOURCE, seed_values, stored
from scores.ingest import preview
from scores.ingest.readfile import read_bytes
from scores.store.imports import import_file

PRINTED = ROOT / "tests" / "data" / "printed"
RED = np.array(preview.READ)
BLUE = np.array(preview.OTHER)


def coloured(pixels: np.ndarray, colour: np.ndarray) -> np.ndarray:
    """Where the image is the colour (within a little of it: PNG keeps it exact, resampling not)."""
    return np.abs(pixels.astype(int) - colour).sum(axis=-1) < 30


def side_share(mask: np.ndarray, box: tuple, scale: float) -> dict[str, float]:
    """The share of each side of the scaled box that the mask covers, a few pixels either way."""
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    near = 8  # the outline sits just outside the box, a few pixels thick
    return {
        "top": mask[max(0, y0 - near) : y0 + 1, x0:x1].any(axis=0).mean(),
        "bottom": mask[y1 : y1 + near, x0:x1].any(axis=0).mean(),
        "left": mask[y0:y1, max(0, x0 - near) : x0 + 1].any(axis=1).mean(),
        "right": mask[y0:y1, x1 : x1 + near].any(axis=1).mean(),
    }


def page_pixels(data: bytes, source, page: int) -> np.ndarray:
    png = dict(preview.page_images(data, source))[page]
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_the_rendered_page_has_the_table_outlined_where_its_box_is():
    data = (PRINTED / "pci_2016.pdf").read_bytes()
    source = read_bytes(data, "pci_2016.pdf", pages="1").printed
    (page, box), found = source.outlines[0], source.found[0]
    pixels = page_pixels(data, source, page)
    scale = preview.WIDTH / found.size[0]  # the page drawn WIDTH across, then levelled
    red = coloured(pixels, RED)
    assert all(share > 0.95 for share in side_share(red, box, scale).values())
    # Only the outline: inside the table (a margin in from its rules) nothing is red.
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    assert not red[y0 + 10 : y1 - 10, x0 + 10 : x1 - 10].any()
    assert red.mean() < 0.02


def test_the_other_table_of_a_page_is_outlined_apart():
    data = (PRINTED / "two_tables.pdf").read_bytes()
    source = read_bytes(data, "two_tables.pdf", table=2).printed
    first, second = source.found
    pixels = page_pixels(data, source, 1)
    scale = preview.WIDTH / first.size[0]
    red, blue = coloured(pixels, RED), coloured(pixels, BLUE)
    assert all(share > 0.95 for share in side_share(red, second.box, scale).values())
    assert all(share > 0.95 for share in side_share(blue, first.box, scale).values())
    assert min(side_share(red, first.box, scale).values()) < 0.05


@pytest.mark.parametrize(
    ("table", "index_code", "year", "seed", "values"),
    [
        (1, "PAPI", 2021, "papi.csv", 8 * 9),  # eight dimensions and the total
        (2, "PCI", 2016, "pci.csv", 8 * 11),  # ten components and the index
    ],
)
def test_a_page_with_two_tables_imports_the_chosen_one(con, table, index_code, year, seed, values):
    release_id, prepared = import_file(
        con, PRINTED / "two_tables.pdf", index_code, year, SOURCE, partial=True, table=table
    )
    got = stored(con, release_id)
    assert got["province_code"].nunique() == 8 and got["value"].notna().sum() == values
    want = seed_values(seed, year)
    both = got.merge(want, on=["province_code", "indicator"], how="left")
    assert both["printed"].notna().all(), both[both["printed"].isna()]
    assert (both["value"].round(2) == both["printed"]).all()
    assert prepared.raw.printed.table == table


@pytest.mark.slow  # runs the command line as a process
def test_the_command_line_takes_the_table_asked_for(db_file):
    from cli.test_releases import run

    pdf = str(PRINTED / "two_tables.pdf")
    args = ("--lang", "en", "import", pdf, "--index", "PCI", "--year", "2016", "--partial")
    first = run(*args, db_file=db_file)  # PAPI's table, the first: no PCI column in it
    assert first.returncode == 1 and "Nothing stored" in first.stderr
    second = run(*args, "--table", "2", db_file=db_file)
    assert second.returncode == 0, second.stderr
    bad = run(*args, "--table", "0", db_file=db_file)
    assert bad.returncode == 1 and "numbered from 1" in bad.stderr
