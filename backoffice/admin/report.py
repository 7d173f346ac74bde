"""The yearly report screen: the year and the language in the URL, printable, downloadable."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, current_app, render_template, request
from flask_admin import BaseView, expose
from flask_babel import force_locale, get_locale
from markupsafe import Markup

from models.audit import AuditAction

from .. import audit
from ..reports import content
from .guard import AccessControlled

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportView(AccessControlled, BaseView):
    area = "report"

    def _request(self) -> tuple[int, str]:
        today = date.today()
        year = request.args.get("year", default=today.year - 1, type=int)
        language = request.args.get("lang", default=str(get_locale()))
        if not 1990 <= year <= today.year or language not in current_app.config["LANGUAGES"]:
            abort(404)
        return year, language

    @expose("/")
    def index(self):
        year, language = self._request()
        with force_locale(language):
            report = content.build(year, date.today())
            article = Markup(
                render_template("report/article.html", report=report, language=language)
            )
        return self.render("report/yearly.html", report=report, language=language, article=article)

    @expose("/pdf")
    def pdf(self):
        from ..reports.pdf import render_pdf

        return self._download(render_pdf, "pdf", "application/pdf")

    @expose("/xlsx")
    def xlsx(self):
        from ..reports.workbook import render_xlsx

        return self._download(render_xlsx, "xlsx", XLSX)

    def _download(self, render, extension: str, mimetype: str) -> Response:
        """The report of the asked year and language, rendered by `render`, as a download."""
        year, language = self._request()
        with force_locale(language):
            document = render(content.build(year, date.today()))
        audit.record_event(AuditAction.EXPORT, detail=f"report {year} {language} {extension}")
        return Response(
            document,
            mimetype=mimetype,
            headers={
                "Content-Disposition": (
                    f'attachment; filename="stopp-vif-{year}-{language}.{extension}"'
                )
            },
        )
