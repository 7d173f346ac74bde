"""Unbound extensions, bound to an app in create_app()."""

from flask_babel import Babel
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

babel = Babel()
migrate = Migrate()
csrf = CSRFProtect()
