"""File formats: pure conversions between bytes/text and domain values (manifest and catalog
CSV, the finance CSV, decide-batch cases). Standard library and the domain only; no I/O
beyond the streams a caller passes in."""
