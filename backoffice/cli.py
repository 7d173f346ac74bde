"""Command-line groups: `flask demo ...`."""

import click
from flask import Flask
from flask.cli import AppGroup

demo = AppGroup("demo", help="Demonstration data.")


@demo.command("load")
def load_demo() -> None:
    """Load the fictional demo network (safe to run twice)."""
    from .demo import load

    loaded = load()
    click.echo("Demo data loaded." if loaded else "Demo data already present: nothing done.")


def init_app(app: Flask) -> None:
    app.cli.add_command(demo)
