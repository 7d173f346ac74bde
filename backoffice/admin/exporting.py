"""CSV and XLSX exports of every admin list, through the backoffice's one export writer.

Flask-Admin's own exports read every row as a record at once, stream the CSV after the
request's database session has closed (the download broke after its first line), write
XLSX cells as text and let formulas through. Here the rows the user may export are chosen
in the request (its filters, search, sort and the role's row filter), as ids; the records
are then read a batch at a time, each batch forgotten once written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from flask import request
from sqlalchemy import inspect, select
from sqlalchemy.orm import defaultload, selectinload

from models import db
from models.audit import AuditAction

from .. import audit, exports

BATCH_SIZE = 1000


def related_loads(model, names, hops: int = 1) -> list:
    """Loader options for the related records columns show ("unit", "person.organisation"),
    reached through at least `hops` relations, so that a page or a batch of rows reads
    them in one statement per relation."""
    loads = []
    for name in names:
        mapper, chain = inspect(model), []
        for part in str(getattr(name, "key", name)).split("."):
            relationship = mapper.relationships.get(part)
            if relationship is None:
                break
            chain.append(getattr(mapper.class_, part))
            mapper = relationship.mapper
        if len(chain) >= hops:
            option = selectinload(chain[-1]) if len(chain) == 1 else defaultload(chain[0])
            for attribute in chain[1:-1]:
                option = option.defaultload(attribute)
            loads.append(option if len(chain) == 1 else option.selectinload(chain[-1]))
    return loads


class ExportingModel:
    """Exports of a Flask-Admin model view: typed cells, safe text, bounded memory."""

    def _export_ids(self) -> list[int]:
        """Return the ids of the rows to export, in the list's order, as the user sees them."""
        args = self._get_list_extra_args()
        sort = self._get_column_by_idx(args.sort)
        _count, query = self.get_list(
            0,
            sort[0] if sort else None,
            args.sort_desc,
            args.search,
            args.filters,
            execute=False,
            page_size=self.export_max_rows,
        )
        # Read in chunks: the ids alone, never a list of result rows, are held at once.
        ids = query.with_entities(self.model.id).yield_per(10 * BATCH_SIZE)
        return list(dict.fromkeys(row_id for (row_id,) in ids))  # once each, in order

    def _export_loads(self, names: list[str]) -> list:
        """Load what the exported columns show of related records with each batch."""
        return related_loads(self.model, [*names, *self._auto_joins])

    def _export_records(self, ids: list[int], names: list[str]) -> Iterator:
        """Yield the records of `ids` in that order, read one batch at a time."""
        loads = self._export_loads(names)
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            statement = select(self.model).where(self.model.id.in_(batch)).options(*loads)
            by_id = {record.id: record for record in db.session.scalars(statement)}
            yield from (by_id[i] for i in batch if i in by_id)
            by_id.clear()
            db.session.expunge_all()  # the batch's records may go

    def _export_names(self) -> list[str]:
        # Read in the request: the columns depend on who asks (access.hidden_columns), and
        # the rows are written later, outside the request's context.
        return [name for name, _label in self._export_columns]

    def _export_value(self, name: str) -> Callable:
        """How one column's value is read from a record, decided once for every row.

        What `get_export_value` does (the column's formatter or its value, the label of its
        choice, nothing for None), with the rules looked up and the labels translated once.
        """
        if self.column_type_formatters_export:
            return lambda record: self.get_export_value(record, name)
        formatter = self.column_formatters_export.get(name)
        labels = {key: str(label) for key, label in self._column_choices_map.get(name, {}).items()}
        parts = name.split(".")

        def value(record):
            if formatter is not None:
                record = formatter(self, None, record, name)
            else:
                for part in parts:
                    record = getattr(record, part, None)
                    if record is None:
                        return ""
            if labels:
                record = labels.get(record) or record
            return "" if record is None else record

        return value

    def _export_rows(self, ids: list[int], names: list[str]) -> Iterator[list]:
        values = [self._export_value(name) for name in names]
        for record in self._export_records(ids, names):
            yield [value(record) for value in values]

    def _export_headers(self) -> list[str]:
        return [str(label) for _name, label in self._export_columns]

    def _export_filename(self, extension: str) -> str:
        return f"{exports.sheet_name(self.name)}_{time.strftime('%Y-%m-%d_%H-%M-%S')}.{extension}"

    def _record_export(self, count: int) -> None:
        audit.record_event(
            AuditAction.EXPORT,
            table_name=self.model.__tablename__,
            detail=f"{count} {request.path}"[:300],
        )

    def _export_csv(self, return_url):
        ids, names = self._export_ids(), self._export_names()
        self._record_export(len(ids))
        rows = exports.isolated(lambda: self._export_rows(ids, names))
        return exports.csv_response(self._export_filename("csv"), self._export_headers(), rows)

    def _export_tablib(self, export_type: str, return_url):
        # Only XLSX is offered besides CSV (`export_types`); Flask-Admin checked the type.
        ids, names = self._export_ids(), self._export_names()
        rows = exports.isolated(lambda: self._export_rows(ids, names))
        sheet = exports.Sheet(str(self.name), self._export_headers(), rows)
        response = exports.xlsx_response(self._export_filename("xlsx"), [sheet])
        self._record_export(len(ids))
        return response
