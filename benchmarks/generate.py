"""A fictional network `scale` times the demo's size with `years` years of activity."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert

from models import network
from models.agreements import Agreement
from models.awareness import AwarenessAction, CommunicationMaterial
from models.children import Workshop, WorkshopSession, first_wednesdays
from models.housing import HousingStay, HousingUnit
from models.training import Training, TrainingSession, training_participant


def generate(session, scale: int = 20, years: int = 10, seed: int = 7) -> int:
    """Fill an empty database; return the last full year generated."""
    rng = random.Random(seed)
    last_year = date.today().year - 1
    first_year = last_year - years + 1
    start = date(first_year, 1, 1)
    towns = [
        network.Municipality(name=f"Commune {i:03d}", postal_code=f"{4000 + i}")
        for i in range(5 * scale)
    ]
    session.add_all(towns)
    orgs = [
        network.Organisation(
            name=f"Organisation {i:04d}",
            kind=rng.choice(
                ["cpas", "association", "school", "mental_health", "municipal_social_service"]
            ),
            municipality=rng.choice(towns + [None]),
            joined_on=start,
        )
        for i in range(25 * scale)
    ]
    session.add_all(orgs)
    persons = [
        network.Person(first_name="Prénom", last_name=f"Nom {i:05d}", organisation=rng.choice(orgs))
        for i in range(37 * scale)
    ]
    session.add_all(persons)
    for i, person in enumerate(persons[: 17 * scale]):
        session.add(
            network.ReferentAppointment(
                person=person,
                municipality=towns[i % len(towns)],
                appointed_by="municipal_college" if i % 2 else "social_action_council",
                starts_on=start + timedelta(days=rng.randrange(365 * years)),
            )
        )
    for person in persons[: 32 * scale]:
        session.add(network.PlatformMembership(person=person, starts_on=start))
    units = [
        HousingUnit(
            label=f"Logement {i:03d}",
            provider=rng.choice(orgs),
            municipality=rng.choice(towns),
            capacity=4,
            available_from=start,
        )
        for i in range(scale)
    ]
    session.add_all(units)
    workshops = [
        Workshop(
            name=f"Atelier {i:03d}",
            municipality=rng.choice(towns),
            parents_reception=True,
            starts_on=start,
        )
        for i in range(scale)
    ]
    session.add_all(workshops)
    trainings = [
        Training(title=f"Formation {i:03d}", audience="referents", trainer=rng.choice(orgs))
        for i in range(2 * scale)
    ]
    session.add_all(trainings)
    materials = [
        CommunicationMaterial(
            title=f"Support {i:04d}",
            kind="flyer",
            languages=["fr"],
            quantity=1000,
            issued_on=start + timedelta(days=rng.randrange(365 * years)),
        )
        for i in range(4 * scale)
    ]
    session.add_all(materials)
    for org in orgs[: 3 * scale]:
        session.add(
            Agreement(
                organisation=org,
                kind="partnership",
                title=f"Convention {org.name}",
                valid_from=start + timedelta(days=rng.randrange(365 * years)),
            )
        )
    session.flush()

    meetings, attendance, sessions, participation = [], [], [], []
    # A unit houses one household at a time: a stay running into the new year pushes the
    # next entry back (the database refuses overlapping stays).
    free_from = {unit: start for unit in units}
    for year in range(first_year, last_year + 1):
        for unit in units:
            day = max(date(year, 1, 1) + timedelta(days=rng.randrange(20)), free_from[unit])
            while day.year == year:
                length = rng.randrange(20, 120)
                session.add(
                    HousingStay(
                        unit=unit,
                        entry_date=day,
                        exit_date=day + timedelta(days=length),
                        adults=1,
                        children=rng.randrange(3),
                        destination="social_housing",
                    )
                )
                free_from[unit] = day + timedelta(days=length)
                day += timedelta(days=length + rng.randrange(5, 40))
        for workshop in workshops:
            for held_on in first_wednesdays(year):
                session.add(
                    WorkshopSession(
                        workshop=workshop,
                        held_on=held_on,
                        children_present=rng.randrange(3, 10),
                        parents_present=rng.randrange(2, 7),
                    )
                )
        for i in range(4 * scale):
            held_on = date(year, 1 + (i % 4) * 3, 10 + i % 15)
            meetings.append(network.PlatformMeeting(held_on=held_on, place="Salle"))
        for i in range(5 * scale):
            sessions.append(
                TrainingSession(
                    training=trainings[i % len(trainings)],
                    held_on=date(year, 1 + i % 12, 1 + i % 27),
                    hours=Decimal("3.5"),
                    external_participants=rng.randrange(10),
                )
            )
        for i in range(7 * scale):
            session.add(
                AwarenessAction(
                    title=f"Action {year}-{i}",
                    municipality=rng.choice(towns),
                    occasion="local_event",
                    held_on=date(year, 1 + i % 12, 1 + i % 27),
                    public_reached=rng.randrange(50, 500),
                )
            )
    session.add_all(meetings + sessions)
    session.flush()
    for meeting in meetings:
        attendance += [
            {"meeting_id": meeting.id, "person_id": p.id} for p in rng.sample(persons, 25)
        ]
    for training_session in sessions:
        participation += [
            {"session_id": training_session.id, "person_id": p.id} for p in rng.sample(persons, 10)
        ]
    session.execute(insert(network.meeting_attendee), attendance)
    session.execute(insert(training_participant), participation)
    session.commit()
    return last_year
