"""``python -m qc_station`` runs the command line."""

from qc_station.cli import main

raise SystemExit(main())
