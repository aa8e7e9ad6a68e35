"""Casework: allocation, reasonable and conclusive grounds decisions, deadlines."""
