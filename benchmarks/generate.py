"""A fictional network of a chosen size with `years` years of activity, valid as the database asks.

    .venv/bin/python benchmarks/generate.py --stays 100000 --organisations 2000 --units 200 \\
        --sessions 10000 --years 10          # into DATABASE_URL (migrated first)

Every table is filled with Core bulk inserts (no ORM objects): 100,000 stays load in seconds.
The data respects every rule of the database and of the forms: each unit's stays follow one
another inside its availability (a household may enter the day the previous one leaves), only a
unit's last stay may still be going on, and every exit date lies in the past.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.agreements import Agreement  # noqa: E402
from models.awareness import (  # noqa: E402
    AwarenessAction,
    CommunicationMaterial,
    MaterialLanguage,
)
from models.children import Workshop, WorkshopSession, first_wednesdays  # noqa: E402
from models.housing import (  # noqa: E402
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_PREFIX,
    HousingStay,
    HousingUnit,  # noqa: E402
)
from models.network import (  # noqa: E402
    Municipality,
    Organisation,
    Person,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
    meeting_attendee,
)
from models.training import Training, TrainingSession, training_participant  # noqa: E402

KINDS = ["cpas", "association", "school", "mental_health", "municipal_social_service"]
DESTINATIONS = ["own_housing", "family_or_friends", "other_shelter", "social_housing", "unknown"]
BATCH = 10_000


@dataclass(frozen=True)
class Sizes:
    """How many records of each kind; the smaller tables follow the organisations."""

    stays: int = 2_000
    organisations: int = 500
    units: int = 20
    sessions: int = 2_400
    years: int = 10

    @classmethod
    def scaled(cls, scale: int, years: int = 10) -> Sizes:
        """`scale` times the demo network: its units, organisations and sessions."""
        return cls(
            stays=10 * scale * years,
            organisations=25 * scale,
            units=scale,
            sessions=12 * scale * years,
            years=years,
        )

    @property
    def municipalities(self) -> int:
        return max(5, self.organisations // 20)


def bulk(session, model_or_table, rows: list[dict]) -> None:
    """Insert rows in batches, every record at version 1."""
    versioned = hasattr(model_or_table, "version")
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        if versioned:
            batch = [{"version": 1, **row} for row in batch]
        session.execute(insert(model_or_table), batch)


def ids(session, model) -> list[int]:
    return list(session.scalars(select(model.id).order_by(model.id)))


def household_codes(rng: random.Random, count: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(CODE_PREFIX + "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH)))
    return sorted(codes, key=lambda _: rng.random())


def unit_stays(
    rng: random.Random, start: date, today: date, count: int
) -> list[tuple[date, date | None]]:
    """`count` stays one after another from `start` to today; the last may go on."""
    days = (today - start).days - 30  # room for rounding: every stay ends before today
    busy = int(days * rng.uniform(0.55, 0.9))
    lengths = [rng.uniform(0.3, 1.7) for _ in range(count)]
    gaps = [rng.uniform(0, 1) for _ in range(count)]
    length_scale, gap_scale = busy / sum(lengths), (days - busy) / sum(gaps)
    stays, position, day = [], 0.0, start  # position: days since start, not rounded
    for length, gap in zip(lengths, gaps, strict=True):
        position += gap * gap_scale
        entry = max(day, start + timedelta(days=round(position)))
        position += length * length_scale
        day = max(entry + timedelta(days=1), start + timedelta(days=round(position)))
        if day >= today:
            break
        stays.append((entry, day))
    if stays and rng.random() < 0.5:
        stays[-1] = (stays[-1][0], None)  # the last household is still housed today
    return stays


def generate(session, sizes: Sizes | None = None, seed: int = 7) -> int:
    """Fill an empty database; return the last full year generated."""
    sizes = sizes or Sizes()
    rng = random.Random(seed)
    today = date.today()
    last_year = today.year - 1
    first_year = last_year - sizes.years + 1
    start = date(first_year, 1, 1)

    def some_day() -> date:
        return start + timedelta(days=rng.randrange((date(last_year, 12, 31) - start).days))

    bulk(
        session,
        Municipality,
        [
            {"name": f"Commune {i:04d}", "postal_code": f"{4000 + i % 6000}"}
            for i in range(sizes.municipalities)
        ],
    )
    towns = ids(session, Municipality)
    bulk(
        session,
        Organisation,
        [
            {
                "name": f"Organisation {i:05d}",
                "kind": rng.choice(KINDS),
                "municipality_id": rng.choice(towns + [None]),
                "email": f"contact{i}@example.org",
                "joined_on": start,
            }
            for i in range(sizes.organisations)
        ],
    )
    orgs = ids(session, Organisation)
    people_count = sizes.organisations * 3 // 2
    bulk(
        session,
        Person,
        [
            {
                "first_name": "Prénom",
                "last_name": f"Nom {i:06d}",
                "organisation_id": rng.choice(orgs),
            }
            for i in range(people_count)
        ],
    )
    persons = ids(session, Person)
    bulk(
        session,
        ReferentAppointment,
        [
            {
                "person_id": person,
                "municipality_id": towns[i % len(towns)],
                "appointed_by": "municipal_college" if i % 2 else "social_action_council",
                "starts_on": some_day(),
            }
            for i, person in enumerate(persons[: len(towns) * 3])
        ],
    )
    bulk(
        session,
        PlatformMembership,
        [{"person_id": person, "starts_on": start} for person in persons[: len(persons) * 4 // 5]],
    )
    bulk(
        session,
        HousingUnit,
        [
            {
                "label": f"Logement {i:04d}",
                "provider_id": rng.choice(orgs),
                "municipality_id": rng.choice(towns),
                "capacity": rng.randrange(1, 6),
                "available_from": start,
            }
            for i in range(sizes.units)
        ],
    )
    _stays(session, rng, sizes, ids(session, HousingUnit), orgs, start, today)
    _workshops(session, rng, sizes, towns, first_year, last_year)

    trainings = max(2, sizes.organisations // 12)
    bulk(
        session,
        Training,
        [
            {"title": f"Formation {i:04d}", "audience": "referents", "trainer_id": rng.choice(orgs)}
            for i in range(trainings)
        ],
    )
    bulk(
        session,
        CommunicationMaterial,
        [
            {
                "title": f"Support {i:04d}",
                "kind": "flyer",
                "quantity": 1000,
                "issued_on": some_day(),
            }
            for i in range(max(4, sizes.organisations // 6))
        ],
    )
    bulk(
        session,
        MaterialLanguage,
        [
            {"material_id": material, "language": "fr"}
            for material in ids(session, CommunicationMaterial)
        ],
    )
    bulk(
        session,
        Agreement,
        [
            {
                "organisation_id": org,
                "kind": "partnership",
                "title": f"Convention {org}",
                "valid_from": some_day(),
            }
            for org in orgs[: len(orgs) * 3 // 25]
        ],
    )
    training_ids = ids(session, Training)
    yearly = max(4, sizes.organisations // 5)
    bulk(
        session,
        PlatformMeeting,
        [
            {"held_on": date(year, 1 + (i % 4) * 3, 1 + i % 28), "place": "Salle"}
            for year in range(first_year, last_year + 1)
            for i in range(max(4, yearly // 5))
        ],
    )
    bulk(
        session,
        TrainingSession,
        [
            {
                "training_id": training_ids[i % len(training_ids)],
                "held_on": date(year, 1 + i % 12, 1 + i % 28),
                "hours": Decimal("3.5"),
                "external_participants": rng.randrange(10),
            }
            for year in range(first_year, last_year + 1)
            for i in range(yearly // 4)
        ],
    )
    bulk(
        session,
        AwarenessAction,
        [
            {
                "title": f"Action {year}-{i}",
                "municipality_id": rng.choice(towns),
                "occasion": "local_event",
                "held_on": date(year, 1 + i % 12, 1 + i % 28),
                "public_reached": rng.randrange(50, 500),
            }
            for year in range(first_year, last_year + 1)
            for i in range(yearly // 3)
        ],
    )
    sample = min(25, len(persons))
    bulk(
        session,
        meeting_attendee,
        [
            {"meeting_id": meeting, "person_id": person}
            for meeting in ids(session, PlatformMeeting)
            for person in rng.sample(persons, sample)
        ],
    )
    bulk(
        session,
        training_participant,
        [
            {"session_id": held, "person_id": person}
            for held in ids(session, TrainingSession)
            for person in rng.sample(persons, min(10, len(persons)))
        ],
    )
    session.commit()
    return last_year


def _stays(session, rng, sizes: Sizes, units: list[int], orgs: list[int], start, today) -> None:
    """The stays of every unit, one after another, in the order they happened."""
    codes = iter(household_codes(rng, sizes.stays + len(units)))
    rows = []
    for n, unit in enumerate(units):
        count = sizes.stays // len(units) + (1 if n < sizes.stays % len(units) else 0)
        for entry, exit_ in unit_stays(rng, start, today, count):
            rows.append(
                {
                    "unit_id": unit,
                    "household_code": next(codes),
                    "referring_organisation_id": rng.choice(orgs + [None]),
                    "entry_date": entry,
                    "exit_date": exit_,
                    "adults": rng.randrange(1, 3),
                    "children": rng.randrange(4),
                    "destination": None if exit_ is None else rng.choice(DESTINATIONS),
                }
            )
    rows.sort(key=lambda row: row["entry_date"])
    bulk(session, HousingStay, rows)


def _workshops(session, rng, sizes: Sizes, towns, first_year: int, last_year: int) -> None:
    """Workshops enough to hold `sessions` sessions, one on each month's first Wednesday."""
    count = max(1, math.ceil(sizes.sessions / (12 * sizes.years)))
    bulk(
        session,
        Workshop,
        [
            {
                "name": f"Atelier {i:04d}",
                "municipality_id": rng.choice(towns),
                "parents_reception": True,
                "starts_on": date(first_year, 1, 1),
            }
            for i in range(count)
        ],
    )
    days = [day for year in range(first_year, last_year + 1) for day in first_wednesdays(year)]
    rows = [
        {
            "workshop_id": workshop,
            "held_on": held_on,
            "children_present": rng.randrange(3, 10),
            "parents_present": rng.randrange(2, 7),
        }
        for workshop in ids(session, Workshop)
        for held_on in days
    ]
    bulk(session, WorkshopSession, rows[: sizes.sessions])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    defaults = Sizes()
    for name in ("stays", "organisations", "units", "sessions", "years"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    args = parser.parse_args()
    sizes = Sizes(args.stays, args.organisations, args.units, args.sessions, args.years)

    import flask_migrate

    from backoffice import create_app
    from models import db

    app = create_app()
    with app.app_context():
        flask_migrate.upgrade()
        started = time.perf_counter()
        generate(db.session, sizes)
        stays = db.session.scalar(select(db.func.count()).select_from(HousingStay))
        print(f"{stays} stays and the rest loaded in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
