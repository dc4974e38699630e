"""The sign-ins repository on SQLAlchemy (``services.sign_ins``; table ``sign_ins``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from qc_station.services.sign_in_ports import SignIn

from ..orm import SignInRow


class SqlSignInRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, sign_in: SignIn) -> None:
        self.session.add(
            SignInRow(
                id=sign_in.id,
                username=sign_in.username,
                station=sign_in.station,
                signed_in_at=sign_in.signed_in_at,
                key=sign_in.key,
            )
        )
        self.session.flush()

    def get(self, sign_in_id: str) -> SignIn | None:
        row = self.session.get(SignInRow, sign_in_id)
        if row is None:
            return None
        return SignIn(row.id, row.username, row.station, row.signed_in_at, row.key)
