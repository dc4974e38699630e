"""Presenters: QObjects without widgets that hold a page's state and call the services through
the task runner. Each subclasses ``base.Presenter`` (``state_changed``, ``error_message``,
``busy_changed``) and runs its work as ``QueryOp``/``ChangeOp`` operations."""
