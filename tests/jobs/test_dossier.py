"""Dossiers: visibility, escaping, sections, and a PDF that carries the official's name."""

from __future__ import annotations

import io
import json
from datetime import date

import pypdf
import pytest
from test_official import EVIL, J, build_registry

from habeas.exceptions import ConfigError
from habeas.jobs.dossier import Dossier, build_dossier, dossier_html, dossier_json, dossier_pdf

PREPARED = date(2026, 12, 1)


@pytest.fixture
def dossier(sqlite_url: str) -> Dossier:
    return build_dossier(build_registry(sqlite_url), J, prepared=PREPARED)


def test_json_has_identity_conduct_evidence_regimes_and_gaps(dossier: Dossier) -> None:
    data = dossier_json(dossier)
    json.dumps(data)  # plain data only
    assert data["prepared"] == "2026-12-01"
    assert [n["value"] for n in data["identity"]["names"]] == ["Tamar Oakes", "Тамара Оукс"]
    assert data["totals"]["prison_years"] == 19.0
    first = data["conduct"][0]
    assert first["charges"][0]["label"] == "Art. 274 — high treason"
    assert "Tamar Oakes presided over the case" in first["narrative"]
    assert data["evidence"][0]["number"] == 1
    assert data["evidence"][0]["quotes"] == ["Anna Field was sentenced to six years"]
    assert data["evidence"][0]["content_hash"].startswith("sha256:")
    assert len(data["regimes"]) == 4
    assert "Date of birth not known." in data["gaps"]  # birth is internal
    assert "No photograph on record." in data["gaps"]


def test_restricted_never_appears_and_internal_only_when_asked(sqlite_url: str) -> None:
    registry = build_registry(sqlite_url)
    public = dossier_html(build_dossier(registry, J, prepared=PREPARED))
    internal = dossier_html(build_dossier(registry, J, include_internal=True, prepared=PREPARED))
    for text in (public, internal):
        assert "RESTRICTED" not in text.replace("Restricted fields are never included", "")
    assert "INTERNAL-ONLY" not in public and "INTERNAL-HEARING" not in public
    assert "1970" not in public
    assert "INTERNAL-ONLY interview planned" in internal and "INTERNAL-HEARING" in internal
    assert "CONFIDENTIAL" in internal


def test_html_escapes_every_value(dossier: Dossier) -> None:
    html = dossier_html(dossier)
    assert EVIL not in html and "<script>" not in html
    assert "Ben &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Roe" in html
    for heading in ("1. Identity", "2. Conduct", "3. Evidence", "4. Relevant regimes", "5. Ex"):
        assert heading in html


def test_pdf_is_a_pdf_with_the_officials_name(dossier: Dossier) -> None:
    try:
        pdf = dossier_pdf(dossier)
    except ConfigError as exc:  # WeasyPrint or Pango missing on this machine
        pytest.skip(str(exc))
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Tamar Oakes" in text
    assert "Accountability dossier" in text
