"""The overview page and its exports (CSV: organisations; XLSX: organisations and referents)."""

from __future__ import annotations

from datetime import date

from flask import abort, render_template, request
from flask_babel import format_date, gettext

from models.audit import AuditAction
from models.network import Organisation, Person, ReferentAppointment

from .. import audit, exports
from ..admin.fields import field_labels
from ..admin.network import APPOINTING_BODIES
from . import bp, sections
from .sections import Section


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
    if fmt not in ("csv", "xlsx"):
        abort(404)
    today = date.today()
    overview = sections.build(today)
    organisations = organisations_sheet(overview)
    filename = f"stoppvif-network-overview-{today.isoformat()}.{fmt}"
    if fmt == "csv":
        response = exports.csv_response(filename, organisations.headers, organisations.rows)
        counted = f"{len(organisations.rows)} organisations"
    else:
        referents = referents_sheet(overview)
        response = exports.xlsx_response(filename, [organisations, referents])
        counted = f"{len(organisations.rows)} organisations, {len(referents.rows)} referents"
    audit.record_event(
        AuditAction.EXPORT, table_name="organisation", detail=f"{counted} {request.path}"[:300]
    )
    return response


# The organisation's own fields the sheet copies, after its municipality and kind.
ORGANISATION_FIELDS = ("name", "short_name", "address", "phone", "email", "website")


def organisations_sheet(overview: list[Section]) -> exports.Sheet:
    """One row per active organisation, in the page's order, headed as the screens label it."""
    headed = ("municipality", "kind", *ORGANISATION_FIELDS)
    rows = [
        [
            section.municipality.name if section.municipality else None,
            group.label,
            *(getattr(org, name) for name in ORGANISATION_FIELDS),
        ]
        for section in overview
        for group in section.groups
        for org in group.organisations
    ]
    return exports.Sheet(gettext("Organisations"), field_labels(Organisation, headed), rows)


def referents_sheet(overview: list[Section]) -> exports.Sheet:
    """One row per referent currently appointed, by municipality."""
    headers = [
        gettext("Municipality"),
        gettext("Name"),
        *field_labels(Person, ("job_title", "organisation")),
        *field_labels(ReferentAppointment, ("appointed_by",)),
    ]
    rows = [
        [
            section.title,
            str(appointment.person),
            appointment.person.job_title,
            appointment.person.organisation.name if appointment.person.organisation else None,
            str(APPOINTING_BODIES.get(appointment.appointed_by, appointment.appointed_by)),
        ]
        for section in overview
        for appointment in section.referents
    ]
    return exports.Sheet(gettext("Referents"), headers, rows)
