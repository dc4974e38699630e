"""An unexpected return (SPEC §2 step 1, §7.2): a parcel with no RMA gets one on the spot,
and its unit is claimed for inspection here, as if it had been scanned.

The SKU is looked up in the product catalog (on the database lane) and fills the product's
name, category, supplier, price and currency, which the inspector may still change. Bad
input is an inline message naming the field; nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.model import Product
from qc_station.services import catalog, returns
from qc_station.services.returns import UnexpectedReturn
from qc_station.services.views import RmaView

from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


def _tr(source: str) -> str:
    return QCoreApplication.translate("UnexpectedReturnPresenter", source)


@dataclass(frozen=True)
class UnexpectedReturnForm:
    """What the inspector typed; all text, checked when submitted."""

    order_id: str = ""
    customer: str = ""
    sku: str = ""
    product_name: str = ""
    category: str = ""
    supplier: str = ""
    reason: str = ""
    carrier: str = ""
    tracking: str = ""
    market: str = ""
    currency: str = ""
    price: str = ""


@dataclass(frozen=True)
class UnexpectedReturnState:
    form: UnexpectedReturnForm = UnexpectedReturnForm()
    scanned_code: str = ""
    #: What the catalog said about the SKU: "" before a lookup.
    lookup_message: str = ""
    product_found: bool = False
    error: str = ""
    busy: bool = False
    #: Bumped when the presenter changed the form (a lookup, a reset): the page re-reads it.
    revision: int = 0


@dataclass(frozen=True)
class _Created:
    rma: RmaView
    lpn: str


def _price(raw: str) -> Decimal | None:
    """A typed price; a lone comma is a decimal comma ("12,50"), but "1,234" is ambiguous and
    refused, as the import does (docs/decisions.md)."""
    text = raw.strip()
    if "," in text:
        whole, _, fraction = text.partition(",")
        if "." in text or "," in fraction or len(fraction) == 3:
            return None
        text = f"{whole}.{fraction}"
    try:
        price = Decimal(text)
    except InvalidOperation:
        return None
    return price if price.is_finite() else None


class UnexpectedReturnPresenter(Presenter[UnexpectedReturnState]):
    unit_claimed = Signal(object, str)  # RmaView, LPN: open the inspection
    cancelled = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, UnexpectedReturnState(), parent)

    # --- commands ------------------------------------------------------------------------

    def begin(self, scanned_code: str) -> None:
        """A fresh form for the parcel whose label said ``scanned_code`` (kept as tracking:
        a parcel without an RMA label usually still has the carrier's)."""
        self._put(
            UnexpectedReturnState(
                form=UnexpectedReturnForm(tracking=scanned_code),
                scanned_code=scanned_code,
                revision=self.state.revision + 1,
            )
        )

    def edit(self, **fields: str) -> None:
        """The inspector typed: keep it, without re-rendering the form."""
        self.state = replace(self.state, form=replace(self.state.form, **fields))

    def look_up_sku(self) -> None:
        sku = self.state.form.sku.strip()
        if not sku or self.state.busy:
            return
        ctx = self._session.ctx
        self.run(QueryOp(lambda: catalog.find_product(ctx, sku), on_success=self._on_lookup_done))

    def submit(self) -> None:
        state = self.state
        if state.busy:
            return
        form = state.form
        problem, parcel = self._parcel(form)
        if parcel is None:
            self._fail(problem)
            return
        session = self._session
        ctx, actor = session.ctx, session.require_actor()

        def create() -> _Created:
            rma = returns.create_unexpected_return(ctx, actor, parcel)
            lpn = rma.units[0].lpn
            return _Created(returns.claim_unit(ctx, actor, lpn), lpn)

        self.run(ChangeOp(create, on_success=self._on_created), error="")

    def cancel(self) -> None:
        self.cancelled.emit()

    # --- results -------------------------------------------------------------------------

    def _on_lookup_done(self, product: object) -> None:
        form = self.state.form
        if not isinstance(product, Product):
            self._set(
                product_found=False,
                lookup_message=_tr(
                    "SKU {sku} is not in the catalog: type the product's name and price."
                ).format(sku=form.sku.strip()),
            )
            return
        # The catalog fills what the inspector left empty; it never overwrites their typing.
        filled = replace(
            form,
            sku=product.sku,
            product_name=form.product_name or product.name,
            category=form.category or product.category,
            supplier=form.supplier or product.supplier,
            currency=form.currency or (product.currency or ""),
            price=form.price or ("" if product.unit_price is None else str(product.unit_price)),
        )
        self._set(
            form=filled,
            product_found=True,
            lookup_message=_tr("Found in the catalog: {name}").format(name=product.name),
            revision=self.state.revision + 1,
        )

    def _on_created(self, result: object) -> None:
        assert isinstance(result, _Created)
        self._session.sounds.success()
        self.unit_claimed.emit(result.rma, result.lpn)

    # --- helpers -------------------------------------------------------------------------

    def _parcel(self, form: UnexpectedReturnForm) -> tuple[str, UnexpectedReturn | None]:
        if not form.sku.strip():
            return _tr("Enter the SKU printed on the item."), None
        if not form.market.strip():
            return _tr("Enter the market (two letters, such as US or DE)."), None
        if not form.currency.strip():
            return _tr("Enter the currency (such as USD, EUR or CNY)."), None
        price = _price(form.price)
        if price is None:
            return _tr("Enter the price as a number, such as 19.99."), None
        return "", UnexpectedReturn(
            sku=form.sku.strip(),
            product_name=form.product_name,
            category=form.category,
            market=form.market,
            currency=form.currency,
            unit_price=price,
            supplier=form.supplier,
            customer=form.customer,
            order_id=form.order_id,
            carrier=form.carrier,
            tracking=form.tracking,
            stated_reason=form.reason,
        )
