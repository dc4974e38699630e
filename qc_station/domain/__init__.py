"""The domain model: returns, units, inspections, decisions and the return policy.

Standard library only: no Qt, no SQLAlchemy, no I/O beyond what a caller passes in.
"""

# The message catalogue words the domain's errors in English (``errors.english_message``):
# load it with the package, so that no error is ever shown before it is in place.
from . import messages as messages
