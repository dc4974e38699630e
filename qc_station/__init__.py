"""Returns QC Station: the core (domain, services, adapters, command line).

The version lives here and nowhere else; pyproject, the installer and the GUI read it.
"""

__version__ = "0.1.0"
