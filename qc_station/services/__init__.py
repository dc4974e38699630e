"""Use cases over a unit of work: scan, claim, inspect, decide, approve, import, export, users.

Service functions take plain values and a ``ServiceContext``, return plain views (``*View``),
and raise the expected errors of ``qc_station.domain.errors``. No Qt, no SQLAlchemy here.
"""
