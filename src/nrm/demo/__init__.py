"""Deterministic demo data: the NRM referrals of April 2009 to December 2012 (3,381 records).

``nrm.demo.generator.generate_records()`` returns flat records in the referral data standard that
reproduce the published tables of the Inter-Departmental Ministerial Group's second report
(October 2013); the statistics' own verification of the published figures
(``nrm.statistics.published``) checks that they do. Every name, officer and account in the records
is invented. See ``docs/demo-data.md``.
"""
