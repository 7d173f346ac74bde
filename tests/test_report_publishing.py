"""Publishing the yearly report: the version sent is kept, listed, compared, and never changes."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from backoffice import demo
from models import db
from models.audit import AuditEntry
from models.reports import PublishedReport, PublishedReportChanged
from tests import factories
from tests.test_report import visible

TODAY = date.today()


@pytest.fixture
def year() -> int:
    demo.load()
    return demo.demo_year()


def publish(browser, year: int):
    return browser.post("/admin/report/publish", data={"year": year})


def versions(year: int) -> list[PublishedReport]:
    statement = select(PublishedReport).where(PublishedReport.year == year)
    return list(db.session.scalars(statement.order_by(PublishedReport.number)))


def page(browser, url: str) -> str:
    response = browser.get(url)
    assert response.status_code == 200
    return visible(response.get_data(as_text=True))


def test_coordinator_publishes_the_closed_year_in_every_language_audited(year, as_role):
    coordinator = as_role("coordinator")

    response = publish(coordinator, year)

    assert response.status_code == 302
    [version] = versions(year)
    assert (version.number, version.published_by) == (1, "coordinator")
    assert sorted((f.language, f.kind) for f in version.files) == [
        (language, kind) for language in ("de", "en", "fr", "nl") for kind in ("pdf", "xlsx")
    ]
    assert all(f.checksum == hashlib.sha256(f.content).hexdigest() for f in version.files)
    assert version.figures["network.referents"] == {"kind": "count", "number": 17}
    assert set(version.labels) == {"fr", "nl", "de", "en"}
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "publish")).one()
    assert (entry.username, entry.record_label) == ("coordinator", f"{year} v1")
    assert version.checksum in entry.detail


def test_published_files_download_as_they_were_sent(year, as_role):
    coordinator = as_role("coordinator")
    publish(coordinator, year)
    [version] = versions(year)
    sent = {f"{f.language}.{f.kind}": f.content for f in version.files}

    listing = page(coordinator, f"/admin/report/published?year={year}")
    pdf = coordinator.get(f"/admin/report/published?year={year}&version=1&file=nl.pdf")
    xlsx = coordinator.get(f"/admin/report/published?year={year}&version=1&file=de.xlsx")

    assert "coordinator" in listing and version.checksum in listing
    assert pdf.data == sent["nl.pdf"] and pdf.mimetype == "application/pdf"
    assert xlsx.data == sent["de.xlsx"]
    assert f'filename="stopp-vif-{year}-v1-de.xlsx"' in xlsx.headers["Content-Disposition"]
    missing = coordinator.get(f"/admin/report/published?year={year}&version=1&file=xx.pdf")
    assert missing.status_code == 404


def test_todays_edits_leave_the_published_year_as_it_was_sent(year, as_role):
    coordinator = as_role("coordinator")
    publish(coordinator, year)

    factories.organisation("Joined today", joined_on=TODAY)

    report = page(coordinator, f"/admin/report/?year={year}&lang=fr")
    dashboard = page(coordinator, f"/admin/?year={year}")
    assert "ont changé depuis" not in report
    assert "ont changé depuis" not in dashboard


def test_a_correction_dated_in_the_year_shows_then_publishes_as_a_difference(year, as_role):
    coordinator = as_role("coordinator")
    publish(coordinator, year)

    factories.organisation("Joined in the year", joined_on=date(year, 5, 1))

    expected = "Organisations du réseau 22 23 +1"
    report = page(coordinator, f"/admin/report/?year={year}&lang=fr")
    dashboard = page(coordinator, f"/admin/?year={year}")
    assert f"Les chiffres de {year} ont changé depuis la publication de la version 1" in report
    assert expected in report and expected in dashboard
    publish(coordinator, year)
    assert [v.number for v in versions(year)] == [1, 2]
    second = page(coordinator, f"/admin/report/published?year={year}&version=2")
    assert "Modifié depuis la version 1 :" in second and expected in second
    assert "ont changé depuis" not in page(coordinator, f"/admin/report/?year={year}")


@pytest.mark.parametrize("role", ["administrator", "secretariat", "partner"])
def test_only_the_coordinator_publishes(year, as_role, role):
    response = publish(as_role(role), year)

    assert response.status_code == 403
    assert versions(year) == []


def test_the_current_year_is_not_published(year, as_role):
    response = publish(as_role("coordinator"), TODAY.year)

    assert response.status_code == 302
    assert versions(TODAY.year) == []


def test_a_published_version_is_never_changed(year, as_role):
    publish(as_role("coordinator"), year)
    [version] = versions(year)

    version.published_by = "someone else"
    with pytest.raises(PublishedReportChanged):
        db.session.flush()
    db.session.rollback()


def test_partners_read_no_published_figures(year, as_role):
    publish(as_role("coordinator"), year)
    factories.organisation("Joined in the year", joined_on=date(year, 5, 1))
    partner = as_role("partner")

    assert "ont changé depuis" not in page(partner, f"/admin/?year={year}")
    assert partner.get(f"/admin/report/published?year={year}").status_code == 403
