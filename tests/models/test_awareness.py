from datetime import date

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError

from models import db
from models.awareness import (
    AwarenessAction,
    CommunicationMaterial,
    Language,
    MaterialKind,
    Occasion,
    action_material,
    format_languages,
    parse_languages,
)
from tests import factories


@pytest.mark.parametrize(
    ("chosen", "stored"),
    [
        (["nl", "fr"], "fr,nl"),
        (["en", "de", "nl", "fr"], "fr,nl,de,en"),
        (["de", "de"], "de"),
        ([Language.EN], "en"),
        ([], None),
    ],
)
def test_languages_are_stored_in_a_fixed_order_without_repeats(chosen, stored):
    assert format_languages(chosen) == stored


def test_an_unknown_language_cannot_be_stored():
    with pytest.raises(ValueError):
        format_languages(["fr", "es"])


@pytest.mark.parametrize("stored", [None, "", "fr", "fr,nl,de,en"])
def test_stored_languages_read_back_as_chosen(stored):
    assert format_languages(parse_languages(stored)) == (stored or None)


def unsaved_material(**fields) -> CommunicationMaterial:
    return CommunicationMaterial(title="Dépliant", kind=MaterialKind.FLYER, quantity=100, **fields)


@pytest.mark.parametrize("stored", ["nl,fr", "fr,es", "fr,,nl", "FR", ""])
def test_the_database_refuses_languages_not_written_by_format_languages(stored):
    db.session.add(unsaved_material(languages=stored))
    with pytest.raises(IntegrityError, match="languages_valid"):
        db.session.commit()


@pytest.mark.parametrize(
    ("kind", "accepted"),
    [
        (MaterialKind.FLYER, False),
        (MaterialKind.POSTER, False),
        (MaterialKind.GOODIES, False),
        (MaterialKind.WEB_PAGE, True),
        (MaterialKind.VIDEO, True),
    ],
)
def test_only_web_pages_videos_and_others_go_without_a_quantity(kind, accepted):
    db.session.add(CommunicationMaterial(title="Support", kind=kind))
    if accepted:
        db.session.commit()
    else:
        with pytest.raises(IntegrityError, match="quantity_counted"):
            db.session.commit()


def test_the_database_refuses_negative_counts():
    db.session.add(
        AwarenessAction(
            title="Stand", occasion=Occasion.OTHER, held_on=date(2025, 1, 1), public_reached=-1
        )
    )
    with pytest.raises(IntegrityError, match="public_reached_not_negative"):
        db.session.commit()


def test_a_material_used_by_an_action_cannot_be_deleted_even_bypassing_the_screens():
    flyer = factories.material()
    factories.awareness_action(materials=[flyer])
    with pytest.raises(IntegrityError):
        db.session.execute(
            delete(CommunicationMaterial).where(CommunicationMaterial.id == flyer.id)
        )
        db.session.commit()


def test_deleting_an_action_removes_its_links_only():
    flyer, partner = factories.material(), factories.organisation("GREOVA")
    record = factories.awareness_action(materials=[flyer], partners=[partner])
    # A database-level delete, as a migration or a console would do it.
    db.session.execute(text("DELETE FROM awareness_action WHERE id = :id"), {"id": record.id})
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(action_material)) == 0
    assert db.session.get(CommunicationMaterial, flyer.id) is not None
