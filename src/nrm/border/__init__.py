"""The border: risk profiles that screen visa applications and passengers, and the airline
crew's confidential line to Border Force before landing (docs/border.md)."""
