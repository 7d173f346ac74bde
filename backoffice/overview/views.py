"""The overview page and its exports (CSV: organisations; XLSX: organisations and referents)."""

from __future__ import annotations

import re
from datetime import date

import tablib
from flask import Response, abort, render_template, request
from flask_babel import format_date, gettext

from .. import audit
from ..labels import APPOINTING_BODIES
from . import bp, sections
from .sections import Section

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PHONE_LIKE = re.compile(r"\+?[\d\s./()-]+")


@bp.get("/")
def index():
    today = date.today()
    return render_template(
        "overview/index.html",
        sections=sections.build(today),
        today=format_date(today, "long"),
        appointing_bodies=APPOINTING_BODIES,
        mailto=sections.mailto,
        tel=sections.tel,
        website=sections.website,
    )


@bp.get("/export/<fmt>")
def export(fmt: str):
    if fmt not in MIMETYPES:
        abort(404)
    today = date.today()
    overview = sections.build(today)
    organisations = organisations_sheet(overview)
    if fmt == "csv":
        # With a byte order mark, spreadsheets open the accents of the names correctly.
        content: str | bytes = organisations.export("csv").encode("utf-8-sig")
        counted = f"{organisations.height} organisations"
    else:
        referents = referents_sheet(overview)
        content = tablib.Databook([organisations, referents]).export("xlsx")
        counted = f"{organisations.height} organisations, {referents.height} referents"
    audit.record_event(
        "export", table_name="organisation", detail=f"{counted} {request.path}"[:300]
    )
    filename = f"stoppvif-network-overview-{today.isoformat()}.{fmt}"
    return Response(
        content,
        mimetype=MIMETYPES[fmt],
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )


def organisations_sheet(overview: list[Section]) -> tablib.Dataset:
    """One row per active organisation, in the page's order."""
    sheet = tablib.Dataset(
        headers=[
            gettext("Municipality"),
            gettext("Kind"),
            gettext("Name"),
            gettext("Short name"),
            gettext("Address"),
            gettext("Phone"),
            gettext("E-mail"),
            gettext("Website"),
        ],
        title=gettext("Organisations"),
    )
    for section in overview:
        town = section.municipality.name if section.municipality else ""
        for group in section.groups:
            for org in group.organisations:
                sheet.append(
                    _cells(
                        town,
                        group.label,
                        org.name,
                        org.short_name,
                        org.address,
                        org.phone,
                        org.email,
                        org.website,
                    )
                )
    return sheet


def referents_sheet(overview: list[Section]) -> tablib.Dataset:
    """One row per referent currently appointed, by municipality."""
    sheet = tablib.Dataset(
        headers=[
            gettext("Municipality"),
            gettext("Name"),
            gettext("Job title"),
            gettext("Organisation"),
            gettext("Appointed by"),
        ],
        title=gettext("Referents"),
    )
    for section in overview:
        for appointment in section.referents:
            person = appointment.person
            sheet.append(
                _cells(
                    section.title,
                    str(person),
                    person.job_title,
                    person.organisation.name if person.organisation else None,
                    str(APPOINTING_BODIES.get(appointment.appointed_by, appointment.appointed_by)),
                )
            )
    return sheet


def _cells(*values: str | None) -> list[str]:
    """Values as text, empty for none, never readable as a formula (phone numbers pass)."""
    cells = []
    for value in values:
        text = value or ""
        if text.startswith(_FORMULA_START) and not _PHONE_LIKE.fullmatch(text):
            text = "'" + text
        cells.append(text)
    return cells
