"""Shared screening test data: the fictional sanctions file and the officials screened."""

from __future__ import annotations

from pathlib import Path

from habeas.jobs.screen import ScreenName

SANCTIONS = Path(__file__).parent / "data" / "ftm" / "sanctions.ftm.json"
OFFICIALS = [
    ScreenName("o1", "Elshad Bagirzade", 1968, "Azerbaijan"),
    ScreenName("o2", "Rovshan Talibov", 1972, "az"),
    ScreenName("o3", "Nigar Sultanova", 1980, "az"),
    ScreenName("o4", "Farid Mammadov", 1975, "az"),
    ScreenName("o5", "Tahir Qurbanli", 1979, "az"),
]
"""Two are on the file (o1 in Latin, o2 in Cyrillic); o3 and o4 have namesakes of other years."""
