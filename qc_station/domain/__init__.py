"""The domain model: returns, units, inspections, decisions and the return policy.

Standard library only: no Qt, no SQLAlchemy, no I/O beyond what a caller passes in.
"""
