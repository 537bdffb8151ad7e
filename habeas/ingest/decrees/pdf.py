"""Text of a PDF decree: its text layer (pypdf), or OCR by Debian's tesseract when asked.

pypdf is pure Python with no native parts, which keeps installs simple; pdfplumber adds
layout analysis a one-column name list does not need. OCR renders each page with
``pdftoppm`` (poppler-utils) and reads it with ``tesseract -l aze+rus+eng``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from habeas.exceptions import ConfigError, InputError
from habeas.ingest.decrees.text import DecreeLine, DecreeText

OCR_LANGUAGES = "aze+rus+eng"
OCR_PACKAGES = "apt-get install tesseract-ocr tesseract-ocr-aze tesseract-ocr-rus poppler-utils"
OCR_TIMEOUT_S = 300


def _page_texts(path: Path) -> list[str]:
    """Return the text layer of each page, or raise InputError for locked or broken files."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - depends on the installation
        raise ConfigError(
            "Reading PDF decrees needs pypdf, which is not installed. Install habeas[decrees]."
        ) from None
    locked = InputError(
        f"Decree PDF is password-protected: {path.name}. Remove the password and re-run."
    )
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:
                raise locked from None
            if not unlocked:
                raise locked
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, OSError) as exc:
        raise InputError(
            f"Decree PDF cannot be read: {path.name} ({exc}). Check the file is a complete PDF."
        ) from None


def _lines(pages: list[str]) -> tuple[DecreeLine, ...]:
    """Number the lines of all pages in one run, remembering each line's page."""
    lines: list[DecreeLine] = []
    for page_number, page in enumerate(pages, start=1):
        for text in page.splitlines():
            lines.append(DecreeLine(len(lines) + 1, text, page_number))
    return tuple(lines)


def _ocr_pages(path: Path) -> list[str]:
    """Render each page to an image and read it with tesseract; raise if the tools are absent."""
    renderer, tesseract = shutil.which("pdftoppm"), shutil.which("tesseract")
    if renderer is None or tesseract is None:
        missing = "tesseract" if tesseract is None else "pdftoppm"
        raise ConfigError(f"OCR needs {missing}, which is not installed. Run: {OCR_PACKAGES}")
    with tempfile.TemporaryDirectory(prefix="habeas-ocr-") as folder:
        prefix = Path(folder) / "page"
        _run([renderer, "-r", "300", "-png", str(path), str(prefix)], path)
        images = sorted(Path(folder).glob("page*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        if not images:
            raise InputError(f"Decree PDF has no pages to read: {path.name}.")
        return [
            _run([tesseract, str(image), "stdout", "-l", OCR_LANGUAGES], path) for image in images
        ]


def _run(command: list[str], path: Path) -> str:
    """Run an OCR tool; turn its failure into one line naming the tool and the file."""
    tool = Path(command[0]).name
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=OCR_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise InputError(f"{tool} took over {OCR_TIMEOUT_S}s on {path.name}.") from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:200]
        if "language" in detail.lower() or "traineddata" in detail.lower():
            raise ConfigError(f"{tool} lacks a language of {OCR_LANGUAGES}. Run: {OCR_PACKAGES}")
        raise InputError(f"{tool} failed on {path.name}: {detail or 'no message'}")
    return done.stdout


def read_pdf(path: Path, *, ocr: bool = False) -> DecreeText:
    """Read a PDF decree's text layer; with ocr=True read the page images with tesseract."""
    pages = _page_texts(path)
    if ocr:
        return DecreeText(path.name, _lines(_ocr_pages(path)), "pdf", None, ocr=True)
    if not any(page.strip() for page in pages):
        raise InputError(f"Decree PDF has no text layer: {path.name}. Re-run with --ocr.")
    return DecreeText(path.name, _lines(pages), "pdf", None)
