"""Writes of casework, one module per concern: ``decisions`` (the events of the state machine,
with the decision rows the statistics read and the notices), ``edits`` (reallocation,
assignment, the summary, notes, the day-30 review) and ``locking`` (the path every change takes:
scope, lock, version, timeline entry, audit).

Every service takes the actor, checks the capability the change needs (``events.RULES``;
audited when refused) and what the actor may see (``nrm.cases.access``), locks the case,
compares the version the actor saw (a stale one is a ``CaseConflict`` and nothing is written),
and records the change, its timeline entry and its audit event in one transaction.
"""
