from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models import db
from models.agreements import Agreement, AgreementStatus
from tests import factories
from tests.factories import agreement

UPCOMING, ACTIVE, ENDED = AgreementStatus.UPCOMING, AgreementStatus.ACTIVE, AgreementStatus.ENDED
TODAY = date(2025, 6, 15)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "status"),
    [
        (TODAY + DAY, None, UPCOMING),
        (TODAY + DAY, TODAY + 30 * DAY, UPCOMING),
        (TODAY, None, ACTIVE),
        (TODAY, TODAY, ACTIVE),
        (TODAY - 30 * DAY, TODAY, ACTIVE),
        (TODAY - 30 * DAY, None, ACTIVE),
        (TODAY - 30 * DAY, TODAY + DAY, ACTIVE),
        (TODAY - 30 * DAY, TODAY - DAY, ENDED),
    ],
)
def test_status_follows_the_dates(valid_from, valid_until, status):
    crafted = Agreement(title="Test", valid_from=valid_from, valid_until=valid_until)
    assert crafted.status(TODAY) is status


def test_sql_status_condition_agrees_with_the_status_of_each_agreement():
    crafted = [
        agreement(valid_from=TODAY + DAY),
        agreement(valid_from=TODAY, valid_until=TODAY),
        agreement(valid_from=TODAY - 9 * DAY),
        agreement(valid_from=TODAY - 9 * DAY, valid_until=TODAY - DAY),
    ]
    for status in AgreementStatus:
        selected = db.session.scalars(select(Agreement).where(Agreement.in_status(status, TODAY)))
        assert {a.id for a in selected} == {a.id for a in crafted if a.status(TODAY) is status}


def test_expiring_within_selects_agreements_in_force_that_end_soon():
    ends_today = agreement(valid_until=TODAY)
    ends_in_a_month = agreement(valid_until=TODAY + 30 * DAY)
    agreement(valid_until=TODAY + 31 * DAY)
    agreement(valid_until=None)
    agreement(valid_until=TODAY - DAY)
    agreement(valid_from=TODAY + DAY, valid_until=TODAY + 10 * DAY)

    expiring = db.session.scalars(select(Agreement).where(Agreement.expiring_within(30, TODAY)))
    assert {a.id for a in expiring} == {ends_today.id, ends_in_a_month.id}


def test_database_refuses_an_agreement_ending_before_it_starts():
    with pytest.raises(IntegrityError):
        agreement(valid_from=TODAY, valid_until=TODAY - DAY)


def test_database_refuses_an_unknown_kind():
    with pytest.raises(IntegrityError):
        agreement(kind="loan")


def test_agreement_is_named_by_title_and_organisation():
    signed = agreement(organisation=factories.organisation("AISOVA"), title="Logement d'urgence")
    assert str(signed) == "Logement d'urgence (AISOVA)"
