"""The home page: the dashboard of the chosen period (reduced for partners)."""

from datetime import date

from flask import flash, request
from flask_admin import AdminIndexView, expose
from sqlalchemy import select

from models import db
from models.network import Municipality

from .. import dashboard, labels
from ..dashboard.period import Period, PeriodError, parse
from .guard import AccessControlled


class HomeView(AccessControlled, AdminIndexView):
    area = "dashboard"

    @expose("/")
    def index(self):
        today = date.today()
        try:
            period = parse(request.args, today)
        except PeriodError as error:
            flash(str(error), "error")
            period = Period.year(today.year)
        municipalities = db.session.scalars(select(Municipality).order_by(Municipality.name)).all()
        return self.render(
            "dashboard/index.html",
            period=period,
            d=dashboard.build(period, today),
            municipalities=municipalities,
            years=range(today.year, today.year - 10, -1),
            today=today,
            labels=labels,
        )
