"""Settings split by environment: base, local (default), test, production.

Every value that differs between machines is read from the environment; see docs/settings.md.
"""
