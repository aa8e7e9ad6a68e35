"""``nrm demo``: a fresh demo case store with the published-table-consistent referrals.

Builds the SQLite database under ``NRM_DATA_DIR`` (default ``./var/demo``), loads the
deterministic demo referrals, and creates one demo account per role, the demo's casework,
intelligence, prosecutions, risk profiles and crew reports. Passwords, each account's set-up
link (with which it sets up its authenticator app), the API token and the demo airlines'
reporting codes are new for each build: they are printed and written to ``credentials.txt``
beside the database.
"""

import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from nrm.accounts.actors import DEMO
from nrm.accounts.models import Organisation, Role, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.accounts.setup_links import setup_link_issue
from nrm.audit.models import AuditVerb
from nrm.cases.casework.backlog import backlog_create
from nrm.cases.models import Referral
from nrm.cases.referrals.build import referral_build
from nrm.cases.referrals.references import references_reserve
from nrm.cases.referrals.services import (
    OrganisationResolver,
    referral_check,
    referrals_save,
)
from nrm.demo.assessment import demo_assessment_intelligence
from nrm.demo.border import demo_border_create
from nrm.demo.casework import demo_casework_create
from nrm.demo.crew_line import demo_crew_line_create, demo_line_organisations_create
from nrm.demo.generator import DEMO_TODAY, generate_records
from nrm.demo.intelligence import demo_intelligence_create
from nrm.demo.intelligence_ocgs import demo_ocgs_create
from nrm.demo.justice import demo_defendants_link, demo_justice_create
from nrm.demo.releases import ANNOUNCED_YEAR, demo_releases_create
from nrm.demo.support_year import demo_support_year_create
from nrm.demo.surges import demo_surges_check
from nrm.intelligence.resolving import resolution_run
from nrm.intelligence.similar_services import plural, similar_accounts_run
from nrm.standard.words import long_date

DEMO_ORGANISATION = {
    DefaultRole.FIRST_RESPONDER: "met-police",
    DefaultRole.CASEWORKER: "home-office-ca",
    DefaultRole.MANAGER: "home-office-ca",
    DefaultRole.SUPPORT_PROVIDER: "salvation-army",
    DefaultRole.ANALYST: "nca-ukhtc",
    DefaultRole.BORDER_FORCE_DUTY_OFFICER: "home-office-border-force",
    DefaultRole.ADMINISTRATOR: None,
    DefaultRole.INTELLIGENCE_ANALYST: "nca-ukhtc",
    DefaultRole.INTELLIGENCE_OFFICER: "met-police",
    DefaultRole.JUSTICE_DATA_OFFICER: "crown-prosecution-service",
    DefaultRole.ENTRY_CLEARANCE_OFFICER: "home-office-ukvi",
    # The crew line's call handler works for Border Force; the airline's account is that of
    # a demo airline on the line (``nrm.demo.crew_line``).
    DefaultRole.CREW_LINE_CALL_HANDLER: "home-office-border-force",
    DefaultRole.AIRLINE_REPORTING: "kestrel-airways",
}
# Accounts beyond one per role: (username, role, organisation code).
DEMO_MORE_ACCOUNTS: list[tuple[str, DefaultRole, str | None]] = [
    # children's services take children into support (docs/support.md)
    ("demo-childrens-services", DefaultRole.SUPPORT_PROVIDER, "childrens-services-england"),
    # Border Force at the crew line's other demo ports (Heathrow's is the duty officer above)
    (
        "demo-border-force-manchester",
        DefaultRole.BORDER_FORCE_DUTY_OFFICER,
        "border-force-manchester",
    ),
    (
        "demo-border-force-edinburgh",
        DefaultRole.BORDER_FORCE_DUTY_OFFICER,
        "border-force-edinburgh",
    ),
]


DEMO_BACKLOG = "open at the end of the reporting period"


class DemoDataInvalid(Exception):
    """The demo cannot be built: a record the standard refuses (a bug), or a non-empty store."""


def _database_path() -> Path | None:
    name = settings.DATABASES["default"]["NAME"]
    engine = str(settings.DATABASES["default"]["ENGINE"])
    return Path(str(name)) if engine.endswith("sqlite3") else None


def demo_referrals_load() -> int:
    """Validate every demo record through the data standard and save it; return the count."""
    return demo_records_load(generate_records())


def demo_records_load(records: list[dict[str, Any]]) -> int:
    """Validate ``records`` through the data standard and save them, as an import of past
    cases does; return the count."""
    resolver = OrganisationResolver(own=None)
    built = []
    counters: dict[str, int] = {}
    with transaction.atomic():
        for record in records:
            checked = referral_check(
                record, resolver=resolver, allow_decisions=True, today=DEMO_TODAY
            )
            if isinstance(checked, list):
                raise DemoDataInvalid("; ".join(f"{e.field}: {e.message}" for e in checked))
            parsed, organisation = checked
            prefix = f"NRM-{parsed.referral_date.year}"
            counters[prefix] = counters.get(prefix, 0) + 1
            built.append((prefix, parsed, organisation))
        reserved = {
            prefix: iter(references_reserve(prefix=prefix, count=n))
            for prefix, n in counters.items()
        }
        rows = []
        now = timezone.now()
        for prefix, parsed, organisation in built:
            rows.append(
                referral_build(
                    parsed,
                    organisation=organisation,
                    submitted_by_id=None,
                    reference=next(reserved[prefix]),
                    now=now,
                )
            )
        referrals_save(
            built=rows, actor=DEMO, verb=AuditVerb.REFERRAL_IMPORT, detail={"door": "demo"}
        )
    return len(rows)


class DemoAccount(NamedTuple):
    role: DefaultRole
    username: str
    password: str
    set_up_link: str  # the address, from NRM_SITE_URL


def demo_accounts_create() -> list[DemoAccount]:
    """One account per role (and one for children's services), each with a random password
    and a set-up link for its authenticator app (no account can set one up with its password
    alone)."""
    demo_line_organisations_create()
    accounts = []
    every = [
        *(
            (f"demo-{role.value.replace('_', '-')}", role, code)
            for role, code in DEMO_ORGANISATION.items()
        ),
        *DEMO_MORE_ACCOUNTS,
    ]
    for username, role, org_code in every:
        organisation = Organisation.objects.get(code=org_code) if org_code else None
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@demo.invalid",
            organisation=organisation,
            role=Role.objects.get(code=role.value),
            is_staff=role == DefaultRole.ADMINISTRATOR,
        )
        issued = setup_link_issue(actor=DEMO, user=user)
        link = f"{settings.NRM_SITE_URL}{issued.path}"
        accounts.append(DemoAccount(role, username, password, link))
    return accounts


def demo_build(*, prepare: Callable[[], None], keep: bool = False) -> None:
    """Build the demo in an empty case store. ``prepare`` creates the store's tables and seeds
    its code tables (the composition root passes ``nrm.config.bootstrap.database_prepare``)."""
    path = _database_path()
    if path is not None and path.exists() and keep:
        print(f"Reusing the demo database at {path}", file=sys.stderr)
        return
    if path is not None and path.exists():
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    prepare()
    if path is None and Referral.objects.exists():
        raise DemoDataInvalid(
            "The demo loads into an empty case store; this database already holds referrals"
        )
    count = demo_referrals_load()
    accounts = demo_accounts_create()
    users = {a.username: User.objects.get(username=a.username) for a in accounts}
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        live = demo_casework_create(today=timezone.localdate(), users=users)
    reports = demo_intelligence_create()
    reports += demo_ocgs_create()
    assessed = demo_assessment_intelligence()
    # After the intelligence of 2011 and 2012, whose invented names avoid those on record.
    with transaction.atomic():
        count += demo_support_year_create(users=users, load=demo_records_load)
    resolved = resolution_run(actor=DEMO)
    alerts = demo_surges_check()
    similar = similar_accounts_run(actor=DEMO)
    prosecutions, recoveries = demo_justice_create()
    linked = demo_defendants_link()
    inherited = backlog_create(actor=DEMO, name=DEMO_BACKLOG, starts_on=DEMO_TODAY)
    now = timezone.now()
    border = demo_border_create(now=now, users=users)
    crew = demo_crew_line_create(now=now, users=users)
    released, announced = demo_releases_create()
    responder = User.objects.get(username="demo-first-responder")
    token = api_token_create(actor=DEMO, user=responder, name="demo")
    lines = [
        f"Demo case store: {path or settings.DATABASES['default']['NAME']} ({count} referrals)",
        f"Live casework: {live} recent cases at every stage; backlog '{DEMO_BACKLOG}' of "
        f"{inherited.cases.count()} cases open on {long_date(DEMO_TODAY)} (try: nrm backlog show "
        f"'{DEMO_BACKLOG}', nrm deadlines --no-email)",
        f"Intelligence: {reports + assessed} graded reports of 2011 and 2012 "
        "(demo-intelligence-analyst, demo-intelligence-officer; try: nrm assessment --year 2012)",
        f"Person resolution: {resolved.records} records are {resolved.people} people; "
        f"{resolved.review_pairs} pairs wait for an analyst's review (/intelligence/resolution/)",
        f"Surges: the checks of 2012 raised {alerts} alerts, among them the Albanian rise "
        "of April 2012 (demo-intelligence-analyst: /surges/; try: nrm surveillance --as-of "
        "2012-05-01 --no-email)",
        f"Similar accounts: {similar.accounts} accounts compared; near copies for an analyst's "
        f"review: {plural(similar.clusters, 'group')}, {plural(similar.pairs, 'pair')} "
        "(/intelligence/similar-accounts/)",
        f"Criminal justice: {prosecutions} prosecutions and {recoveries} cash seizures and "
        "confiscation orders, 2008 to 2013, as chapter 4 of the report publishes them; "
        f"{linked} defendants linked to demo groups (demo-intelligence-analyst: /justice/; "
        "try: nrm report --year 2012)",
        f"Official statistics: {released[0]} to {released[-1]} released, {ANNOUNCED_YEAR} "
        f"announced for {long_date(announced)}; public, without signing in: "
        f"{settings.NRM_SITE_URL}/official-statistics/ (try: nrm statistics calendar)",
        f"Risk profiles: {len(border.profiles)} profiles ({border.versions} versions) modelled "
        "on the Nigerian case study, the first retired when its route closed; "
        f"{border.applications} visa applications and {border.passengers} passengers screened "
        f"in {border.batches} batches, {sum(border.hits.values())} hits, "
        f"{sum(border.outcomes.values())} with an officer's outcome "
        "(demo-intelligence-analyst: /border/profiles/)",
        f"Crew line: {crew.reports} crew reports at {crew.ports} ports, "
        f"{crew.landing_within_hour} landing within the hour (demo-border-force-duty-officer: "
        "/border/crew-reports/). Airline reporting codes for the public form at "
        f"{settings.NRM_SITE_URL}/crew-line/ (new on every build): "
        + ", ".join(f"{name} {code}" for name, code in crew.codes.items()),
        "Demo accounts (fictional; new passwords and set-up links on every build):",
        *(
            line
            for a in accounts
            for line in (
                f"  {a.role.label:<32} {a.username:<32} {a.password}",
                f"    set-up link: {a.set_up_link}",
            )
        ),
        f"Web: {settings.NRM_SITE_URL}/sign-in/. The first time, open the account's set-up "
        f"link (it works once, for {settings.NRM_SETUP_LINK_HOURS} hours), sign in with its "
        "username and password and set up an authenticator app from the QR code shown; every "
        "sign-in then asks for its code. A new link: "
        f"NRM_DATA_DIR={settings.DATA_DIR} nrm accounts setup-link --username USER",
        f"API token of demo-first-responder (Metropolitan Police Service): {token}",
        f"  try: curl -H 'Authorization: Bearer <token>' {settings.NRM_SITE_URL}/api/v1/referrals",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    credentials = settings.DATA_DIR / "credentials.txt"
    credentials.write_text(text, encoding="utf-8")
    credentials.chmod(0o600)
