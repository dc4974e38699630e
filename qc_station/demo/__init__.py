"""Demo data for ``qc-station demo`` (SPEC §6, §11): users, a product catalog, a few hundred
RMAs from many markets, inspections with synthetic photos and decisions in every state.

Everything is marked as demo, so nobody mistakes it for real returns:

- RMA codes start with ``DEMO-`` (``DEMO-2026-000001``), order ids with ``DEMO-ORD-``, SKUs
  with ``DEMO-``; the RMAs' source is ``RmaSource.DEMO`` with the source name "demo data";
- users are ``demo-inspector``, ``demo-inspector2``, ``demo-supervisor``,
  ``demo-supervisor2`` and ``demo-admin``, their full names end in "(demo)", and they share
  the documented password ``DEMO_PASSWORD``;
- unexpected returns get their codes from the service (``UNX-…``, by design) and say
  "(demo)" in their customer and stated reason;
- every photo has "DEMO" in its top-left corner.

Only the intake is written here directly (catalog and RMAs, in one transaction with one audit
event, as the manifest import does). Every later change goes through the real services
(``claim_unit``, ``submit_inspection``, ``approve``, ``reject``, ``reopen``,
``create_unexpected_return``, ``add_user``), so the audit chain, the decisions and the
deadlines are the ones the product itself makes.

The services run on a copy of the context whose clock walks from a few days ago up to now,
so decision times, approvals and refund deadlines spread over days (some overdue, as on a
real floor) instead of all sharing one instant. The walk starts no earlier than the newest
audit event, so audit times never go backwards, and it never passes the real clock.

Loading is deterministic given the seed and today's date (the unexpected returns' codes and
the services' own ids aside). It happens only into an empty database, with no users and no
RMAs (SPEC §6): anywhere else the demo users' published password would open a real site, so
the load is refused. ``demo-admin`` is then the site's first admin (the setup step), and acts
for the demo from there on: once a user exists, ``system`` may not act.

This is composition-level code like the command line: it may use the OpenCV adapter to draw
and stamp the photos, which a service may not.
"""

from __future__ import annotations

from .data import (
    DEFAULT_COUNT,
    DEMO_BADGE,
    DEMO_PASSWORD,
    DEMO_PIN,
    DEMO_PREFIX,
    DEMO_SERIES,
    DEMO_SOURCE_NAME,
    DEMO_SPAN,
    DEMO_USERS,
    DESK,
    STATION_1,
    STATION_2,
    DemoUser,
)
from .loading import DemoSummary, load_demo

__all__ = [
    "DEFAULT_COUNT",
    "DEMO_BADGE",
    "DEMO_PASSWORD",
    "DEMO_PIN",
    "DEMO_PREFIX",
    "DEMO_SERIES",
    "DEMO_SOURCE_NAME",
    "DEMO_SPAN",
    "DEMO_USERS",
    "DESK",
    "STATION_1",
    "STATION_2",
    "DemoSummary",
    "DemoUser",
    "load_demo",
]
