"""The repositories of ``qc_station.services.ports`` on SQLAlchemy 2, for SQLite and PostgreSQL.

They keep the contracts documented in the ports and shown by ``tests/fakes.py``; the contract
tests in ``tests/integration/test_repository_contract.py`` run the same checks on all three.

- Everything handed out is a new domain dataclass built from the row; ORM objects never leave
  this module, so a caller can change what it got without touching the database.
- Each repository works in the unit of work's one ``Session``; nothing here commits.
- Money is converted at this boundary: domain ``Decimal`` ↔ integer minor units of the
  currency (see ``orm``). An amount finer than its currency's minor unit is refused rather
  than rounded: the domain rounds (SPEC §3), so such an amount is a bug upstream, and silently
  rounding money would hide it.
- Inserts that can collide with an existing key (a second RMA with the same code, a batch id
  taken by another station) run in a SAVEPOINT and turn the unique violation into
  ``Conflict``. The savepoint keeps the transaction usable afterwards, on PostgreSQL too,
  as the in-memory fake's is.
- Lists are ordered so both backends and the fake agree: text keys are compared bytewise
  (``COLLATE "C"`` on PostgreSQL, whose default collation may ignore dashes), ties are broken
  by insertion order.
"""
