"""Login, logout and password change."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user

from models.audit import AuditAction

from .. import audit
from . import accounts, passwords, sessions, throttle
from .forms import LoginForm, PasswordChangeForm
from .redirects import local_target

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.index"))
    form = LoginForm()
    status = 200
    if session.pop("expired", False) and request.method == "GET":
        flash(gettext("Your session expired after a period of inactivity. Please log in again."))
    if form.validate_on_submit():
        username, address = form.username.data.strip(), request.remote_addr or "unknown"
        user = accounts.find(username)
        if throttle.is_locked(username, address):
            audit.record_event(AuditAction.LOGIN_FAILED, username=username, detail="locked")
            flash(gettext("Too many failed attempts. Try again in 15 minutes."), "error")
            status = 429
        elif passwords.verify(user.password_hash if user else None, form.password.data) and (
            user.active
        ):
            throttle.clear(username)
            sessions.start(user)
            audit.record_event(AuditAction.LOGIN, username=user.username)
            return redirect(local_target(request.args.get("next")))
        else:
            throttle.record_failure(username, address)
            audit.record_event(AuditAction.LOGIN_FAILED, username=username)
            flash(gettext("Unknown username or wrong password."), "error")
            status = 401
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    username = current_user.username if current_user.is_authenticated else None
    sessions.end(getattr(current_user, "token", None))
    audit.record_event(AuditAction.LOGOUT, username=username)
    flash(gettext("You are logged out."))
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
def change_password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if not passwords.verify(current_user.password_hash, form.current.data):
            form.current.errors.append(gettext("This is not your current password."))
        else:
            accounts.set_password(current_user.account, form.new.data)
            sessions.start(current_user.account)  # the others were ended with the old password
            flash(gettext("Your password was changed."))
            return redirect(url_for("admin.index"))
    return render_template("auth/password.html", form=form)
