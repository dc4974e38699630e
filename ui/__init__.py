"""The PySide6 user interface: thin pages over presenters."""
