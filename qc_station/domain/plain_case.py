"""Which pending decisions are "plain" enough to approve in bulk (SPEC §2 step 5).

A decision is plain when a supervisor would approve it on sight, because the only thing that
made it wait is its size. Precisely, all of:

1. it needs approval **only** because the refund (or the exchanged unit's price) is at or
   above the currency's approval threshold — not a dispute or partial refund, no override,
   a known return window, not an unexpected return, a currency that has a threshold;
2. its final outcome is the policy's proposal (nothing was overridden);
3. its evidence does not contradict itself: the inspection is on record, and no checklist
   item failed while the finding says the item is as sold (NO_FAULT);
4. it was not sent back before: a unit rejected once deserves a second look;
5. it was decided under the policy in force now: a decision made under another policy
   version is looked at on its own.

Anything else is refused by the bulk approval with these reasons and stays in the queue for
one-by-one review.
"""

from __future__ import annotations

from collections.abc import Iterable

from .enums import ChecklistAnswer, Finding
from .errors import ValidationError
from .model import Decision, DecisionStatus, Inspection
from .outcome import Reason

#: The one approval reason a plain case may have.
PLAIN_APPROVAL_REASON = "approval_threshold"


def plain_case_problems(
    decision: Decision,
    inspection: Inspection | None,
    earlier: Iterable[Decision],
    policy_hash: str,
) -> tuple[Reason, ...]:
    """Why ``decision`` is not a plain case; empty when it is.

    ``earlier`` are the unit's other decisions (any order); ``policy_hash`` is the policy in
    force now.
    """
    problems: list[Reason] = []
    other = [r for r in decision.approval_reasons if r.code != PLAIN_APPROVAL_REASON]
    if other or not decision.approval_reasons:
        problems.append(
            Reason.of(
                "not_plain_reasons",
                codes=[r.code for r in other],
                reasons=[{"code": r.code, "params": r.params} for r in other],
            )
        )
    if decision.overridden or decision.final != decision.proposed:
        problems.append(Reason.of("not_plain_override"))
    if inspection is None:
        problems.append(Reason.of("not_plain_no_inspection"))
    elif inspection.finding == Finding.NO_FAULT:
        failed = sorted(k for k, a in inspection.checklist.items() if a == ChecklistAnswer.FAIL)
        if failed:
            problems.append(
                Reason.of("not_plain_contradiction", finding=Finding.NO_FAULT.value, items=failed)
            )
    if any(d.status == DecisionStatus.REJECTED for d in earlier if d.id != decision.id):
        problems.append(Reason.of("not_plain_rejected_before"))
    if decision.policy_hash != policy_hash:
        problems.append(Reason.of("not_plain_policy", policy=decision.policy_hash))
    return tuple(problems)


class NotPlainCase(ValidationError):
    """A bulk approval met a decision that needs a look of its own; ``params['reasons']``
    are the codes of ``plain_case_problems``."""

    code = "not_plain"
