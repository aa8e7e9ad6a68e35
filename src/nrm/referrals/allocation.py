"""Allocation at intake: the competent authority the active rule set gives (``nrm.casework``)."""

from nrm.casework.allocation import competent_authority_allocate as competent_authority_for

__all__ = ["competent_authority_for"]
