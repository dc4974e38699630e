"""Printing: pure functions from data to PDF bytes (labels, reports). No Qt, files or clocks."""
