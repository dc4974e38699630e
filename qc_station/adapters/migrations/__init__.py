"""Alembic migrations of the schema in ``qc_station.adapters.orm``.

Run them with ``qc_station.adapters.migrate.upgrade(engine)`` (or ``qc-station db upgrade``);
no ``alembic.ini`` is needed at run time. A package, so that ``env.py`` ships with it.
"""
