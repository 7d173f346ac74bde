"""Demo network: the five municipalities, their partners, 17 referents, a platform of 32."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models import db
from models.network import (
    AppointingBody,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
)

MUNICIPALITIES = {
    "Aywaille": "4920",
    "Chaudfontaine": "4050",
    "Esneux": "4130",
    "Sprimont": "4140",
    "Trooz": "4870",
}

# Referents per municipality: (appointed by the municipal college, by the CPAS council).
REFERENTS = {
    "Aywaille": (2, 2),
    "Chaudfontaine": (2, 2),
    "Esneux": (2, 1),
    "Sprimont": (2, 1),
    "Trooz": (1, 2),
}

# Regional partners: key, name, short name, kind, platform seats.
PARTNERS = [
    (
        "sapv",
        "Service d'assistance policière aux victimes de la zone Secova",
        "SAPV Secova",
        OrganisationKind.POLICE_VICTIM_ASSISTANCE,
        2,
    ),
    (
        "greova",
        "Groupement Régional Économique Ourthe-Vesdre-Amblève",
        "GREOVA",
        OrganisationKind.REGIONAL_BODY,
        1,
    ),
    (
        "aisova",
        "Agence Immobilière Sociale Ourthe-Vesdre-Amblève",
        "AISOVA",
        OrganisationKind.SOCIAL_HOUSING_AGENCY,
        1,
    ),
    (
        "pole",
        "Pôle de ressources spécialisées en violences conjugales et intrafamiliales",
        "Pôle de ressources",
        OrganisationKind.RESOURCE_CENTRE,
        1,
    ),
    ("one", "Office de la Naissance et de l'Enfance", "ONE", OrganisationKind.CHILD_AND_FAMILY, 1),
    ("saj", "Service de l'aide à la jeunesse de Liège", "SAJ Liège", OrganisationKind.YOUTH_AID, 1),
    (
        "ssm",
        "Service de santé mentale de l'Ourthe-Amblève",
        "SSM Ourthe-Amblève",
        OrganisationKind.MENTAL_HEALTH,
        2,
    ),
    (
        "planning",
        "Centre de planning familial de la vallée",
        "Planning familial",
        OrganisationKind.FAMILY_PLANNING,
        1,
    ),
    ("justice", "Maison de justice de Liège", None, OrganisationKind.JUSTICE_HOUSE, 1),
    ("school", "Athénée de la vallée de l'Ourthe", None, OrganisationKind.SCHOOL, 1),
    (
        "gp",
        "Cercle des médecins généralistes de l'Ourthe-Amblève",
        None,
        OrganisationKind.GENERAL_PRACTICE,
        1,
    ),
    ("asbl", "Maison des femmes de la vallée", None, OrganisationKind.ASSOCIATION, 2),
]

FIRST_NAMES = [
    "Anne",
    "Benoît",
    "Camille",
    "David",
    "Élise",
    "François",
    "Géraldine",
    "Hugo",
    "Isabelle",
    "Julien",
    "Karine",
    "Laurent",
    "Marie",
    "Nicolas",
    "Océane",
    "Pierre",
    "Quentin",
    "Rachel",
    "Sophie",
    "Thomas",
    "Ursula",
    "Valérie",
    "William",
    "Xavier",
    "Yasmine",
    "Zoé",
    "Arnaud",
    "Bénédicte",
    "Cédric",
    "Delphine",
    "Emmanuel",
    "Florence",
    "Grégory",
    "Hélène",
    "Ivan",
]
LAST_NAMES = [
    "Lambotte",
    "Dethier",
    "Collard",
    "Halleux",
    "Jacquemin",
    "Lejeune",
    "Piron",
    "Renard",
    "Schmitz",
    "Thiry",
    "Wathelet",
    "Bodson",
    "Close",
    "Demoulin",
    "Fraipont",
    "Goffin",
    "Hansen",
    "Jamar",
    "Kinet",
    "Lemaire",
    "Marechal",
    "Noël",
    "Pirard",
    "Radoux",
    "Simon",
    "Tilkin",
    "Warnier",
    "Xhonneux",
    "Body",
    "Crahay",
    "Dumont",
    "Evrard",
    "Francotte",
    "Gillet",
    "Hurard",
]


@dataclass
class DemoNetwork:
    """What later parts of the demo refer to."""

    municipalities: dict[str, Municipality]
    organisations: dict[str, Organisation]
    referents: list[Person] = field(default_factory=list)
    members: list[Person] = field(default_factory=list)
    trainers: list[Person] = field(default_factory=list)


class _Names:
    def __init__(self) -> None:
        self.index = 0

    def person(self, organisation: Organisation, job_title: str) -> Person:
        first, last = FIRST_NAMES[self.index], LAST_NAMES[self.index]
        self.index += 1
        slug = f"{first[0]}.{last}".lower().replace("é", "e").replace("ë", "e")
        person = Person(
            first_name=first,
            last_name=last,
            job_title=job_title,
            organisation=organisation,
            email=f"{slug}@example.org",
        )
        db.session.add(person)
        return person


def load(year: int) -> DemoNetwork:
    towns = {name: _municipality(name, code) for name, code in MUNICIPALITIES.items()}
    orgs: dict[str, Organisation] = {}
    for name, town in towns.items():
        orgs[f"cpas:{name}"] = _organisation(f"CPAS de {name}", None, OrganisationKind.CPAS, town)
        orgs[f"social:{name}"] = _organisation(
            f"Service social de {name}", None, OrganisationKind.MUNICIPAL_SOCIAL_SERVICE, town
        )
    for key, name, short, kind, _seats in PARTNERS:
        orgs[key] = _organisation(name, short, kind, None)
    orgs["pole"].phone = "0800 30 030"
    for org in orgs.values():  # the network was built the year before the demo year
        org.joined_on = date(year - 1, 1, 1)
    net = DemoNetwork(towns, orgs)
    names = _Names()

    for town_name, (by_college, by_council) in REFERENTS.items():
        for i in range(by_college + by_council):
            college = i < by_college
            org = orgs[f"social:{town_name}" if college else f"cpas:{town_name}"]
            person = names.person(
                org, "Assistant·e social·e" if college else "Travailleur·se social·e"
            )
            body = (
                AppointingBody.MUNICIPAL_COLLEGE
                if college
                else AppointingBody.SOCIAL_ACTION_COUNCIL
            )
            db.session.add(
                ReferentAppointment(
                    person=person,
                    municipality=towns[town_name],
                    appointed_by=body,
                    starts_on=date(year - 1, 3 + i, 1),
                )
            )
            net.referents.append(person)
    for key, _name, _short, _kind, seats in PARTNERS:
        for _ in range(seats):
            net.members.append(names.person(orgs[key], "Intervenant·e"))
    net.members = net.referents + net.members

    # A referent who left before the demo year: history, not a current figure.
    former = names.person(orgs["cpas:Esneux"], "Assistant social")
    db.session.add(
        ReferentAppointment(
            person=former,
            municipality=towns["Esneux"],
            appointed_by=AppointingBody.SOCIAL_ACTION_COUNCIL,
            starts_on=date(year - 2, 9, 1),
            ends_on=date(year - 1, 6, 30),
        )
    )
    net.trainers = [
        names.person(orgs["pole"], "Formatrice"),
        names.person(orgs["pole"], "Formateur"),
    ]

    for i, person in enumerate(net.members):
        db.session.add(PlatformMembership(person=person, starts_on=date(year - 1, 3 + i % 6, 1)))
    _meetings(year, net)
    return net


def _meetings(year: int, net: DemoNetwork) -> None:
    """One platform meeting per quarter, in a different municipality each time."""
    places = list(net.municipalities)
    today = date.today()
    for y in (year, year + 1):
        for quarter in range(4):
            held_on = date(y, 3 * quarter + 2, 12 + quarter)
            if held_on >= today:
                return
            present = [p for i, p in enumerate(net.members) if (i + quarter) % 5 != 0]
            db.session.add(
                PlatformMeeting(
                    held_on=held_on,
                    place=f"Maison communale de {places[quarter % len(places)]}",
                    agenda="Tour de table des situations rencontrées; avancement du plan d'action",
                    attendees=present,
                )
            )


def _municipality(name: str, postal_code: str) -> Municipality:
    town = Municipality(name=name, postal_code=postal_code)
    db.session.add(town)
    return town


def _organisation(name, short_name, kind, municipality) -> Organisation:
    org = Organisation(name=name, short_name=short_name, kind=kind, municipality=municipality)
    db.session.add(org)
    return org
