"""The secretariat keeps the agreements signed with partner organisations."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps

THIS_YEAR = date.today().year
TITLE = "Convention de collaboration ONE – accueil des enfants"

AGREEMENTS = Area(
    menu=("Conventions", "Conventions"),
    typed={
        "Titre": TITLE,
        "Organisation": chosen("ONE"),
        "Type": chosen("Convention de collaboration"),
        "Référence": f"CONV-{THIS_YEAR}-07",
        "Date de signature": date(THIS_YEAR, 3, 2),
        "Début de validité": date(THIS_YEAR, 4, 1),
    },
    key=TITLE,
    retyped={"Fin de validité": date(THIS_YEAR + 1, 3, 31)},
    exported={
        "Titre": TITLE,
        "Référence": f"CONV-{THIS_YEAR}-07",
        "Date de signature": date(THIS_YEAR, 3, 2),
        "Début de validité": date(THIS_YEAR, 4, 1),
        "Fin de validité": date(THIS_YEAR + 1, 3, 31),
    },
    search=f"CONV-{THIS_YEAR}-07",
    filter=("Organisation", "Naissance"),
)


def test_secretariat_keeps_agreements(page):
    secretariat_keeps(page, AGREEMENTS)
