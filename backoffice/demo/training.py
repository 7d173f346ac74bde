"""(to be written)"""


def load(year, net) -> None:
    pass
