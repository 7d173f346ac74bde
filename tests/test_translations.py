"""Every catalogue is complete and every user-facing string goes through it."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from babel.messages.checkers import checkers
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from backoffice.config import LANGUAGES, TRANSLATED_LANGUAGES

PROJECT = Path(__file__).resolve().parent.parent
TRANSLATIONS = PROJECT / "backoffice" / "translations"
# Our templates; admin/ holds Flask-Admin's own, translated by its shipped catalogues.
TEMPLATES = [
    p for p in (PROJECT / "backoffice" / "templates").rglob("*.html") if "admin" not in p.parts
]


def catalogue(language: str):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=language)


def extracted_msgids() -> set:
    method_map = [
        ("backoffice/**.py", "python"),
        ("models/**.py", "python"),
        ("backoffice/templates/**.html", "jinja2"),
    ]
    options = {"backoffice/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(
        str(PROJECT),
        method_map,
        options,
        keywords={"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2)},
    )
    return {msgid for _, _, msgid, _, _ in found}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    missing = [
        m.id
        for m in catalogue(language)
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert missing == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_holds_every_string_of_the_code(language):
    known = {m.id for m in catalogue(language) if m.id}
    assert sorted(map(str, extracted_msgids() - known)) == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_and_plurals_are_consistent(language):
    cat = catalogue(language)
    problems = []
    for message in cat:
        for check in checkers:
            try:
                check(cat, message)
            except Exception as error:  # babel raises TranslationError
                problems.append((message.id, str(error)))
    assert problems == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language):
    po = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.S)
TEXT_ATTRIBUTES = re.compile(r'(?:title|aria-label|placeholder|alt)="([^"{]*[A-Za-z][^"{]*)"')
# Words that are the same in every language (names, formats, symbols).
CSS_LENGTH = re.compile(r"^[\d.]+(rem|em|px|%)$")
NEUTRAL = {"STOPP VIF", "PDF", "XLSX", "CSV", "FR", "NL", "DE", "EN"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_unmarked_text(template):
    source = template.read_text()
    without_code = re.sub(r"<(script|style)\b.*?</\1>", "", JINJA.sub("", source), flags=re.S)
    texts = [t.strip() for t in re.sub(r"<[^>]*>", "\n", without_code).split("\n")]
    unmarked = [
        t
        for t in texts
        if re.search(r"[A-Za-z]{2}", t) and t not in NEUTRAL and not CSS_LENGTH.match(t)
    ]
    unmarked += [a for a in TEXT_ATTRIBUTES.findall(JINJA.sub("", source)) if a not in NEUTRAL]
    assert unmarked == []


USER_FACING_CALLS = {"flash", "ValidationError", "AccountError", "PeriodError", "ClickException"}


def test_python_messages_for_users_are_marked():
    unmarked = []
    for path in [*(PROJECT / "backoffice").rglob("*.py"), *(PROJECT / "models").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name in USER_FACING_CALLS and isinstance(first, ast.Constant | ast.JoinedStr):
                unmarked.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
            if (
                name in ("echo",)
                and isinstance(first, ast.Constant)
                and re.search("[a-z]{3}", str(first.value))
            ):
                unmarked.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
    assert unmarked == []


def test_labels_of_every_screen_are_marked(app):
    from flask_babel.speaklater import LazyString

    unmarked = []
    for view in app.extensions["admin"][0]._views:
        texts = {"name": view.name, "category": view.category}
        texts.update(
            {f"label {k}": v for k, v in (getattr(view, "column_labels", None) or {}).items()}
        )
        for field, choices in (getattr(view, "form_choices", None) or {}).items():
            texts.update({f"choice {field} {value}": label for value, label in choices})
        unmarked += [
            f"{view.endpoint}: {key}"
            for key, text in texts.items()
            if text is not None and not isinstance(text, LazyString)
        ]
    assert unmarked == []


# --- every page, every role, every language -------------------------------------------------


def pages(app, role: str) -> list[str]:
    """The pages a role reaches from the menu: home, lists, forms, one record, reports."""
    from sqlalchemy import select

    from models import db

    urls = [
        "/admin/",
        f"/admin/?year={date.today().year - 1}&quarter=1",
        "/network-overview/",
        "/account/password",
    ]
    if role != "partner":
        urls.append(f"/admin/report/?year={date.today().year - 1}")
    for view in app.extensions["admin"][0]._views:
        if not hasattr(view, "model"):
            continue
        base = f"/admin/{view.endpoint}/"
        urls.append(base)
        record = db.session.scalar(select(view.model.id).limit(1))
        if record is not None:
            urls.append(f"{base}details/?id={record}")
        urls += [f"{base}new/"]
    return urls


def visible_text(body: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", body)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ["administrator", "secretariat", "coordinator", "partner"])
def test_every_page_renders_in_every_language_without_untranslated_labels(
    app, demo_network, role, language
):
    from tests.helpers import login

    browser = app.test_client()
    browser.post("/language", data={"language": language})
    assert login(browser, role).status_code == 302
    # English strings of ours that differ in the page's language must not show up there.
    english = set()
    if language != "en":
        english = {
            m.id
            for m in catalogue(language)
            if isinstance(m.id, str)
            and m.string
            and m.string != m.id
            and len(m.id) > 12
            and "%(" not in m.id
        }
    problems = []
    for url in pages(app, role):
        response = browser.get(url)
        if response.status_code == 403:
            continue  # a screen of another role: its refusal is tested in test_access
        if response.status_code != 200:
            problems.append((url, response.status_code))
            continue
        body = response.get_data(as_text=True)
        assert f'lang="{language}"' in body, url
        text = visible_text(body)
        problems += [(url, msgid) for msgid in english if msgid in text]
    assert problems == []


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "31 déc. 2025"), ("nl", "31 dec 2025"), ("de", "31.12.2025"), ("en", "Dec 31, 2025")],
)
def test_dates_follow_the_language(app, users, language, shown):
    from tests import factories
    from tests.helpers import login

    factories.referent(ends_on=date(2025, 12, 31))
    browser = app.test_client()
    browser.post("/language", data={"language": language})
    login(browser, "secretariat")
    assert shown in browser.get("/admin/referentappointment/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("language", "shown"), [("fr", "62,5 %"), ("nl", "62,5%"), ("de", "62,5 %"), ("en", "62.5%")]
)
def test_percentages_follow_the_language(app, language, shown):
    from flask_babel import force_locale

    from backoffice.dashboard import percent

    with app.test_request_context(), force_locale(language):
        assert percent(0.625).replace("\xa0", " ").replace("\u202f", " ") == shown


def test_first_visit_follows_the_browser_then_the_choice_sticks(app, users):
    from models import db
    from tests.helpers import login

    browser = app.test_client()
    page = browser.get("/login", headers={"Accept-Language": "de-BE,de;q=0.9"})
    assert 'lang="de"' in page.get_data(as_text=True) and "Anmelden" in page.get_data(as_text=True)
    assert 'lang="fr"' in browser.get("/login", headers={"Accept-Language": "es"}).get_data(
        as_text=True
    )
    browser.post("/language", data={"language": "nl", "next": "/login"})
    login(browser, "secretariat")
    assert db.session.get(type(users["secretariat"]), users["secretariat"].id).language == "nl"
    other_browser = app.test_client()  # the account remembers, whatever the browser says
    login(other_browser, "secretariat")
    assert 'lang="nl"' in other_browser.get("/admin/", headers={"Accept-Language": "fr"}).get_data(
        as_text=True
    )


def test_form_validation_messages_follow_the_language(app, users):
    from tests.helpers import login

    browser = app.test_client()
    browser.post("/language", data={"language": "de"})
    login(browser, "secretariat")
    page = browser.post("/admin/person/new/", data={"first_name": "", "last_name": "X"}).get_data(
        as_text=True
    )
    assert "Dieses Feld wird benötigt." in page  # WTForms' own German


def test_command_line_speaks_the_shell_language(app, users, monkeypatch):
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    output = app.test_cli_runner().invoke(args=["users", "list"]).output
    assert "actief" in output


# Flask-Admin's shipped wording, which the backoffice replaces: no page may show it.
SHIPPED = {
    "fr": ["Veuillez sélectionner le modèle", "Créer Nouvel Enregistrement"],
    "nl": ["Selecteer model", "Nieuwe Record Maken"],
    "de": ["Bitte Modell auswählen", "Datenzatz"],
    "en": ["Please select model", "Create New Record"],
}
# What each language reads instead: the list's button to create a record,
CREATE = {
    "fr": "Créer un enregistrement",
    "nl": "Record aanmaken",
    "de": "Datensatz anlegen",
    "en": "Create a record",
}
# the placeholder of a form's drop-down,
CHOOSE = {"fr": "Choisir…", "nl": "Kies…", "de": "Auswählen…", "en": "Choose…"}
# a row's button to delete it,
DELETE = {
    "fr": "Supprimer l&#39;enregistrement",
    "nl": "Record verwijderen",
    "de": "Datensatz löschen",
    "en": "Delete the record",
}
# and what a refused creation says.
REFUSED = {
    "fr": "L&#39;enregistrement n&#39;a pas été créé.",
    "nl": "Het record is niet aangemaakt.",
    "de": "Der Datensatz wurde nicht angelegt.",
    "en": "The record was not created.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_flask_admins_own_strings_read_right_in_every_language(app, users, language):
    from tests import factories
    from tests.helpers import login

    factories.housing_stay(factories.housing_unit(), date(2025, 3, 1))
    browser = app.test_client()
    browser.post("/language", data={"language": language})
    login(browser, "secretariat")
    form = browser.get("/admin/housingstay/new/").get_data(as_text=True)
    listing = browser.get("/admin/housingstay/").get_data(as_text=True)
    for wrong in SHIPPED[language]:
        assert wrong not in form and wrong not in listing
    assert f'data-placeholder="{CHOOSE[language]}"' in form
    assert f'title="{CREATE[language]}"' in listing
    assert f'title="{DELETE[language]}"' in listing
    refused = browser.post("/admin/housingstay/new/", data={"entry_date": "x"})
    assert REFUSED[language] in refused.get_data(as_text=True)
    assert "Failed to create record." not in refused.get_data(as_text=True) or language == "en"
