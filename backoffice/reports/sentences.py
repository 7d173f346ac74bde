"""The key figures of the yearly report as sentences, in the active language.

Every word is generated from the figures and the records' structured fields; only what users
typed (names of organisations and workshops) is shown as typed.
"""

from __future__ import annotations

from flask_babel import gettext, ngettext

from models.children import Workshop

from ..dashboard import figures
from ..dashboard.values import count, decimal, format_value, months, share
from . import schedule


def names(items: list[str]) -> str:
    """Join names as a sentence does: "A, B and C"."""
    items = [n for n in items if n]
    if len(items) <= 1:
        return "".join(items)
    return gettext("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])


def key_figures(
    year: figures.PeriodFigures,
    towns: int,
    providers: list[str],
    partners: list[str],
    workshops: list[Workshop],
) -> list[str]:
    """The report's key figures, one sentence each."""
    net, tra, awa, hou = year.network, year.training, year.awareness, year.housing
    sentences = [
        gettext(
            "%(referents)d referents appointed by the municipal executives and the social "
            "action councils of the %(towns)d municipalities of the police zone taking part in "
            "the project;",
            referents=net.referents,
            towns=towns,
        ),
        _platform(net),
        gettext(
            "A full overview of the extended network of partners: %(n)d organisations;",
            n=net.organisations,
        ),
        gettext(
            "A training plan for the intrafamily-violence referents and the first-line "
            "professionals: %(sessions)d sessions, %(hours)s hours, %(participations)d "
            "participations, %(share)s of the referents trained;",
            sessions=tra.sessions,
            hours=format_value(decimal(tra.hours)),
            participations=tra.participations,
            share=format_value(share(tra.referents_trained_share)),
        ),
        gettext(
            "%(materials)d communication materials issued (%(copies)s copies);",
            materials=awa.materials_issued,
            copies=format_value(count(awa.copies_issued)),
        ),
        gettext(
            "%(actions)d awareness actions for the general public in %(towns)d municipalities, "
            "reaching about %(people)s people;",
            actions=awa.actions,
            towns=sum(1 for name, n in awa.actions_by_municipality if name and n),
            people=format_value(count(awa.public_reached)),
        ),
    ]
    if hou.nights_available:
        sentences.append(
            gettext(
                "An emergency apartment provided by %(providers)s for the victims, occupied "
                "%(months)s months out of %(total)d (%(rate)s);",
                providers=names(providers),
                months=format_value(months(hou.months_occupied)),
                total=hou.months_in_period,
                rate=format_value(share(hou.occupancy_rate)),
            )
        )
    sentences += [_workshop(workshop, year.children) for workshop in workshops]
    if partners:
        sentences.append(
            gettext(
                "Collaborations and partnership agreements with %(names)s.", names=names(partners)
            )
        )
    return sentences


def _platform(net: figures.NetworkFigures) -> str:
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


def _workshop(workshop: Workshop, chi: figures.ChildrenFigures) -> str:
    values = {
        "name": workshop.name,
        "schedule": schedule.describe(workshop),
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
