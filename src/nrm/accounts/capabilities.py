"""Capabilities (what an action needs) and scopes (which cases a role sees). Roles are data:
each role grants a set of capabilities and one scope; code checks capabilities, never roles."""

from django.db import models


class Capability(models.TextChoices):
    SUBMIT_REFERRAL = "submit_referral", "Submit referrals"
    SUBMIT_NOTIFICATION = "submit_notification", "Submit anonymous notifications"
    READ_REFERRALS = "read_referrals", "Read the referrals in scope"
    READ_ACCOUNT_TEXT = "read_account_text", "Read the victim's account"
    ALLOCATE_CASE = "allocate_case", "Allocate and reallocate cases"
    RECORD_RG_DECISION = "record_rg_decision", "Record reasonable grounds decisions"
    RECORD_CG_DECISION = "record_cg_decision", "Record conclusive grounds decisions"
    EXTEND_DEADLINE = "extend_deadline", "Extend deadlines and recovery periods"
    HANDLE_RECONSIDERATION = "handle_reconsideration", "Handle reconsiderations"
    REQUEST_RECONSIDERATION = "request_reconsideration", "Request a reconsideration"
    VIEW_DEADLINES = "view_deadlines", "View the deadline dashboard"
    RECORD_SUPPORT = "record_support", "Record support episodes"
    READ_EXTRACTS = "read_extracts", "Read pseudonymised extracts and statistics"
    RELEASE_STATISTICS = (
        "release_statistics",
        "Announce and release official statistics on the release calendar",
    )
    READ_CREW_REPORTS = "read_crew_reports", "Read crew reports for the port"
    RECORD_CREW_OUTCOMES = (
        "record_crew_outcomes",
        "Record the outcome of a crew report for the port on arrival",
    )
    SUBMIT_CREW_REPORTS = (
        "submit_crew_reports",
        "Send crew reports for their airline and read their references and statuses",
    )
    TAKE_CREW_CALLS = "take_crew_calls", "Take crew reports on the 24-hour line"
    MANAGE_ACCOUNTS = "manage_accounts", "Manage organisations, users and roles"
    RECORD_INTELLIGENCE = "record_intelligence", "Record intelligence reports"
    READ_INTELLIGENCE = (
        "read_intelligence",
        ("Read their organisation's intelligence reports and those shared with it"),
    )
    READ_NATIONAL_INTELLIGENCE = (
        "read_national_intelligence",
        ("Read every organisation's intelligence reports that their handling codes allow"),
    )
    READ_LINKED_NRM_RECORDS = (
        "read_linked_nrm_records",
        ("Read the NRM records of people linked to intelligence they may read"),
    )
    RESOLVE_PEOPLE = (
        "resolve_people",
        "Decide whether records proposed as one person are the same person",
    )
    MONITOR_SURGES = (
        "monitor_surges",
        "See surge alerts on counts of referrals and act on them",
    )
    REVIEW_SIMILAR_ACCOUNTS = (
        "review_similar_accounts",
        "Review accounts that are near copies of other accounts",
    )
    RECORD_PROSECUTIONS = (
        "record_prosecutions",
        "Record their prosecuting authority's prosecutions, outcomes and asset recovery",
    )
    READ_PROSECUTIONS = (
        "read_prosecutions",
        "Read every prosecution, outcome and asset recovery, and follow cases to them",
    )
    MANAGE_RISK_PROFILES = (
        "manage_risk_profiles",
        "Write, activate and retire risk profiles and see how they perform",
    )
    SCREEN_AT_BORDER = (
        "screen_at_border",
        "Screen visa applications and passengers against risk profiles and record the "
        "outcome of each hit",
    )
    READ_BORDER_GUIDANCE = (
        "read_border_guidance",
        "Read and print the guidance for each port: what to look for, the risk profiles in use "
        "and who refers, decides and supports",
    )


class Scope(models.TextChoices):
    OWN_ORGANISATION = "own_organisation", "Cases of their own organisation"
    OWN_COMPETENT_AUTHORITY = "own_competent_authority", "Cases of their competent authority"
    ASSIGNED = "assigned", "Cases assigned to them"
    SUPPORT = "support", "People referred to them for support"
    NONE = "none", "No case content"
