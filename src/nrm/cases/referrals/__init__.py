"""Referrals: the intake of referrals and anonymous notifications through every door (API,
CSV import, web journey)."""
