"""The production server: `make serve` (and plain `gunicorn wsgi:app` here) reads this file.

Settings come from the environment: HOST, PORT, WEB_CONCURRENCY (workers), LOG_FORMAT.
"""

import multiprocessing
import os

from backoffice.logs import config as logging_config

wsgi_app = "wsgi:app"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
# Two workers a core, plus one: a slow export or PDF does not hold everybody up.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# The application is loaded once, before the workers fork: a worker that dies is
# replaced in about a second instead of importing everything again.
preload_app = True
# A PDF of a ten-year network takes about a second; anything past a minute is stuck.
timeout = 60
graceful_timeout = 20
keepalive = 5
# Only X-Forwarded-* from the host itself; the app decides how many proxies to trust
# (TRUSTED_PROXIES).
forwarded_allow_ips = "127.0.0.1,::1"

# The access log names the path, never the query string (search terms, filters) nor
# the form data: %(U)s is the path alone.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
logconfig_dict = logging_config()


def when_ready(server):
    """Prepare the application before the workers fork (templates, mappers, languages)."""
    from backoffice.warmup import warm_up
    from wsgi import app

    warm_up(app)


def post_fork(server, worker):
    """Give each worker its own database connections, never the parent's."""
    from models import db
    from wsgi import app

    with app.app_context():
        db.engine.dispose(close=False)
