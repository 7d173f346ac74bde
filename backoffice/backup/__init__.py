"""Encrypted backups of the database: create, verify, restore, list (see commands.py)."""
