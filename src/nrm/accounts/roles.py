"""The roles Open NRM ships with (DESIGN.md, "Who uses it"). Roles are data: ``roles_seed``
writes these to the database, and administrators may change or add roles there."""

from dataclasses import dataclass

from django.db import models

from nrm.accounts.capabilities import Capability as C
from nrm.accounts.capabilities import Scope


class DefaultRole(models.TextChoices):
    FIRST_RESPONDER = "first_responder", "First responder"
    CASEWORKER = "caseworker", "Competent authority caseworker"
    MANAGER = "manager", "Competent authority manager"
    SUPPORT_PROVIDER = "support_provider", "Support provider"
    ANALYST = "analyst", "Analyst"
    BORDER_FORCE_DUTY_OFFICER = "border_force_duty_officer", "Border Force duty officer"
    ADMINISTRATOR = "administrator", "Administrator"
    INTELLIGENCE_ANALYST = "intelligence_analyst", "Intelligence analyst"
    INTELLIGENCE_OFFICER = "intelligence_officer", "Intelligence officer"
    JUSTICE_DATA_OFFICER = "justice_data_officer", "Justice data officer"
    ENTRY_CLEARANCE_OFFICER = "entry_clearance_officer", "Entry clearance officer"
    AIRLINE_REPORTING = "airline_reporting", "Airline crew reporting"
    CREW_LINE_CALL_HANDLER = "crew_line_call_handler", "Crew line call handler"


@dataclass(frozen=True)
class RoleDefinition:
    scope: Scope
    capabilities: frozenset[C]


DEFAULT_ROLES: dict[DefaultRole, RoleDefinition] = {
    DefaultRole.FIRST_RESPONDER: RoleDefinition(
        Scope.OWN_ORGANISATION,
        frozenset(
            {C.SUBMIT_REFERRAL, C.SUBMIT_NOTIFICATION, C.READ_REFERRALS, C.REQUEST_RECONSIDERATION}
        ),
    ),
    DefaultRole.CASEWORKER: RoleDefinition(
        Scope.OWN_COMPETENT_AUTHORITY,
        frozenset(
            {
                C.READ_REFERRALS,
                C.READ_ACCOUNT_TEXT,
                C.RECORD_RG_DECISION,
                C.RECORD_CG_DECISION,
                C.VIEW_DEADLINES,
            }
        ),
    ),
    DefaultRole.MANAGER: RoleDefinition(
        Scope.OWN_COMPETENT_AUTHORITY,
        frozenset(
            {
                C.READ_REFERRALS,
                C.READ_ACCOUNT_TEXT,
                C.RECORD_RG_DECISION,
                C.RECORD_CG_DECISION,
                C.VIEW_DEADLINES,
                C.ALLOCATE_CASE,
                C.EXTEND_DEADLINE,
                C.HANDLE_RECONSIDERATION,
            }
        ),
    ),
    DefaultRole.SUPPORT_PROVIDER: RoleDefinition(
        Scope.SUPPORT,
        frozenset({C.READ_REFERRALS, C.RECORD_SUPPORT, C.REQUEST_RECONSIDERATION}),
    ),
    DefaultRole.ANALYST: RoleDefinition(
        Scope.NONE, frozenset({C.READ_EXTRACTS, C.RELEASE_STATISTICS})
    ),
    # Border Force at one port (their organisation's port, docs/crew-line.md): the crew
    # reports routed there, their outcomes on arrival, and a referral started from one (a
    # Border Force officer is a first responder: the drafts of their own organisation).
    DefaultRole.BORDER_FORCE_DUTY_OFFICER: RoleDefinition(
        Scope.OWN_ORGANISATION,
        frozenset(
            {
                C.READ_CREW_REPORTS,
                C.SCREEN_AT_BORDER,
                C.RECORD_CREW_OUTCOMES,
                C.SUBMIT_REFERRAL,
                C.SUBMIT_NOTIFICATION,
                C.READ_BORDER_GUIDANCE,
            }
        ),
    ),
    DefaultRole.ADMINISTRATOR: RoleDefinition(Scope.NONE, frozenset({C.MANAGE_ACCOUNTS})),
    # The national hub: every organisation's intelligence its handling codes allow, the NRM
    # records of the people linked to it, the review of records proposed as one person, the
    # review of accounts that are near copies of others (which reads the accounts compared) and
    # the surge alerts on counts of referrals. No case scope: cases are read only through their
    # link or a similar-accounts lead.
    DefaultRole.INTELLIGENCE_ANALYST: RoleDefinition(
        Scope.NONE,
        frozenset(
            {
                C.READ_INTELLIGENCE,
                C.READ_NATIONAL_INTELLIGENCE,
                C.READ_LINKED_NRM_RECORDS,
                C.RESOLVE_PEOPLE,
                C.MONITOR_SURGES,
                C.READ_ACCOUNT_TEXT,
                C.REVIEW_SIMILAR_ACCOUNTS,
                C.READ_PROSECUTIONS,
                C.MANAGE_RISK_PROFILES,
            }
        ),
    ),
    # A police force or Border Force: records reports, reads its own and those shared with it.
    DefaultRole.INTELLIGENCE_OFFICER: RoleDefinition(
        Scope.NONE, frozenset({C.RECORD_INTELLIGENCE, C.READ_INTELLIGENCE})
    ),
    # The Crown Prosecution Service, the Public Prosecution Service for Northern Ireland or the
    # Crown Office: records its own prosecutions and asset recovery and reads them, no other's.
    DefaultRole.JUSTICE_DATA_OFFICER: RoleDefinition(
        Scope.NONE, frozenset({C.RECORD_PROSECUTIONS})
    ),
    # UK Visas and Immigration: screens the visa applications it decides against the active
    # risk profiles and records the outcome of each hit (never an automatic refusal); reads the
    # border guidance (what to look for, the profiles in use, who refers).
    DefaultRole.ENTRY_CLEARANCE_OFFICER: RoleDefinition(
        Scope.NONE, frozenset({C.SCREEN_AT_BORDER, C.READ_BORDER_GUIDANCE})
    ),
    # An airline's system (or its crew reporting desk): sends crew reports for the airline and
    # reads their references and statuses, never what Border Force found.
    DefaultRole.AIRLINE_REPORTING: RoleDefinition(Scope.NONE, frozenset({C.SUBMIT_CREW_REPORTS})),
    # The 24-hour line: takes a crew report by telephone for any airline on the line, with the
    # border guidance of each port at hand (what to look for, who refers there).
    DefaultRole.CREW_LINE_CALL_HANDLER: RoleDefinition(
        Scope.NONE, frozenset({C.TAKE_CREW_CALLS, C.READ_BORDER_GUIDANCE})
    ),
}
