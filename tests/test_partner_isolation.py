"""Partners read the network, never a trace of emergency housing, and only their own agreements."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from sqlalchemy import select

from backoffice import demo
from models import db
from models.agreements import Agreement
from models.audit import AuditEntry
from models.housing import HousingStay, HousingUnit
from models.network import Organisation
from tests.helpers import login, make_user, organisation_writes

CANARIES = ("CANARY-ADDRESS-7731", "CANARY-NOTE-5512", "CANARY-UNIT-NOTE-9904", "ZZCANARY")
IGNORED_PARAMETERS = {"url", "sort", "desc", "page_size"}
LINK = re.compile(r'(?:href|action|data-url)="([^"#]+)"')


@pytest.fixture
def partner(app):
    """A GREOVA partner, logged in, with canaries hidden in every housing record."""
    demo.load()
    unit = db.session.scalars(select(HousingUnit)).first()
    unit.address, unit.notes = CANARIES[0], CANARIES[2]
    stay = db.session.scalars(select(HousingStay)).first()
    stay.notes, stay.household_code = CANARIES[1], CANARIES[3]
    db.session.commit()
    greova = db.session.scalar(select(Organisation).where(Organisation.short_name == "GREOVA"))
    make_user("partner", "partner", greova)
    browser = app.test_client()
    assert login(browser, "partner").status_code == 302
    return browser


def readable(data: bytes) -> str:
    """Text of a page, a CSV or an XLSX workbook (a zip of XML sheets)."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            return "".join(workbook.read(name).decode() for name in workbook.namelist())
    return data.decode()


def crawl(browser, start: str, limit: int = 3000) -> dict[str, str]:
    """Follow every same-site link from `start`, GET only; return url -> body."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen or "/logout" in url or "/static/" in url:
            continue
        response = browser.get(url)
        body = readable(response.get_data())
        seen[url] = body
        if response.status_code in (301, 302):
            queue.append(response.headers["Location"])
        for link in LINK.findall(body):
            target = urlsplit(urljoin(url, link.replace("&amp;", "&")))
            if target.netloc in ("", "localhost"):
                # Where to come back to, and in which order: the same rows, one visit is enough.
                query = urlencode(
                    [(k, v) for k, v in parse_qsl(target.query) if k not in IGNORED_PARAMETERS]
                )
                queue.append(target._replace(scheme="", netloc="", query=query).geturl())
    return seen


def test_no_page_or_export_a_partner_reaches_shows_housing_data(partner):
    pages = crawl(partner, "/admin/")
    assert 50 < len(pages) < 3000  # the crawl went through the backoffice, and to its end
    assert any("/export/csv/" in url for url in pages)
    leaks = [(url, c) for url, body in pages.items() for c in CANARIES if c in body]
    assert leaks == []
    assert not any("housing" in url and pages[url] for url in pages if "/admin/housing" in url)


@pytest.mark.parametrize("view", ["housingunit", "housingstay"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "details/?id=1",
        "edit/?id=1",
        "new/",
        "export/csv/",
        "export/xlsx/",
        "ajax/lookup/?name=referring_organisation&query=a",
        "ajax/lookup/?name=provider&query=a",
    ],
)
def test_housing_urls_are_refused_to_partners(partner, view, path):
    response = partner.get(f"/admin/{view}/{path}")
    assert response.status_code == 403
    assert not any(c in response.get_data(as_text=True) for c in CANARIES)


def test_lookups_reachable_by_partner_show_no_housing(partner):
    for view, field in [("person", "organisation"), ("agreement", "organisation")]:
        body = partner.get(f"/admin/{view}/ajax/lookup/?name={field}&query=CANARY").get_data(
            as_text=True
        )
        assert not any(c in body for c in CANARIES)


def test_housing_is_not_in_a_partners_menu(partner):
    page = partner.get("/admin/").get_data(as_text=True)
    menu = page[page.index("<nav") : page.index("</nav>")]
    assert "Logement d&#39;urgence" not in menu and "Logement d'urgence" not in menu
    assert "Séjours" not in menu and "/admin/housing" not in page


def test_partner_sees_only_own_organisation_agreements(partner):
    page = partner.get("/admin/agreement/").get_data(as_text=True)
    assert "GREOVA" in page
    assert "AISOVA" not in page and "Pôle de ressources" not in page
    csv = partner.get("/admin/agreement/export/csv/").get_data(as_text=True)
    assert "GREOVA" in csv and "AISOVA" not in csv


def test_guessing_another_organisations_agreement_id_finds_nothing(partner):
    other = db.session.scalar(
        select(Agreement).join(Agreement.organisation).where(Organisation.short_name == "AISOVA")
    )
    for path in (f"details/?id={other.id}", f"edit/?id={other.id}"):
        response = partner.get(f"/admin/agreement/{path}", follow_redirects=True)
        assert other.title not in response.get_data(as_text=True)
    assert partner.post("/admin/agreement/delete/", data={"id": other.id}).status_code == 403
    assert db.session.get(Agreement, other.id) is not None


def test_another_organisations_agreement_looks_missing_and_the_refusal_is_logged(partner):
    other = db.session.scalar(
        select(Agreement).join(Agreement.organisation).where(Organisation.short_name == "AISOVA")
    )
    hidden = partner.get(f"/admin/agreement/details/?id={other.id}")
    missing = partner.get("/admin/agreement/details/?id=999999")
    # The same answer as for an id that does not exist: the partner learns nothing.
    assert (hidden.status_code, hidden.headers.get("Location")) == (
        missing.status_code,
        missing.headers.get("Location"),
    )
    denied = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "denied").order_by(AuditEntry.id)
    ).all()
    assert [(e.username, e.table_name, e.record_id) for e in denied] == [
        ("partner", "agreement", other.id)
    ]
    assert denied[0].detail == "GET /admin/agreement/details/"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        *organisation_writes("Renommée"),
        ("/admin/organisation/ajax/update/", {"list_form_pk": "{org}", "name": "Renommée"}),
    ],
)
def test_partner_writes_are_refused_and_change_nothing(partner, path, data):
    org = db.session.scalar(select(Organisation).where(Organisation.short_name == "GREOVA"))
    before = (org.name, org.version, db.session.scalars(select(Organisation.id)).all())
    data = {k: v.format(org=org.id) for k, v in data.items()}
    response = partner.post(path.format(org=org.id), data=data)
    assert response.status_code == 403
    db.session.refresh(org)
    assert (org.name, org.version, db.session.scalars(select(Organisation.id)).all()) == before


def test_coordinator_reads_housing_but_cannot_change_it(as_role):
    demo.load()
    coordinator = as_role("coordinator")
    stay = db.session.scalars(select(HousingStay)).first()
    assert coordinator.get("/admin/housingstay/").status_code == 200
    response = coordinator.post(
        f"/admin/housingstay/edit/?id={stay.id}",
        data={"unit": stay.unit_id, "entry_date": "2020-01-01", "adults": 1, "children": 0},
    )
    assert response.status_code == 403
    db.session.refresh(stay)
    assert stay.entry_date != date(2020, 1, 1)
