"""Who may do what: the one place that decides access to every screen.

Areas follow the "who sees what" table of the network: network, agreements, housing,
children, training, awareness, protocols. Accounts and roles do not exist yet, so every
area is open; views still ask here, so that roles plug in without touching any view.
"""

AREAS = ("network", "agreements", "housing", "children", "training", "awareness", "protocols")


def allowed(area: str, action: str) -> bool:
    """Tell whether the current user may perform `action` in `area`."""
    return area in AREAS
