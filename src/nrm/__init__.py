"""Open NRM: the National Referral Mechanism and its data hub."""

__version__ = "0.1.0"
