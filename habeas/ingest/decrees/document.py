"""Text of a Word (.docx) decree: paragraphs and table cells in reading order."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from habeas.exceptions import ConfigError, InputError
from habeas.ingest.decrees.text import DecreeLine, DecreeText


def _paragraph_texts(document: Any) -> Iterator[str]:
    """Yield the text of each body paragraph and each table cell paragraph, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                yield " ".join(cell.text for cell in row.cells)


def read_docx(path: Path) -> DecreeText:
    """Read a .docx decree; each paragraph (or table row) line is numbered from 1."""
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the installation
        raise ConfigError(
            "Reading .docx decrees needs python-docx, which is not installed. "
            "Install habeas[decrees]."
        ) from None
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"not a readable .docx file ({type(exc).__name__}). Save it again from Word and "
            "re-run.",
            file=path.name,
        ) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and others
        raise InputError(
            f"not a readable .docx file ({exc}). Save it again from Word and re-run.",
            file=path.name,
        ) from None
    lines: list[DecreeLine] = []
    for text in _paragraph_texts(document):
        for piece in text.splitlines() or [""]:
            lines.append(DecreeLine(len(lines) + 1, piece))
    return DecreeText(path.name, tuple(lines), "docx", None)
