"""Deterministic demo data: the NRM referrals of April 2009 to December 2012 (3,381 records).

``nrm.demo.generator.generate_records()`` returns flat records in the referral data standard whose
plain counts reproduce the published tables of the Inter-Departmental Ministerial Group's second
report (October 2013); ``nrm.demo.published.compare_with_reference()`` checks that they do. Every
name, officer and account in the records is invented. See ``docs/demo-data.md``.
"""
