"""Who may do what: the one place that decides access to every page.

Each page belongs to an area of the network's "who sees what" table. A role either may
edit an area, may only view it, or has no access at all. Everything not granted here is
refused: a page without an area, an area without a rule, a role without an entry. Every
refusal goes through `refuse` (or, when the answer must not tell that anything was
refused, `log_refusal`), so that each one is answered and logged alike.
"""

from __future__ import annotations

from datetime import date

from flask import abort, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import false

from models.accounts import Role
from models.audit import AuditAction

from . import audit
from .dashboard.period import Period

VIEW, EDIT = "view", "edit"

_EVERYONE_EDITS_BUT_PARTNERS = {
    Role.ADMINISTRATOR: EDIT,
    Role.SECRETARIAT: EDIT,
    Role.COORDINATOR: EDIT,
    Role.PARTNER: VIEW,
}

RULES: dict[str, dict[str, str]] = {
    "home": {role: VIEW for role in Role},
    # Partners get a reduced dashboard: see `sees_full_dashboard` and `housing_period`.
    "dashboard": {role: VIEW for role in Role},
    # The coordinator publishes the yearly report to the funders.
    "report": {Role.ADMINISTRATOR: VIEW, Role.SECRETARIAT: VIEW, Role.COORDINATOR: EDIT},
    "overview": {role: VIEW for role in Role},
    "own_account": {role: EDIT for role in Role},
    "network": _EVERYONE_EDITS_BUT_PARTNERS,
    "agreements": _EVERYONE_EDITS_BUT_PARTNERS,  # partners: their organisation's rows only
    "children": _EVERYONE_EDITS_BUT_PARTNERS,
    "training": _EVERYONE_EDITS_BUT_PARTNERS,
    "awareness": _EVERYONE_EDITS_BUT_PARTNERS,
    "protocols": _EVERYONE_EDITS_BUT_PARTNERS,
    # People hiding from violence: never partners, read-only for the coordinator.
    "housing": {Role.ADMINISTRATOR: EDIT, Role.SECRETARIAT: EDIT, Role.COORDINATOR: VIEW},
    "accounts": {Role.ADMINISTRATOR: EDIT},
    "audit": {Role.ADMINISTRATOR: VIEW, Role.COORDINATOR: VIEW},
}


# Pages outside the admin screens, by endpoint. Admin screens carry their own area.
# The language can be chosen on the login page already; the health check tells only
# whether the server and its database answer.
PUBLIC_ENDPOINTS = frozenset(
    {"auth.login", "language.choose", "static", "admin.static", "health.healthz"}
)
ROUTE_AREAS = {
    "root": "home",
    "auth.logout": "own_account",
    "auth.change_password": "own_account",
    "overview.index": "overview",
    "overview.export": "overview",
}


def role() -> str | None:
    """Return the current user's role, or None for anonymous visitors."""
    return current_user.role if current_user.is_authenticated else None


def allowed(area: str | None, action: str) -> bool:
    """Tell whether the current user may `action` ("view" or "edit") in `area`."""
    level = RULES.get(area or "", {}).get(role())
    if level is None:
        return False
    return action == VIEW or level == EDIT


def log_refusal(reason: str = "", **record) -> None:
    """Write the refusal of the current request into the audit log.

    `reason` prefixes the request in the entry ("CSRF"); `record` names the record asked
    for (`table_name`, `record_id`).
    """
    detail = " ".join(filter(None, (reason, request.method, request.path)))
    audit.record_event(AuditAction.DENIED, detail=detail[:300], **record)


def refuse():
    """Refuse the current request: an anonymous visitor is sent to log in (and back here
    afterwards); anyone else gets 403, and the refusal is logged."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    log_refusal()
    abort(403)


def sees_full_dashboard() -> bool:
    """Partners read aggregate, non-sensitive figures only (network, training, awareness,
    workshops held, the yearly housing occupancy); every other role reads all of them."""
    return role() is not None and role() != Role.PARTNER


def sees_small_victim_counts() -> bool:
    """Whether counts below 5 about victims may be shown for periods shorter than a year."""
    return role() in (Role.SECRETARIAT, Role.COORDINATOR)


def housing_period(period: Period, today: date) -> Period | None:
    """Return the period whose housing figures the current user may read, or None.

    Partners learn about housing only what the yearly report states: the whole network,
    all units together, over a calendar year that has ended. Whatever they ask for (a
    quarter, dates, a municipality, any other filter), they get the figures of the year
    the period starts in, or none while that year is not over: two answers never differ
    by what a few nights would tell about who arrived or left, and where.
    """
    if role() is None:
        return None
    if role() != Role.PARTNER:
        return period
    year = period.start.year
    return Period.year(year) if year < today.year else None


# Columns a partner never reads, by table, in lists, details, exports, sorts and searches:
# the children and parents present at one session describe victims over a single day, and
# notes are free text.
HIDDEN_FROM_PARTNERS = {
    "workshop_session": frozenset({"children_present", "parents_present", "notes"}),
}


def hidden_columns(table_name: str) -> frozenset[str]:
    """Return the columns of `table_name` the current user may not read."""
    if role() == Role.PARTNER:
        return HIDDEN_FROM_PARTNERS.get(table_name, frozenset())
    return frozenset()


def row_filter(area: str | None, model):
    """Return the condition limiting which rows of `model` the current user may see, or None."""
    if area == "agreements" and role() == Role.PARTNER:
        organisation_id = current_user.organisation_id
        return model.organisation_id == organisation_id if organisation_id else false()
    return None
