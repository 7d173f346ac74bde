"""The network overview: every active organisation and the referents, per municipality."""

from flask import Blueprint

bp = Blueprint("overview", __name__, url_prefix="/network-overview")

from . import views  # noqa: E402, F401  (registers the routes on `bp`)
