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
    MaterialLanguage,
    Occasion,
    action_material,
)
from tests import factories


def _material(**fields) -> CommunicationMaterial:
    return CommunicationMaterial(title="Dépliant", kind=MaterialKind.FLYER, quantity=100, **fields)


def _languages_stored() -> list[tuple[str, str]]:
    return [
        (row.material_id, row.language)
        for row in db.session.scalars(select(MaterialLanguage).order_by(MaterialLanguage.language))
    ]


@pytest.mark.parametrize(
    ("chosen", "read"),
    [
        (["nl", "fr"], ["fr", "nl"]),
        (["en", "de", "nl", "fr"], ["fr", "nl", "de", "en"]),
        (["de", "de"], ["de"]),
        ([Language.EN], ["en"]),
        ([], []),
    ],
)
def test_languages_read_back_in_belgian_order_without_repeats(chosen, read):
    db.session.add(_material(languages=chosen))
    db.session.commit()
    db.session.expire_all()
    assert db.session.scalars(select(CommunicationMaterial)).one().languages == read
    assert len(_languages_stored()) == len(read)


def test_an_unknown_language_cannot_be_chosen():
    with pytest.raises(ValueError):
        _material(languages=["fr", "es"])


@pytest.mark.parametrize("stored", ["es", "FR", ""])
def test_the_database_refuses_a_language_it_does_not_know(stored):
    material = _material()
    db.session.add(material)
    db.session.flush()
    db.session.add(MaterialLanguage(material_id=material.id, language=stored))
    with pytest.raises(IntegrityError, match="language_valid"):
        db.session.commit()


def test_changing_languages_keeps_the_rows_still_chosen_and_deleting_removes_them():
    material = _material(languages=["fr", "nl"])
    db.session.add(material)
    db.session.commit()
    (kept,) = [row for row in material.language_rows if row.language == "fr"]
    material.languages = ["de", "fr"]
    db.session.commit()
    assert any(row is kept for row in material.language_rows)
    assert _languages_stored() == [(material.id, "de"), (material.id, "fr")]
    db.session.delete(material)
    db.session.commit()
    assert _languages_stored() == []


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
