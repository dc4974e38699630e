"""Pages of the station window: thin widgets that render a presenter's state."""
