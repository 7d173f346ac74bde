"""Demo "La cabane": every first Wednesday of the month, children aged 5 to 10."""

from __future__ import annotations

from datetime import date, time

from models import db
from models.children import WEDNESDAY, Workshop, WorkshopSession, first_wednesdays

from .network import DemoNetwork

# Children and parents present at the twelve sessions of the demo year (counts only).
CHILDREN = (6, 7, 5, 8, 6, 9, 4, 5, 7, 8, 6, 7)
PARENTS = (4, 5, 3, 5, 4, 6, 3, 3, 5, 6, 4, 5)


def load(year: int, net: DemoNetwork) -> None:
    workshop = Workshop(
        name="La cabane",
        min_age=5,
        max_age=10,
        week_of_month=1,
        weekday=WEDNESDAY,
        starts_at=time(14),
        ends_at=time(16),
        place="Espace famille, Chaudfontaine",
        municipality=net.municipalities["Chaudfontaine"],
        parents_reception=True,
        starts_on=date(year - 1, 9, 1),
        facilitators=[net.organisations["ssm"], net.organisations["sapv"]],
    )
    db.session.add(workshop)
    held = list(zip(first_wednesdays(year), CHILDREN, PARENTS, strict=True))
    # This year's sessions so far, so that the current year is not empty.
    today = date.today()
    so_far = [d for d in first_wednesdays(year + 1) if d < today]
    held += [(d, CHILDREN[i] - 1, PARENTS[i]) for i, d in enumerate(so_far)]
    db.session.add_all(
        WorkshopSession(
            workshop=workshop, held_on=held_on, children_present=children, parents_present=parents
        )
        for held_on, children, parents in held
    )
