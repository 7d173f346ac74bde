"""The yearly report's tables, axis by axis: each figure with its key, its label, its value."""

from __future__ import annotations

from flask_babel import gettext

from ..admin.housing import EXIT_DESTINATIONS
from ..dashboard.figures import PeriodFigures
from ..dashboard.values import Value, count, decimal, months, nights, share

FigureRow = tuple[str, str, Value]  # key, label, value
TableRows = tuple[str, str, list[FigureRow]]  # title, header of the labels, rows
AxisTables = tuple[str, list[TableRows]]


def _figures_table(title: str, rows: list[FigureRow]) -> TableRows:
    """A table of named figures: a figure per row, its value beside it."""
    return title, gettext("Figure"), rows


def axes(year: PeriodFigures) -> list[AxisTables]:
    """The five axes of the plan, each with its tables of figures."""
    net, tra, awa, hou, chi = (
        year.network,
        year.training,
        year.awareness,
        year.housing,
        year.children,
    )
    return [
        (
            gettext("1. Training of professionals"),
            [
                _figures_table(
                    gettext("Training"),
                    [
                        ("training.sessions", gettext("Training sessions"), count(tra.sessions)),
                        ("training.hours", gettext("Hours of training"), decimal(tra.hours)),
                        (
                            "training.participations",
                            gettext("Participations"),
                            count(tra.participations),
                        ),
                        (
                            "training.distinct_participants",
                            gettext("Distinct participants"),
                            count(tra.distinct_participants),
                        ),
                        (
                            "training.referents_trained",
                            gettext("Active referents trained"),
                            share(tra.referents_trained_share),
                        ),
                    ],
                )
            ],
        ),
        (
            gettext("2. Pooling resources for emergency housing"),
            [
                _figures_table(
                    gettext("Emergency housing"),
                    [
                        (
                            "housing.nights_occupied",
                            gettext("Nights occupied"),
                            nights(hou.nights_occupied),
                        ),
                        (
                            "housing.nights_available",
                            gettext("Nights available"),
                            nights(hou.nights_available),
                        ),
                        (
                            "housing.occupancy_rate",
                            gettext("Occupancy rate"),
                            share(hou.occupancy_rate),
                        ),
                        (
                            "housing.months_occupied",
                            gettext("Months occupied"),
                            months(hou.months_occupied),
                        ),
                        (
                            "housing.households",
                            gettext("Households sheltered"),
                            count(hou.households),
                        ),
                        ("housing.children", gettext("Children sheltered"), count(hou.children)),
                        (
                            "housing.stays_started",
                            gettext("Stays started"),
                            count(hou.stays_started),
                        ),
                        ("housing.stays_ended", gettext("Stays ended"), count(hou.stays_ended)),
                        (
                            "housing.average_stay",
                            gettext("Average stay (nights)"),
                            decimal(hou.average_stay_nights),
                        ),
                    ],
                ),
                (
                    gettext("Destinations on exit"),
                    gettext("Destination"),
                    [
                        (
                            f"housing.destination.{code or '-'}",
                            EXIT_DESTINATIONS.get(code, gettext("Not recorded")),
                            count(n),
                        )
                        for code, n in hou.destinations
                    ],
                ),
            ],
        ),
        (
            gettext("3. Support groups for children and young people"),
            [
                _figures_table(
                    gettext("Workshops"),
                    [
                        ("workshops.held", gettext("Sessions held"), count(chi.sessions_held)),
                        (
                            "workshops.planned",
                            gettext("Sessions planned"),
                            count(chi.sessions_planned),
                        ),
                        (
                            "workshops.children",
                            gettext("Children present"),
                            count(chi.children_present),
                        ),
                        (
                            "workshops.parents",
                            gettext("Parents received"),
                            count(chi.parents_present),
                        ),
                        (
                            "workshops.children_per_session",
                            gettext("Children per session"),
                            decimal(chi.children_per_session),
                        ),
                    ],
                )
            ],
        ),
        (
            gettext("4. Common intervention protocols and the network"),
            [
                _figures_table(
                    gettext("Network"),
                    [
                        ("network.referents", gettext("Active referents"), count(net.referents)),
                        (
                            "network.members",
                            gettext("Platform members"),
                            count(net.platform_members),
                        ),
                        (
                            "network.meetings",
                            gettext("Platform meetings held"),
                            count(net.meetings_held),
                        ),
                        ("network.attendance", gettext("Attendance"), share(net.attendance_rate)),
                        (
                            "network.organisations",
                            gettext("Organisations in the network"),
                            count(net.organisations),
                        ),
                        (
                            "network.protocols",
                            gettext("Intervention protocols adopted"),
                            count(net.protocols_adopted),
                        ),
                        (
                            "agreements.active",
                            gettext("Agreements in force"),
                            count(year.agreements.active),
                        ),
                    ],
                ),
                (
                    gettext("Referents per municipality"),
                    gettext("Municipality"),
                    [
                        (f"network.referents.{name}", name, count(n))
                        for name, n in net.referents_by_municipality
                    ],
                ),
            ],
        ),
        (
            gettext("5. Raising awareness of the general public"),
            [
                (
                    gettext("Awareness actions"),
                    gettext("Municipality"),
                    [
                        (
                            f"awareness.actions.{name or '-'}",
                            name or gettext("Whole zone"),
                            count(n),
                        )
                        for name, n in awa.actions_by_municipality
                    ]
                    + [
                        ("awareness.public", gettext("People reached"), count(awa.public_reached)),
                        (
                            "awareness.materials",
                            gettext("Materials issued"),
                            count(awa.materials_issued),
                        ),
                    ],
                )
            ],
        ),
    ]


def figures(year: PeriodFigures) -> list[FigureRow]:
    """Every figure of the report's tables."""
    return [row for _, tables in axes(year) for _, _, rows in tables for row in rows]
