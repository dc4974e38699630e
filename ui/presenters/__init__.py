"""Presenters: QObjects without widgets that hold a page's state and call the services through
the task runner. Each emits ``state_changed``, ``error_message`` and ``busy_changed``."""
