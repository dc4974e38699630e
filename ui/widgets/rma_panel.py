"""The RMA at a glance (SPEC §2 step 2): order, customer, products, stated reason, price and
currency, market, days since delivery, the return window, and every unit with its state (so
the inspector sees units of the same RMA decided earlier)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from qc_station.domain.enums import WindowStatus
from qc_station.services.views import RmaView

from ..display import money as money
from ..labels import headline_label, stated_reason_label, unit_state_label, window_label


class RmaPanelWidget(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rmaPanel")
        layout = QVBoxLayout(self)
        self.code_label = QLabel()
        self.code_label.setObjectName("rmaCode")
        layout.addWidget(self.code_label)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        layout.addLayout(form)
        self._fields: dict[str, QLabel] = {}
        for key, title in (
            ("order", self.tr("Order")),
            ("customer", self.tr("Customer")),
            ("products", self.tr("Product")),
            ("reason", self.tr("Stated reason")),
            ("market", self.tr("Market")),
            ("delivered", self.tr("Since delivery")),
            ("window", self.tr("Window")),
            ("units", self.tr("Units")),
        ):
            value = QLabel()
            value.setObjectName(f"rma_{key}")
            value.setWordWrap(True)
            self._fields[key] = value
            form.addRow(QLabel(title), value)
        self.show_rma(None)

    def field(self, key: str) -> QLabel:
        return self._fields[key]

    def show_rma(self, rma: RmaView | None, focus_lpn: str | None = None) -> None:
        self.setVisible(rma is not None)
        if rma is None:
            return
        self.code_label.setText(rma.code)
        self._fields["order"].setText(rma.order_id or "—")
        self._fields["customer"].setText(rma.customer or "—")
        self._fields["products"].setText(
            "\n".join(
                f"{line.product_name} · {line.sku} · {money(line.unit_price, rma.currency)}"
                + (f" × {line.quantity}" if line.quantity > 1 else "")
                for line in rma.lines
            )
        )
        requested = (
            self.tr("wants an exchange")
            if rma.requested_resolution.value == "EXCHANGE"
            else self.tr("wants a refund")
        )
        self._fields["reason"].setText(f"“{stated_reason_label(rma.stated_reason)}” — {requested}")
        self._fields["market"].setText(f"{rma.market} · {rma.currency}")
        if rma.days_since_delivery is None:
            delivered = self.tr("delivery date unknown")
        else:
            delivered = self.tr("{days} days").format(days=rma.days_since_delivery)
            if rma.window.estimated:
                delivered += " " + self.tr("(estimated from the order date)")
        self._fields["delivered"].setText(delivered)
        window = self._fields["window"]
        window.setText(
            window_label(rma.window.status)
            + (
                " "
                + self.tr("({days} of {limit} days)").format(
                    days=rma.window.days, limit=rma.window.limit
                )
                if rma.window.days is not None
                else ""
            )
        )
        window.setProperty("status", rma.window.status.value)
        window.setProperty(
            "warning", rma.window.status in (WindowStatus.EXCEEDED, WindowStatus.UNKNOWN)
        )
        window.style().unpolish(window)
        window.style().polish(window)
        rows = []
        for unit in rma.units:
            text = f"{unit.lpn} — {unit_state_label(unit.state)}"
            if unit.decision is not None:
                text += f" ({headline_label(unit.decision.final.headline)})"
            if unit.claimed_station:
                text += " " + self.tr("at {station}").format(station=unit.claimed_station)
            if unit.lpn == focus_lpn:
                text = "▶ " + text
            rows.append(text)
        self._fields["units"].setText("\n".join(rows))
