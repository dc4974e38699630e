"""``qc-station history CODE``: the unit history (SPEC §8) of an RMA, an LPN, an order id or a
tracking number, in time order, one line per event (prints included), times in UTC; a SKU or
a customer lists its units (at most 50), to be looked up one by one."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TextIO

from qc_station.cli.common import EXIT_OK, Commands, acting_user, open_app
from qc_station.domain.display import format_money
from qc_station.domain.wording import plural
from qc_station.services.history import UnitHistory, UnitList, UnitNow, unit_history


def register(commands: Commands) -> None:
    history = commands.add_parser(
        "history",
        help="a unit's whole story: by RMA, LPN, order id or tracking number (SKU or "
        "customer: the units)",
    )
    history.add_argument("code", metavar="CODE", help="RMA code, LPN, order id, tracking, SKU…")
    history.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    app = open_app(args)
    try:
        actor = acting_user(app, args)
        found = unit_history(app.ctx, actor, args.code)
    finally:
        app.close()
    write_history(found, out)
    return EXIT_OK


def write_history(found: UnitHistory | UnitList, out: TextIO) -> None:
    """The history as the command prints it: the units now, then every event (prints
    included: what was printed on which printer, or why it never printed)."""
    if isinstance(found, UnitList):
        shown = len(found.units)
        more = f" (the first {shown}; there are more)" if found.truncated else ""
        print(f"{found.matched} {found.code}: {plural(shown, 'unit')}{more}", file=out)
        for unit in found.units:
            print(f"  {_unit_line(unit)}", file=out)
        print("Run `qc-station history LPN` for a unit's story.", file=out)
        return
    print(f"History of {found.matched} {found.code} (times in UTC)", file=out)
    print("Units now:", file=out)
    for unit in found.units:
        print(f"  {_unit_line(unit)}", file=out)
    print("Events:", file=out)
    for line in found.lines:
        who = f"{line.actor or '?'}@{line.station or '?'}"
        details = f"  {line.details}" if line.details else ""
        print(f"  {_utc(line.at)}  {who}  {line.subject}  {line.action}{details}", file=out)


def _unit_line(unit: UnitNow) -> str:
    parts = [unit.lpn, unit.sku, unit.state]
    if unit.headline is not None:
        parts += [unit.headline, f"refund {_money(unit)}", str(unit.status)]
        parts.append(f"decided by {unit.decided_by}")
        if unit.approved_by:
            parts.append(f"approved by {unit.approved_by}")
        if unit.export_batch:
            parts.append(f"exported in {unit.export_batch}")
    else:
        parts.append("no decision")
    return "  ".join(parts)


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _money(unit: UnitNow) -> str:
    if unit.refund_amount is None:
        return "—"
    return format_money(unit.refund_amount, unit.currency or "")
