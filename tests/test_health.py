"""`/healthz` tells a load balancer whether the server and its database answer, and nothing else."""

from sqlalchemy import create_engine

from models import db


def test_health_answers_ok_without_login(anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert "Set-Cookie" not in response.headers


def test_health_answers_503_when_the_database_does_not(app, anonymous, monkeypatch):
    # A database that cannot be reached: a port where nothing listens.
    dead = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=1")
    with app.app_context():
        monkeypatch.setitem(db.engines, None, dead)
        response = anonymous.get("/healthz")
    dead.dispose()
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "unavailable\n"
