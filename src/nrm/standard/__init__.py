"""The NRM data standard: every code list, nationality handling and the versioned referral schema.

A code list value appears in code only through this package.
"""
