"""The yearly report to the funders, as structured content: sentences, tables and charts.

The same content is rendered as a web page, a PDF and a workbook; every sentence is built
from the figures, in the language active when `build` runs (see flask_babel.force_locale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_decimal, gettext, ngettext
from sqlalchemy import func, select

from models import db
from models.agreements import Agreement
from models.children import Workshop
from models.housing import HousingUnit
from models.network import Municipality, Organisation

from .. import labels
from ..dashboard import charts, figures, one_decimal, percent
from ..dashboard.figures.conditions import overlaps
from ..dashboard.period import Period


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list]


@dataclass
class Axis:
    title: str
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    year: int
    title: str
    introduction: str
    key_figures: list[str]
    axes: list[Axis]
    charts: list[dict]


def _names(names: list[str]) -> str:
    """Join names as a sentence does: "A, B and C"."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(first)s and %(last)s", first=", ".join(names[:-1]), last=names[-1])


def _organisation_names(statement) -> list[str]:
    rows = db.session.execute(statement).all()
    return sorted({short or name for name, short in rows})


def build(year: int, today: date) -> Report:
    """Compute the report of `year` in the active language."""
    period = Period.year(year)
    session = db.session
    net = figures.network(session, period, today)
    tra = figures.training(session, period, today)
    awa = figures.awareness(session, period, today)
    hou = figures.housing(session, period, today)
    chi = figures.children(session, period, today)
    agr = figures.agreements(session, period, today)
    towns = session.scalar(select(func.count()).select_from(Municipality))
    partners = _organisation_names(
        select(Organisation.name, Organisation.short_name)
        .join(Agreement, Agreement.organisation_id == Organisation.id)
        .where(overlaps(Agreement.valid_from, Agreement.valid_until, period))
    )
    providers = _organisation_names(
        select(Organisation.name, Organisation.short_name)
        .join(HousingUnit, HousingUnit.provider_id == Organisation.id)
        .where(overlaps(HousingUnit.available_from, HousingUnit.available_until, period))
    )
    workshops = session.scalars(
        select(Workshop)
        .where(overlaps(Workshop.starts_on, Workshop.ends_on, period))
        .order_by(Workshop.name)
    ).all()

    sentences = [
        gettext(
            "%(referents)d referents appointed by the municipal executives and the social "
            "action councils of the %(towns)d municipalities of the police zone taking part in "
            "the project;",
            referents=net.referents,
            towns=towns,
        ),
        _platform_sentence(net),
        gettext(
            "A full overview of the extended network of partners: %(n)d organisations;",
            n=net.organisations,
        ),
        gettext(
            "A training plan for the intrafamily-violence referents and the first-line "
            "professionals: %(sessions)d sessions, %(hours)s hours, %(participations)d "
            "participations, %(share)s of the referents trained;",
            sessions=tra.sessions,
            hours=one_decimal(float(tra.hours)),
            participations=tra.participations,
            share=percent(tra.referents_trained_share),
        ),
        gettext(
            "%(materials)d communication materials issued (%(copies)s copies);",
            materials=awa.materials_issued,
            copies=format_decimal(awa.copies_issued),
        ),
        gettext(
            "%(actions)d awareness actions for the general public in %(towns)d municipalities, "
            "reaching about %(people)s people;",
            actions=awa.actions,
            towns=sum(1 for name, count in awa.actions_by_municipality if name and count),
            people=format_decimal(awa.public_reached),
        ),
    ]
    if hou.nights_available:
        sentences.append(
            gettext(
                "An emergency apartment provided by %(providers)s for the victims, occupied "
                "%(months)s months out of %(total)d (%(rate)s);",
                providers=_names(providers),
                months=one_decimal(hou.months_occupied),
                total=hou.months_in_period,
                rate=percent(hou.occupancy_rate),
            )
        )
    for workshop in workshops:
        sentences.append(_workshop_sentence(workshop, chi))
    if partners:
        sentences.append(
            gettext(
                "Collaborations and partnership agreements with %(names)s.", names=_names(partners)
            )
        )

    data = {"housing": hou, "children": chi, "awareness": awa, "show_attendance": True}
    return Report(
        year=year,
        title=gettext("STOPP VIF – yearly report %(year)d", year=year),
        introduction=gettext(
            "The five municipalities of police zone Secova built together an intercommunal, "
            "multidisciplinary network against intrafamily violence. Its action plan has five "
            "axes: training professionals, pooling resources for emergency housing, support "
            "groups for children and young people who are victims or witnesses, common "
            "intervention protocols and raising awareness of the general public."
        ),
        key_figures=sentences,
        axes=_axes(net, tra, awa, hou, chi, agr),
        charts=charts.for_dashboard(data),
    )


def _platform_sentence(net) -> str:
    if net.meetings_expected and net.meetings_held >= net.meetings_expected:
        return gettext(
            "A STOPP VIF platform of %(members)d professionals directly involved in the project "
            "or partners of it, meeting once per quarter;",
            members=net.platform_members,
        )
    return ngettext(
        "A STOPP VIF platform of %(members)d professionals, which met %(num)d time this year;",
        "A STOPP VIF platform of %(members)d professionals, which met %(num)d times this year;",
        net.meetings_held,
        members=net.platform_members,
    )


def _workshop_sentence(workshop: Workshop, chi) -> str:
    values = {
        "name": workshop.name,
        "schedule": workshop.schedule or gettext("on the first Wednesday of every month"),
        "min": workshop.min_age,
        "max": workshop.max_age,
        "held": chi.sessions_held,
        "planned": chi.sessions_planned,
    }
    if workshop.parents_reception:
        return gettext(
            "The “%(name)s” workshops, %(schedule)s, for children aged %(min)d to %(max)d, "
            "with a parallel reception for the parents (%(held)d sessions held of %(planned)d "
            "planned);",
            **values,
        )
    return gettext(
        "The “%(name)s” workshops, %(schedule)s, for children aged %(min)d to %(max)d "
        "(%(held)d sessions held of %(planned)d planned);",
        **values,
    )


def _figures(title: str, rows: list[list]) -> Table:
    """A table of named figures: a figure per row, its value beside it."""
    return Table(title, [gettext("Figure"), gettext("Value")], rows)


def _axes(net, tra, awa, hou, chi, agr) -> list[Axis]:
    value = gettext("Value")
    return [
        Axis(
            gettext("1. Training of professionals"),
            [
                _figures(
                    gettext("Training"),
                    [
                        [gettext("Training sessions"), tra.sessions],
                        [gettext("Hours of training"), one_decimal(float(tra.hours))],
                        [gettext("Participations"), tra.participations],
                        [gettext("Distinct participants"), tra.distinct_participants],
                        [gettext("Active referents trained"), percent(tra.referents_trained_share)],
                    ],
                )
            ],
        ),
        Axis(
            gettext("2. Pooling resources for emergency housing"),
            [
                _figures(
                    gettext("Emergency housing"),
                    [
                        [gettext("Nights occupied"), hou.nights_occupied],
                        [gettext("Nights available"), hou.nights_available],
                        [gettext("Occupancy rate"), percent(hou.occupancy_rate)],
                        [gettext("Months occupied"), one_decimal(hou.months_occupied)],
                        [gettext("Households sheltered"), hou.households],
                        [gettext("Children sheltered"), hou.children],
                        [gettext("Stays started"), hou.stays_started],
                        [gettext("Stays ended"), hou.stays_ended],
                        [gettext("Average stay (nights)"), one_decimal(hou.average_stay_nights)],
                    ],
                ),
                Table(
                    gettext("Destinations on exit"),
                    [gettext("Destination"), gettext("Stays")],
                    [
                        [labels.EXIT_DESTINATIONS.get(code, gettext("Not recorded")), count]
                        for code, count in hou.destinations
                    ],
                ),
            ],
        ),
        Axis(
            gettext("3. Support groups for children and young people"),
            [
                _figures(
                    gettext("Workshops"),
                    [
                        [gettext("Sessions held"), chi.sessions_held],
                        [gettext("Sessions planned"), chi.sessions_planned],
                        [gettext("Children present"), chi.children_present],
                        [gettext("Parents received"), chi.parents_present],
                        [gettext("Children per session"), one_decimal(chi.children_per_session)],
                    ],
                )
            ],
        ),
        Axis(
            gettext("4. Common intervention protocols and the network"),
            [
                _figures(
                    gettext("Network"),
                    [
                        [gettext("Active referents"), net.referents],
                        [gettext("Platform members"), net.platform_members],
                        [gettext("Platform meetings held"), net.meetings_held],
                        [gettext("Attendance"), percent(net.attendance_rate)],
                        [gettext("Agreements in force"), agr.active],
                    ],
                ),
                Table(
                    gettext("Referents per municipality"),
                    [gettext("Municipality"), value],
                    [[name, count] for name, count in net.referents_by_municipality],
                ),
            ],
        ),
        Axis(
            gettext("5. Raising awareness of the general public"),
            [
                Table(
                    gettext("Awareness actions"),
                    [gettext("Municipality"), gettext("Actions")],
                    [
                        [name or gettext("Whole zone"), count]
                        for name, count in awa.actions_by_municipality
                    ]
                    + [
                        [gettext("People reached"), awa.public_reached],
                        [gettext("Materials issued"), awa.materials_issued],
                    ],
                )
            ],
        ),
    ]
