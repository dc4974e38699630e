"""Printing from the station window: the print center (render, queue, retry), the print
preview dialog, the "Print queue" work area, and Qt print support for stations without CUPS."""
