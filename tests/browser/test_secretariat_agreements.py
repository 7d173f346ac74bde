"""The secretariat keeps the agreements signed with partner organisations."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login, shown

THIS_YEAR = date.today().year


def test_secretariat_keeps_agreements(page):
    def fill(page):
        choose(page, "Organisation", "ONE")
        choose(page, "Type", "Convention de collaboration")
        field(page, "Titre").fill("Convention de collaboration ONE – accueil des enfants")
        field(page, "Référence").fill(f"CONV-{THIS_YEAR}-07")
        enter_date(page, "Date de signature", date(THIS_YEAR, 3, 2))
        enter_date(page, "Début de validité", date(THIS_YEAR, 4, 1))

    def change(page):
        enter_date(page, "Fin de validité", date(THIS_YEAR + 1, 3, 31))

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Conventions",
            screen="Conventions",
            fill=fill,
            key="Convention de collaboration ONE – accueil des enfants",
            search=f"CONV-{THIS_YEAR}-07",
            filter=("Organisation", "Naissance"),
            change=change,
            changed=shown(date(THIS_YEAR + 1, 3, 31)),
            exported={
                "Titre": "Convention de collaboration ONE – accueil des enfants",
                "Référence": f"CONV-{THIS_YEAR}-07",
                "Date de signature": date(THIS_YEAR, 3, 2),
                "Début de validité": date(THIS_YEAR, 4, 1),
                "Fin de validité": date(THIS_YEAR + 1, 3, 31),
            },
        ),
    )
