"""(to be written)"""


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
