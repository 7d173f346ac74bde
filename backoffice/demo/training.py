"""Demo training plan: referents first, then first-line professionals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from models import db
from models.training import Training, TrainingAudience, TrainingSession

from .network import DemoNetwork

COUNCIL_ROOM = "Salle du conseil, Chaudfontaine"
ESNEUX_CENTRE = "Centre culturel d'Esneux"


def _attending(referents: list, session: int) -> list:
    """The first nine referents come to every session of three, the others to two of them."""
    return [p for j, p in enumerate(referents) if j % 3 != session or j < 9]


def load(year: int, net: DemoNetwork) -> None:
    pole = net.organisations["pole"]
    basics = Training(
        title="Formation de base des référents VIF",
        audience=TrainingAudience.REFERENTS,
        trainer=pole,
        description="Mécanismes de l'emprise, repérage, cadre légal, orientation des victimes.",
    )
    first_line = Training(
        title="Repérer et orienter : violences intrafamiliales pour la première ligne",
        audience=TrainingAudience.FIRST_LINE,
        trainer=pole,
    )
    db.session.add_all([basics, first_line])
    referents = net.referents
    others = [p for p in net.members if p not in referents]
    # (training, held on, hours, place, participants, external participants)
    sessions = [
        (basics, date(year, month, day), "6.0", COUNCIL_ROOM, _attending(referents, i), 0)
        for i, (month, day) in enumerate(((2, 6), (3, 6), (4, 3)))
    ]
    sessions += [
        (first_line, date(year, month, day), "3.5", ESNEUX_CENTRE, others[:8], external)
        for month, day, external in ((9, 18, 14), (11, 13, 11))
    ]
    # This year so far: a refresher for the referents, the first-line course again.
    this_year = [
        (basics, date(year + 1, 3, 12), "6.0", COUNCIL_ROOM, referents[:12], 0),
        (first_line, date(year + 1, 6, 4), "3.5", COUNCIL_ROOM, others[:6], 12),
        (first_line, date(year + 1, 10, 8), "3.5", COUNCIL_ROOM, others[2:9], 9),
    ]
    sessions += [session for session in this_year if session[1] < date.today()]
    db.session.add_all(
        TrainingSession(
            training=training,
            held_on=held_on,
            hours=Decimal(hours),
            place=place,
            participants=participants,
            external_participants=external,
        )
        for training, held_on, hours, place, participants, external in sessions
    )
