"""The yearly report screen: the year and the language in the URL, printable, downloadable."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_admin import BaseView, expose
from flask_babel import force_locale, get_locale, gettext
from flask_login import current_user
from markupsafe import Markup

from models.audit import AuditAction
from models.reports import PublishedReport

from .. import access, audit
from ..reports import content, publishing
from .guard import EDITING_ENDPOINTS, AccessControlled

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportView(AccessControlled, BaseView):
    area = "report"
    # Publishing is for those who may edit the report's area: the coordinator.
    editing_endpoints = EDITING_ENDPOINTS | {"publish"}

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
        today = date.today()
        with force_locale(language):
            report = content.build(year, today)
            article = Markup(
                render_template("report/article.html", report=report, language=language)
            )
        return self.render(
            "report/yearly.html",
            report=report,
            language=language,
            article=article,
            versions=publishing.versions(year),
            drift=publishing.drift(year, today, str(get_locale())),
            may_publish=year < today.year and access.allowed(self.area, access.EDIT),
        )

    @expose("/publish", methods=("POST",))
    def publish(self):
        today = date.today()
        year = request.form.get("year", default=today.year - 1, type=int)
        if not 1990 <= year < today.year:
            flash(gettext("Only the report of a year that has ended is published."), "error")
            return redirect(url_for(".index", year=year))
        version = publishing.publish(
            year, tuple(current_app.config["LANGUAGES"]), today, current_user.username
        )
        flash(
            gettext(
                "The report %(year)d is published as version %(number)d.",
                year=year,
                number=version.number,
            ),
            "success",
        )
        return redirect(url_for(".published", year=year, version=version.number))

    @expose("/published")
    def published(self):
        """The published versions of a year, one of them with its differences, or its file."""
        today = date.today()
        year = request.args.get("year", default=today.year - 1, type=int)
        versions = publishing.versions(year)
        number = request.args.get("version", type=int)
        chosen = next(
            (v for v in versions if v.number == number), versions[-1] if versions else None
        )
        if number is not None and (chosen is None or chosen.number != number):
            abort(404)
        wanted = request.args.get("file")
        if wanted is not None:
            return self._published_file(chosen, wanted)
        language = str(get_locale())
        previous = next((v for v in versions if chosen and v.number == chosen.number - 1), None)
        labels = publishing.labels_of(chosen, language) if chosen else {}
        return self.render(
            "report/published.html",
            year=year,
            versions=versions,
            chosen=chosen,
            previous=previous,
            changes=publishing.differences(
                publishing.figures_of(previous), publishing.figures_of(chosen), labels
            )
            if previous and chosen
            else [],
            drift=publishing.drift(year, today, language),
        )

    def _published_file(self, version: PublishedReport | None, wanted: str) -> Response:
        found = next(
            (f for f in (version.files if version else []) if f"{f.language}.{f.kind}" == wanted),
            None,
        )
        if found is None:
            abort(404)
        audit.record_event(
            AuditAction.EXPORT, detail=f"report {version.year} version {version.number} {wanted}"
        )
        mimetype = "application/pdf" if found.kind == "pdf" else XLSX
        name = f"stopp-vif-{version.year}-v{version.number}-{found.language}.{found.kind}"
        return self._send(found.content, mimetype, name)

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
        return self._send(document, mimetype, f"stopp-vif-{year}-{language}.{extension}")

    @staticmethod
    def _send(document: bytes, mimetype: str, filename: str) -> Response:
        return Response(
            document,
            mimetype=mimetype,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
