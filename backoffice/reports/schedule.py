"""A workshop's schedule written in the active language."""

from __future__ import annotations

from flask_babel import gettext

from models.children import Workshop


def describe(workshop: Workshop) -> str:
    """Say when the workshop meets: "on the first Wednesday of every month"."""
    return workshop.schedule or gettext("on the first Wednesday of every month")
