"""Reading decree files: encodings, HTML, DOCX, PDF text layers, OCR and broken files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from html import escape
from pathlib import Path

import pytest
from factory import DATA

from habeas.exceptions import ConfigError, InputError
from habeas.ingest.decrees import detect_encoding, read_decree_text
from habeas.ingest.decrees.entry import parse_decree
from habeas.ingest.decrees.pdf import OCR_PACKAGES

DECREES = DATA / "decrees"


def minimal_pdf(lines: list[str] | None) -> bytes:
    """Return a one-page PDF; with lines, a Helvetica text layer; with None, no text at all."""
    if lines is None:
        content = b""
    else:
        shown = b" T* ".join(b"(" + line.encode("latin-1") + b") Tj" for line in lines)
        content = b"BT /F1 12 Tf 14 TL 72 720 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_utf8_decree_keeps_original_line_numbers() -> None:
    text = read_decree_text(DECREES / "az-two-sections.txt")
    assert text.encoding == "utf-8"
    assert text.lines[8].number == 9
    assert text.lines[8].text.startswith("1. Qarayev Tural")


def test_utf16_with_bom_is_detected() -> None:
    text = read_decree_text(DECREES / "az-utf16.txt")
    assert text.encoding == "utf-16"
    assert text.lines[2].text == "1. Əsgərov Vüqar Nazim oğlu, 1979-cu il təvəllüdlü"


def test_windows_1251_russian_is_detected() -> None:
    text = read_decree_text(DECREES / "ru-cp1251.txt")
    assert text.encoding == "cp1251"
    assert "Воронцов Глеб Аркадьевич" in text.text


def test_windows_1254_azerbaijani_is_told_from_1251() -> None:
    line = "1. Qarayev Tural Vaqif oğlu, 1975-ci il tävällüdlü; Şahin qızı Gülnar"
    data = line.encode("cp1254")
    assert detect_encoding(data) == "cp1254"
    assert detect_encoding("Иванов Иван Иванович, 1980 года рождения".encode("cp1251")) == "cp1251"


def test_utf8_bom_and_bomless_utf16(tmp_path: Path) -> None:
    body = "1. Əliyev Elçin Məmməd oğlu, 1975-ci il təvəllüdlü\n"
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + body.encode())
    assert read_decree_text(bom).lines[0].text.startswith("1. Əliyev")
    bare = tmp_path / "utf16le.txt"
    bare.write_bytes(body.encode("utf-16-le"))
    assert read_decree_text(bare).encoding == "utf-16-le"


def test_broken_utf16_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "1. Əliyev".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(InputError) as caught:
        read_decree_text(path)
    assert str(caught.value).startswith("broken.txt: not valid utf-16 at byte")
    assert "\n" not in str(caught.value)


def test_undecodable_bytes_are_named(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\x98\x81\x8d abc")
    with pytest.raises(InputError, match="odd.txt: cannot tell the text encoding"):
        read_decree_text(path)


def test_html_text_skips_scripts_and_keeps_source_lines() -> None:
    text = read_decree_text(DECREES / "en-translation.html")
    assert text.format == "html"
    by_text = {line.text: line.number for line in text.lines}
    assert by_text["Tural Garayev (born 1975)"] == 13
    assert not any("Hidden" in line.text for line in text.lines)


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("1. Aşağıda adları qeyd olunan şəxslər cəzalarının çəkilməmiş")
    document.add_paragraph("1. Qarayev Tural Vaqif oğlu, 1975-ci il təvəllüdlü")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "2."
    table.rows[0].cells[1].text = "Nəsibova Lamiyə Rauf qızı, 1984-cü il təvəllüdlü"
    path = tmp_path / "decree.docx"
    document.save(str(path))
    text = read_decree_text(path)
    assert text.format == "docx"
    assert [line.text for line in text.lines][1:] == [
        "1. Qarayev Tural Vaqif oğlu, 1975-ci il təvəllüdlü",
        "2. Nəsibova Lamiyə Rauf qızı, 1984-cü il təvəllüdlü",
    ]


def test_corrupt_docx_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "decree.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"^decree.docx: not a readable .docx file"):
        read_decree_text(path)


def test_pdf_text_layer_is_read_with_pages(tmp_path: Path) -> None:
    path = tmp_path / "decree.pdf"
    path.write_bytes(
        minimal_pdf(["1. Tural Garayev (born 1975)", "2. Lamiya Nasibova (born 1984)"])
    )
    text = read_decree_text(path)
    assert [line.text for line in text.lines] == [
        "1. Tural Garayev (born 1975)",
        "2. Lamiya Nasibova (born 1984)",
    ]
    assert text.lines[1].page == 1


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "2015-12-28.pdf"
    path.write_bytes(minimal_pdf(None))
    with pytest.raises(InputError) as caught:
        read_decree_text(path)
    assert str(caught.value) == "Decree PDF has no text layer: 2015-12-28.pdf. Re-run with --ocr."


def test_ocr_without_tesseract_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf(None))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ConfigError, match="apt-get install tesseract-ocr tesseract-ocr-aze"):
        read_decree_text(path, ocr=True)


def _tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_ocr_runs_pdftoppm_then_tesseract_per_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    _tool(tools, "pdftoppm", 'for n in 1 2; do echo img > "$5-$n.png"; done\n')
    _tool(tools, "tesseract", 'echo "1. Qarayev Tural Vaqif oğlu, 1975-ci il təvəllüdlü ($1) $4"\n')
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}/usr/bin:/bin")
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf(None))
    text = read_decree_text(path, ocr=True)
    assert text.ocr
    assert [line.page for line in text.lines] == [1, 2]
    assert text.lines[1].text.endswith("page-2.png) aze+rus+eng")


def _scanned(text: str, folder: Path) -> Path:
    """Return a PDF of page images only, as a scanner makes: the text typeset by WeasyPrint,
    each page rendered to a grey image by pdftoppm and the images put in a PDF by Pillow."""
    from PIL import Image
    from weasyprint import HTML

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    typeset = folder / "typeset.pdf"
    HTML(string=f"<body style='font: 12pt DejaVu Serif'>{body}</body>").write_pdf(typeset)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", "-png", str(typeset), str(folder / "page")], check=True
    )
    pages = [Image.open(page) for page in sorted(folder.glob("page*.png"))]
    scan = folder / "scan.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=200)
    return scan


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "encoding", "first"),
    [
        (DATA / "registry" / "decree-2015-12-28.txt", "utf-8", "Qasımov Anar Elman oğlu"),
        (DECREES / "ru-cp1251.txt", "cp1251", "Воронцов Глеб Аркадьевич"),
    ],
)
def test_a_scanned_decree_is_read_by_tesseract(
    path: Path, encoding: str, first: str, tmp_path: Path
) -> None:
    for tool in ("tesseract", "pdftoppm"):  # fails, never skips: .ci/run installs them
        assert shutil.which(tool), f"{tool} is missing: apt-get install {OCR_PACKAGES}"
    typed = path.read_text(encoding=encoding)
    scan = _scanned(typed, tmp_path)
    with pytest.raises(InputError, match="no text layer"):
        read_decree_text(scan)
    read = read_decree_text(scan, ocr=True)
    assert read.ocr
    expected = parse_decree(typed).entries
    found = parse_decree(read).entries
    assert [(e.name, e.birth_year, e.measure) for e in found] == [
        (e.name, e.birth_year, e.measure) for e in expected
    ]
    assert found[0].name == first  # ı, ə, ğ and Cyrillic survive the scan


def test_corrupt_pdf_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage without objects")
    with pytest.raises(InputError) as caught:
        read_decree_text(path)
    message = str(caught.value)
    assert message.startswith("Decree PDF cannot be read: bad.pdf")
    assert "\n" not in message


def test_password_protected_pdf_is_one_line(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    plain.write_bytes(minimal_pdf(["1. Tural Garayev (born 1975)"]))
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(InputError, match=r"^Decree PDF is password-protected: locked.pdf\."):
        read_decree_text(locked)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the decree file"):
        read_decree_text(tmp_path / "nope.txt")
