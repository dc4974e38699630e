"""Labels, inspection reports and evidence packs from what the database holds (SPEC §7.4, §9).

The ``printing`` package renders pure data; this module gathers that data in one read-only
unit of work — the RMA, its lines and units, inspections with their photos (from the photo
store), the current decisions with reasons and approvals, who the people are, and the audit
events about the unit — and turns times into the station's local time.

A label reflects where the unit stands:

- not yet decided (``expected`` or ``in_inspection``): "received — not inspected";
- awaiting approval: the proposed headline, grade and disposition, held with the reason
  "awaiting supervisor approval", so nobody puts it away before the second pair of eyes;
- decided: headline, grade, disposition, and the bin configured for the disposition — or,
  for a HOLD, the decision's reason instead of a bin.

Nothing here writes: a rendered document may be only a preview, and a print may reach the
printer much later (the spool keeps it), or never. A print joins its units' story once the
printer has taken it or a person discarded it: the print queue tells
``services.print_history``, which audits it (``document.printed``, ``document.print_failed``)
in a unit of work of its own.
"""

from __future__ import annotations

from .document_sources import AWAITING_APPROVAL, PAGE_SIZES
from .evidence_packs import EvidencePack, evidence_pack
from .label_documents import LabelDocument, LabelSettings, label_data, label_pdf
from .report_documents import ClipFrames, ReportDocument, report_data, report_pdf

# Labels, reports and evidence packs live in label_documents, report_documents and
# evidence_packs, what they share in document_sources; callers name them from here.
__all__ = [
    "AWAITING_APPROVAL",
    "PAGE_SIZES",
    "ClipFrames",
    "EvidencePack",
    "LabelDocument",
    "LabelSettings",
    "ReportDocument",
    "evidence_pack",
    "label_data",
    "label_pdf",
    "report_data",
    "report_pdf",
]
