"""The administrator manages accounts: create, change role, reset password, deactivate."""

from __future__ import annotations

from sqlalchemy import func, select

from models import db
from models.accounts import User, UserSession
from tests import factories
from tests.admin import crud
from tests.helpers import login


def accounts() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_administrator_creates_a_partner_who_can_log_in(app, as_role):
    admin = as_role("administrator")
    org = factories.organisation("GREOVA")
    response = crud.create(
        admin,
        "user",
        {
            "username": "greova-lecture",
            "role": "partner",
            "organisation": org.id,
            "language": "fr",
            "active": "y",
            "new_password": "un mot de passe long",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "greova-lecture"))
    assert user.password_hash.startswith("$argon2id$")
    assert login(app.test_client(), "greova-lecture", "un mot de passe long").status_code == 302


def test_list_and_export_never_show_password_hashes(as_role):
    admin = as_role("administrator")
    for path in ("/admin/user/", "/admin/user/export/csv/", "/admin/user/details/?id=1"):
        assert "$argon2" not in admin.get(path).get_data(as_text=True)


def test_short_password_is_refused_next_to_the_field(as_role):
    data = {"username": "court", "role": "secretariat", "new_password": "trop court"}
    answer = crud.send(as_role("administrator"), User, data)
    assert answer.status == 200 and answer.records == 3  # the accounts of the three roles
    assert crud.error_next_to(answer.page, "new_password", "au moins 12 caractères")
    assert 'value="court"' in answer.page


def test_partner_without_organisation_is_refused(as_role):
    data = {"username": "orphelin", "role": "partner", "new_password": "un mot de passe long"}
    answer = crud.send(as_role("administrator"), User, data)
    assert "Un compte partenaire doit avoir une organisation" in answer.page
    assert answer.records == 3


def test_deactivating_ends_the_accounts_sessions(app, as_role, users):
    secretariat = as_role("secretariat")
    admin = as_role("administrator")
    user = users["secretariat"]
    response = crud.edit(admin, "user", user.id, {"username": "secretariat", "role": "secretariat"})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.active is False
    assert db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)).all() == []
    assert secretariat.get("/admin/").status_code == 302


def test_reset_password_and_change_role(app, as_role, users):
    admin = as_role("administrator")
    user = users["coordinator"]
    crud.edit(
        admin,
        "user",
        user.id,
        {
            "username": "coordinator",
            "role": "secretariat",
            "active": "y",
            "new_password": "nouveau mot de passe",
        },
    )
    db.session.refresh(user)
    assert user.role == "secretariat"
    assert login(app.test_client(), "coordinator", "nouveau mot de passe").status_code == 302


def test_accounts_are_deactivated_not_deleted(as_role, users):
    admin = as_role("administrator")
    response = admin.post("/admin/user/delete/", data={"id": users["secretariat"].id})
    assert response.status_code == 403
    assert accounts() == 3


def test_command_line_manages_accounts(app, users, monkeypatch):
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")  # the command line speaks the shell's language
    runner = app.test_cli_runner()
    factories.organisation("AISOVA", short_name="AISOVA")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "aisova",
            "--role",
            "partner",
            "--organisation",
            "AISOVA",
            "--password-stdin",
        ],
        input="un mot de passe long\n",
    )
    assert result.exit_code == 0, result.output
    short = runner.invoke(
        args=["users", "create", "x", "--role", "secretariat", "--password-stdin"], input="court\n"
    )
    assert short.exit_code != 0 and "12" in short.output
    listing = runner.invoke(args=["users", "list"]).output
    assert "aisova\tpartner (AISOVA)\tactif" in listing
    assert runner.invoke(args=["users", "deactivate", "aisova"]).exit_code == 0
    assert "aisova\tpartner (AISOVA)\tinactif" in runner.invoke(args=["users", "list"]).output
    reset = runner.invoke(
        args=["users", "set-password", "secretariat", "--password-stdin"],
        input="encore un autre secret\n",
    )
    assert reset.exit_code == 0
    assert login(app.test_client(), "secretariat", "encore un autre secret").status_code == 302
