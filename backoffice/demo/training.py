"""Demo training plan: referents first, then first-line professionals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from models import db
from models.training import Training, TrainingAudience, TrainingSession

from .network import DemoNetwork


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
    for i, (month, day) in enumerate(((2, 6), (3, 6), (4, 3))):
        db.session.add(
            TrainingSession(
                training=basics,
                held_on=date(year, month, day),
                hours=Decimal("6.0"),
                place="Salle du conseil, Chaudfontaine",
                participants=[p for j, p in enumerate(referents) if j % 3 != i % 3 or j < 9],
            )
        )
    others = [p for p in net.members if p not in referents]
    # This year so far: a refresher for the referents, the first-line course again.
    today = date.today()
    for month, day, hours, training, people, external in (
        (3, 12, "6.0", basics, referents[:12], 0),
        (6, 4, "3.5", first_line, others[:6], 12),
        (10, 8, "3.5", first_line, others[2:9], 9),
    ):
        if date(year + 1, month, day) < today:
            db.session.add(
                TrainingSession(
                    training=training,
                    held_on=date(year + 1, month, day),
                    hours=Decimal(hours),
                    place="Salle du conseil, Chaudfontaine",
                    participants=people,
                    external_participants=external,
                )
            )
    for month, day, external in ((9, 18, 14), (11, 13, 11)):
        db.session.add(
            TrainingSession(
                training=first_line,
                held_on=date(year, month, day),
                hours=Decimal("3.5"),
                place="Centre culturel d'Esneux",
                participants=others[:8],
                external_participants=external,
            )
        )
