"""The yearly report screen: the year and the language in the URL, printable, downloadable."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, render_template, request
from flask_admin import BaseView, expose
from flask_babel import force_locale, get_locale
from markupsafe import Markup

from .. import audit
from ..reports import content
from .guard import AccessControlled

REPORT_LANGUAGES = ("fr", "nl", "de", "en")


class ReportView(AccessControlled, BaseView):
    area = "report"

    def _request(self) -> tuple[int, str]:
        today = date.today()
        year = request.args.get("year", default=today.year - 1, type=int)
        language = request.args.get("lang", default=str(get_locale()))
        if not 1990 <= year <= today.year or language not in REPORT_LANGUAGES:
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

        year, language = self._request()
        with force_locale(language):
            document = render_pdf(content.build(year, date.today()))
        audit.record_event("export", detail=f"report {year} {language} pdf")
        return self._download(document, "application/pdf", f"stopp-vif-{year}-{language}.pdf")

    @expose("/xlsx")
    def xlsx(self):
        from ..reports.workbook import render_xlsx

        year, language = self._request()
        with force_locale(language):
            document = render_xlsx(content.build(year, date.today()))
        audit.record_event("export", detail=f"report {year} {language} xlsx")
        return self._download(
            document,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"stopp-vif-{year}-{language}.xlsx",
        )

    @staticmethod
    def _download(document: bytes, mimetype: str, filename: str) -> Response:
        return Response(
            document,
            mimetype=mimetype,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
