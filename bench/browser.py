"""Serve a Streamlit script and time its pages in Chromium until every chart is drawn."""

import ast
import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1920, "height": 1080}
TIMEOUT_MS = 120_000

# Drawn: the script has run and is not running (the app's data-test-script-state, "initial"
# before the first run: the running indicator alone shows only after a delay), the page holds
# elements and at least the plotly charts it holds once settled, and every chart is laid out at
# its frame's width (as tests/views/test_browser.py waits).
DRAWN = """([plots, elements]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main || main.querySelectorAll('[data-testid="stElementContainer"]').length < elements)
        return false;
    if (main.querySelector('[data-testid="stSkeleton"]')) return false;
    const found = [...main.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return found.length >= plots && found.every(plot => {
        const svg = plot.querySelector('.main-svg');
        return svg && Math.abs(svg.getBoundingClientRect().width
                               - plot.getBoundingClientRect().width) < 2;
    });
}"""
COUNTS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    // A chart's frame comes before plotly (loaded lazily) draws into it: count the frames.
    const plots = main ? [...main.querySelectorAll('[data-testid="stPlotlyChart"]')] : [];
    const laidOut = !main?.querySelector('[data-testid="stSkeleton"]') && plots.every(plot => {
        const svg = plot.querySelector('.main-svg');
        return svg && Math.abs(svg.getBoundingClientRect().width
                               - plot.getBoundingClientRect().width) < 2;
    });
    return [plots.length,
            main ? main.querySelectorAll('[data-testid="stElementContainer"]').length : 0,
            !!document.querySelector('[data-testid="stStatusWidget"]') || !laidOut
                || document.querySelector('[data-testid="stApp"]')
                           ?.getAttribute('data-test-script-state') !== 'notRunning',
            !!document.querySelector('[data-testid="stException"]')];
}"""


def app_pages(entry: Path = ROOT / "dashboard.py") -> list[tuple[str, str]]:
    """(name, url path) of every st.Page in the entry script's navigation, in its order."""
    pages = []
    for node in ast.walk(ast.parse(entry.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page" and node.args:
            script = node.args[0]
            if isinstance(script, ast.Constant) and isinstance(script.value, str):
                name = Path(script.value).stem
                default = any(
                    k.arg == "default" and getattr(k.value, "value", False) for k in node.keywords
                )
                pages.append((name, "" if default else name))
    return pages


class Server:
    """`streamlit run SCRIPT` on 127.0.0.1:PORT as the README starts it, stopped by its PID."""

    def __init__(self, script: Path, port: int, env: dict[str, str]) -> None:
        command = [sys.executable, "-m", "streamlit", "run", str(script)]
        command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
        command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/_stcore/health", timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"{script.name} did not start on port {port}") from None
                time.sleep(0.2)

    def rss_mb(self) -> float:
        """Resident memory of the server and its children, in MB."""
        try:
            root = psutil.Process(self.process.pid)
            family = [root, *root.children(recursive=True)]
            return sum(p.memory_info().rss for p in family) / 2**20
        except psutil.NoSuchProcess:
            return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class PeakMemory:
    """The server's peak RSS, sampled every 100 ms in a thread while the block runs."""

    def __init__(self, server: Server) -> None:
        self.server, self.peak_mb, self._done = server, 0.0, threading.Event()

    def _sample(self) -> None:
        while not self._done.wait(0.1):
            self.peak_mb = max(self.peak_mb, self.server.rss_mb())

    def __enter__(self) -> "PeakMemory":
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


@dataclass
class Shape:
    """What a settled page holds (plotly charts, element containers), and how long it took
    from navigation to reach that state (to the nearest 50 ms poll)."""

    plots: int
    elements: int
    error: bool
    first_ms: float


@dataclass
class Timings:
    """Times to a drawn page in ms, and the loads that failed (timeout or exception shown)."""

    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def p95(self) -> float:
        return statistics.quantiles(self.ms, n=20, method="inclusive")[-1] if self.ms else 0.0


async def settle(page, url: str) -> Shape:
    """Open url and wait until it stops changing: 2 s with nothing running, all charts laid out
    and the same counts. The time to the start of that calm is the page's first view."""
    start = time.perf_counter()
    await page.goto(url, timeout=TIMEOUT_MS)
    last, calm_since = None, None
    while time.perf_counter() - start < TIMEOUT_MS / 1000:
        plots, elements, busy, error = await page.evaluate(COUNTS)
        now = time.perf_counter()
        if busy or (plots, elements) != last:
            last, calm_since = (plots, elements), None if busy else now
        elif calm_since is None:
            calm_since = now
        elif now - calm_since > 2:
            return Shape(plots, elements, error, (calm_since - start) * 1000)
        await asyncio.sleep(0.05)
    raise TimeoutError(f"{url} never settled")


async def drawn_ms(context, url: str, shape: Shape) -> float:
    """Milliseconds from navigation in a new tab (a new session) until the page is drawn."""
    page = await context.new_page()
    try:
        start = time.perf_counter()
        await page.goto(url, timeout=TIMEOUT_MS)
        # Elements only need to be there: their count varies while the page runs (spinners).
        await page.wait_for_function(DRAWN, arg=[shape.plots, 1], timeout=TIMEOUT_MS, polling=50)
        elapsed = (time.perf_counter() - start) * 1000
        if await page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"{url} shows an exception")
        return elapsed
    finally:
        await page.close()
