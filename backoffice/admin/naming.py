"""Messages that name the record: "Organisation « CPAS d'Aywaille » créée.", and what a
record's deletion would meet (the records that refer to it), asked by the delete dialog.

French agrees the participle with the kind's gender, so each message has a masculine and a
feminine form (message contexts); the other languages translate both alike.
"""

from __future__ import annotations

from flask import abort, g, jsonify, request, session
from flask_babel import lazy_gettext as _
from flask_babel import pgettext

from models import db
from models.base import dependents

from .. import parameters
from .fields import record_name

# Table → (the kind of record, singular, as a message starts with it; its French gender).
KINDS = {
    "user_account": (_("Account"), "masculine"),
    "agreement": (_("Agreement"), "feminine"),
    "housing_unit": (_("Housing unit"), "masculine"),
    "housing_stay": (_("Stay"), "masculine"),
    "intervention_protocol": (_("Protocol"), "masculine"),
    "municipality": (_("Municipality"), "feminine"),
    "organisation": (_("Organisation"), "feminine"),
    "person": (_("Person"), "feminine"),
    "referent_appointment": (_("Referent appointment"), "feminine"),
    "platform_membership": (_("Platform membership"), "masculine"),
    "platform_meeting": (_("Platform meeting"), "feminine"),
    "awareness_action": (_("Awareness action"), "feminine"),
    "communication_material": (_("Communication material"), "masculine"),
    "workshop": (_("Workshop"), "masculine"),
    "workshop_session": (_("Workshop session"), "feminine"),
    "training": (_("Training"), "feminine"),
    "training_session": (_("Training session"), "feminine"),
}


def _message(what: str, gender: str, kind: str, record: str) -> str:
    # Each message written out whole, so that the catalogue extraction finds it.
    if what == "created":
        if gender == "feminine":
            return pgettext("feminine", "%(kind)s “%(record)s” created.", kind=kind, record=record)
        return pgettext("masculine", "%(kind)s “%(record)s” created.", kind=kind, record=record)
    if what == "saved":
        if gender == "feminine":
            return pgettext("feminine", "%(kind)s “%(record)s” changed.", kind=kind, record=record)
        return pgettext("masculine", "%(kind)s “%(record)s” changed.", kind=kind, record=record)
    if gender == "feminine":
        return pgettext("feminine", "%(kind)s “%(record)s” deleted.", kind=kind, record=record)
    return pgettext("masculine", "%(kind)s “%(record)s” deleted.", kind=kind, record=record)


def remember(model, what: str) -> None:
    """Note what happened to `model` ("created", "saved", "deleted") for this request's message."""
    kind, gender = KINDS.get(model.__tablename__, (None, "masculine"))
    if kind is not None:
        g.named_message = _message(what, gender, str(kind), str(model))


def named(response):
    """Put the record's name into the success message Flask-Admin flashed in this request."""
    message = g.pop("named_message", None)
    flashes = session.get("_flashes")
    if message and flashes:
        session["_flashes"] = [
            (category, message if category == "success" else text) for category, text in flashes
        ]
    return response


def dependents_answer(view):
    """The record `?id=` and the records referring to it (the guard lets only those who may
    delete it ask)."""
    record_id = parameters.whole_number(request.args.get("id"))
    model = None if record_id is None else view.get_one(record_id)
    if model is None:
        abort(404)
    blocking = dependents(db.session, model)
    return jsonify(
        record=str(model),
        dependents=[f"{count} × {record_name(table)}" for table, count in blocking.items()],
    )
