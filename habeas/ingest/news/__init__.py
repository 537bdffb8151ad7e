"""News articles: read them (text, HTML, e-mail, feeds), extract persons, events with
modality flags and quotations with speakers. Produces data for proposals; never writes."""

from __future__ import annotations

from habeas.ingest.news.article import Article, read_article_bytes
from habeas.ingest.news.extract import analyse, extract, extract_many
from habeas.ingest.news.found import EventFound, Extraction, PersonFound
from habeas.ingest.news.model import Pipeline, load_pipeline

__all__ = [
    "Article",
    "EventFound",
    "Extraction",
    "PersonFound",
    "Pipeline",
    "analyse",
    "extract",
    "extract_many",
    "load_pipeline",
    "read_article_bytes",
]
