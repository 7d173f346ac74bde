"""The one error every backup step raises, with a message for the person at the console."""


class BackupError(Exception):
    """A backup, verification or restore refused or failed; the message says why."""
