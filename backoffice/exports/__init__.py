"""Every download of the backoffice's data, CSV or XLSX, written the same safe way.

Lists of the admin, the audit log, the network overview and the yearly report all go
through `cells` (what a value becomes in a file) and `files` (how the file is written).
"""

from .cells import csv_value, safe_text, sheet_name, xlsx_cell
from .files import Sheet, csv_response, isolated, xlsx_response

__all__ = [
    "Sheet",
    "csv_response",
    "csv_value",
    "isolated",
    "safe_text",
    "sheet_name",
    "xlsx_cell",
    "xlsx_response",
]
