"""Adapters: SQLAlchemy persistence, the photo store, passwords, CSV formats, barcodes."""
