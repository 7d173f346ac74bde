"""The home page: the dashboard of the chosen period (reduced for partners)."""

from datetime import date
from types import SimpleNamespace

from flask import abort, flash, request
from flask_admin import AdminIndexView, expose
from sqlalchemy import select

from models import db
from models.network import Municipality

from .. import dashboard
from ..dashboard.period import Period, PeriodError, parse
from .guard import AccessControlled
from .housing import EXIT_DESTINATIONS
from .network import APPOINTING_BODIES, ORGANISATION_KINDS

# The names of the values the dashboard counts, as their screens label them.
LABELS = SimpleNamespace(
    APPOINTING_BODIES=APPOINTING_BODIES,
    ORGANISATION_KINDS=ORGANISATION_KINDS,
    EXIT_DESTINATIONS=EXIT_DESTINATIONS,
)


class HomeView(AccessControlled, AdminIndexView):
    area = "dashboard"

    @expose("/")
    def index(self):
        today = date.today()
        status = 200
        try:
            period = parse(request.args, today)
        except PeriodError as error:
            # The reason, and the current year under its own title: the form can fix the rest.
            flash(str(error), "error")
            period, status = Period.year(today.year), 400
        municipalities = db.session.scalars(select(Municipality).order_by(Municipality.name)).all()
        if period.municipality_id is not None and period.municipality_id not in {
            m.id for m in municipalities
        }:
            abort(404)
        page = self.render(
            "dashboard/index.html",
            period=period,
            d=dashboard.build(period, today),
            municipalities=municipalities,
            years=range(today.year, today.year - 10, -1),
            today=today,
            labels=LABELS,
        )
        return page, status
