"""The web permission matrix, built from the URL configuration so new pages are covered: every
page declares the capability it needs, and every role, every page and (own case / another
organisation's case / anonymous) gets exactly what its capabilities and scope allow."""

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from nrm.accounts.actors import OPERATOR
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DEFAULT_ROLES, DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.casework.services.decisions import case_event_record, rg_decision_record
from nrm.cases.casework.services.edits import case_edit, case_note_add
from nrm.cases.models import Case
from nrm.cases.referrals.services import draft_save, notification_submit, referral_submit
from nrm.cases.stages import Event
from nrm.config.bootstrap import database_prepare
from nrm.intelligence.models import (
    Entity,
    PairDecision,
    SimilarAccountCluster,
    SimilarClusterReview,
)
from nrm.intelligence.people import MENTION, REFERRAL, record_id
from nrm.intelligence.services import intelligence_report_submit
from nrm.intelligence.similar_services import similar_accounts_run
from nrm.intelligence.surveillance_models import SurgeAlert
from tests.border.factories import active_profile_version
from tests.intelligence.runs import stored_run
from tests.justice.factories import charge, prosecution_make

pytestmark = pytest.mark.django_db

SIGN_IN_STEPS = {
    "sign-in/",
    "sign-in/two-factor/",
    "sign-in/two-factor/set-up/",
    "sign-in/set-up/<str:token>/",
}
# Pages every signed-in user may use, whatever their role.
ANY_SIGNED_IN = {"", "sign-out/"}
# Pages for anyone, signed in or not: the crew line's form (an airline's reporting code) and the
# official statistics: released years' disclosure-controlled editions, their downloads and
# verification, and the release calendar (docs/statistics.md, "The public site"). Nothing else.
OFFICIAL_STATISTICS = {
    "official-statistics/",
    "official-statistics/calendar/",
    "official-statistics/<str:year>/",
    "official-statistics/<str:year>/verification/",
    "official-statistics/<str:year>/<slug:spec_id>.<str:fmt>",
}
PUBLIC = {"crew-line/"} | OFFICIAL_STATISTICS
HOME = {
    DefaultRole.CASEWORKER: "home-office-ca",
    DefaultRole.MANAGER: "home-office-ca",
    DefaultRole.SUPPORT_PROVIDER: "salvation-army",
    DefaultRole.INTELLIGENCE_ANALYST: "nca-ukhtc",
}
INTELLIGENCE = {DefaultRole.INTELLIGENCE_ANALYST, DefaultRole.INTELLIGENCE_OFFICER}


def _pages() -> Iterator[tuple[str, Callable[..., Any]]]:
    def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not route.startswith("api/"):
                yield route, pattern.callback

    return walk(get_resolver().url_patterns)


def test_every_page_declares_its_capability() -> None:
    undeclared = [
        route
        for route, view in _pages()
        if route not in SIGN_IN_STEPS | ANY_SIGNED_IN | PUBLIC
        and not hasattr(view, "required_capability")
    ]
    assert undeclared == []


def test_only_the_sign_in_steps_and_the_public_pages_are_open_without_signing_in() -> None:
    """Deny by default: a view marked ``login_not_required`` is one of the listed pages."""
    open_without_sign_in = {
        route for route, view in _pages() if not getattr(view, "login_required", True)
    }
    assert open_without_sign_in == SIGN_IN_STEPS | PUBLIC


def test_the_public_statistics_pages_need_no_sign_in_and_hide_what_is_not_released() -> None:
    """Anonymous: the index and the calendar open; a year not released (here, none is) and
    anything under it is not found, never a redirect to sign in that would say it exists."""
    client = Client()
    for route in OFFICIAL_STATISTICS:
        url = "/" + route.replace("<str:year>", "2012")
        url = url.replace("<slug:spec_id>", "t01").replace("<str:fmt>", "csv")
        expected = 404 if "<" in route else 200
        assert client.get(url).status_code == expected, route
        assert client.post(url).status_code in (403, 405), route


@pytest.fixture
def cases(
    make_user: Callable[..., User],
    organisation: Organisation,
    other_organisation: Organisation,
    valid_referral: dict[str, Any],
    valid_intelligence_report: dict[str, Any],
) -> dict[str, str]:
    """Two referrals: "own" (met-police, Home Office, supported by the Salvation Army after a
    positive RG) and "other" (another police force, UKHTC); two intelligence reports: "own"
    (met-police, handling code P, its victim the person of the own referral) and "other"
    (another police force, handling code C shared with no one else), each naming a group its
    suspect is a member of."""
    database_prepare()
    own_user, other_user = (
        make_user("seed-own", organisation),
        make_user("seed-other", other_organisation),
    )
    own = referral_submit(actor=own_user, data=valid_referral, organisation=organisation).reference
    uk_national = {
        **valid_referral,
        "claimed_nationalities": ["GBR"],
        "linked_immigration_interest": False,
    }
    other = referral_submit(
        actor=other_user, data=uk_national, organisation=other_organisation
    ).reference
    notification = {"notification_date": "2012-06-01", "nation": "wales", "gender": "male"}
    notes = {
        owner: notification_submit(
            actor=u, data=notification, organisation=u.organisation
        ).reference
        for owner, u in (("own", own_user), ("other", other_user))
    }
    drafts = {
        owner: str(draft_save(actor=u, draft=None, data={"nation": "england"}).pk)
        for owner, u in (("own", own_user), ("other", other_user))
    }
    decider = make_user(
        "seed-cw", Organisation.objects.get(code="home-office-ca"), DefaultRole.CASEWORKER
    )
    rg_decision_record(
        actor=decider, reference=own, positive=True, on=date(2012, 5, 18), expected_version=1
    )
    intelligence = {}
    for owner, home, data in (
        ("own", organisation, {**valid_intelligence_report}),
        ("other", other_organisation, {**valid_intelligence_report, "handling_code": "C",
                                       "handling_conditions": [other_organisation.code]}),
    ):  # fmt: skip
        data["entities"] = [dict(e) for e in data["entities"]] + [
            {"key": "g", "type": "ocg", "ocg_name": f"Sample Group {owner}"}
        ]
        data["links"] = [*data["links"], {"from_key": "e1", "to_key": "g", "type": "member_of"}]
        if owner == "own":
            data["entities"][1]["nrm_reference"] = own
        recorder = make_user(f"seed-intel-{owner}", home, DefaultRole.INTELLIGENCE_OFFICER)
        intelligence[owner] = intelligence_report_submit(
            actor=recorder, data=data, organisation=home
        ).reference
    prosecution = prosecution_make("PERM-1", [("Pat Defendant", [charge()])], victims=[own])
    return {
        "own": own,
        "other": other,
        "prosecution": str(prosecution.pk),
        "profile": str(active_profile_version(organisation).profile_id),
        "own-report": intelligence["own"],
        "other-report": intelligence["other"],
        **{
            f"{owner}-entity": str(Entity.objects.filter(report__reference=ref).earliest("id").pk)
            for owner, ref in intelligence.items()
        },
        "own-ocg": "sample-group-own",
        "other-ocg": "sample-group-other",
        "own-notification": notes["own"],
        "other-notification": notes["other"],
        "own-draft": drafts["own"],
        "other-draft": drafts["other"],
        "alert": str(_an_alert().pk),
    }


def _an_alert() -> SurgeAlert:
    return SurgeAlert.objects.create(
        kind="nationality",
        frequency="month",
        nationality="Albania",
        period_start=date(2012, 6, 1),
        observed=14,
        expected=2.1,
        upper=6.4,
        score=2.8,
        method="farrington",
    )


def _url(
    route: str, cases: dict[str, str], owner: str, organisation: Organisation, user: User
) -> str:
    kind = "-notification" if "notifications/" in route else ""
    url = re.sub(r"<str:report_reference>", cases[f"{owner}-report"], route)
    url = re.sub(r"<(str:)?reference>", cases[owner + kind], url)
    url = re.sub(r"<str:node>", cases[f"{owner}-entity"], url)  # the network around an entity
    url = re.sub(r"<str:ocg>", cases[f"{owner}-ocg"], url)  # an organised crime group
    url = re.sub(r"<str:draft_id>", cases[f"{owner}-draft"], url)
    url = re.sub(r"<str:section>", "person", url)
    url = re.sub(r"<str:year>", "2012", url)
    url = re.sub(r"<slug:spec_id>", "t01", url)
    url = re.sub(r"<str:fmt>", "csv", url)
    url = re.sub(r"<slug:code>", organisation.code, url)
    url = re.sub(r"<str:user_id>", str(user.pk), url)
    url = re.sub(r"<int:alert_id>", cases["alert"], url)
    url = re.sub(r"<int:prosecution_id>", cases["prosecution"], url)
    url = re.sub(r"<int:profile_id>", cases["profile"], url)  # a risk profile
    url = re.sub(r"<str:port>", "LHR", url)  # the border guidance of a port
    url = re.sub(r"<str:cluster>", "1", url)  # a group of similar accounts
    url = re.sub(r"<str:left>", cases["own"], url)  # two accounts side by side
    url = re.sub(r"<str:right>", cases["other"], url)
    assert "<" not in url, f"add a value for the placeholder in {route}"
    return "/" + url


def _in_scope(role: DefaultRole, route: str, owner: str) -> bool:
    if route.startswith("intelligence/nrm/"):  # the NRM record of a person linked to a report
        return owner == "own" and role == DefaultRole.INTELLIGENCE_ANALYST
    if route.startswith("intelligence/"):
        return owner == "own" and role in INTELLIGENCE
    if route.startswith("justice/"):  # the prosecutions of any NRM case, for the hub
        return role == DefaultRole.INTELLIGENCE_ANALYST
    if "drafts/" in route or route.startswith("referrals/submitted/"):
        # a first responder's, or a Border Force officer's (from a crew report)
        return owner == "own" and Capability.SUBMIT_REFERRAL in DEFAULT_ROLES[role].capabilities
    if "notifications/" in route:
        granted = DEFAULT_ROLES[role].capabilities
        return owner == "own" and Capability.SUBMIT_NOTIFICATION in granted
    return owner == "own" and role in (
        DefaultRole.FIRST_RESPONDER,
        DefaultRole.CASEWORKER,
        DefaultRole.MANAGER,
        DefaultRole.SUPPORT_PROVIDER,
    )


def test_every_role_gets_exactly_what_its_capabilities_and_scope_allow_on_every_page(
    cases: dict[str, str],
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    unauthorised, checked = [], 0
    pages = [(r, v) for r, v in _pages() if r not in SIGN_IN_STEPS and r != "sign-out/"]
    for role in DefaultRole:
        home = Organisation.objects.get(code=HOME[role]) if role in HOME else organisation
        user = make_user(f"user-{role.value}", home, role)
        client = signed_in(user)
        granted = {c.value for c in DEFAULT_ROLES[role].capabilities}
        for route, view in pages:
            needed = getattr(view, "required_capability", None)
            scoped = any(f"{name}>" in route for name in ("reference", "draft_id", "node", "ocg"))
            for owner in ("own", "other") if scoped else ("own",):
                before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
                url = _url(route, cases, owner, organisation, user)
                response = client.get(url)
                if response.status_code == 405:  # a form action: try what it accepts
                    response = client.post(url, {})
                denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() - before
                where = (role.value, route, owner, response.status_code)
                checked += 1
                assert response.status_code < 500, where
                if needed is not None and needed.value not in granted:
                    if response.status_code != 403:
                        unauthorised.append(where)
                    assert denied == 1, where
                elif scoped and not _in_scope(role, route, owner):
                    if response.status_code != 404:
                        unauthorised.append(where)
                    assert denied == 1, where
                elif scoped and route.startswith(("intelligence/", "justice/")):
                    assert response.status_code == 200, where  # in scope: it opens
                else:
                    assert response.status_code in (200, 302, 404), where
    assert checked >= len(DefaultRole) * len(pages)
    assert unauthorised == []


def test_anonymous_visitors_are_sent_to_sign_in_from_every_page(cases: dict[str, str]) -> None:
    client = Client()
    for route, _ in _pages():
        if route in SIGN_IN_STEPS | PUBLIC:
            continue
        url = re.sub(r"<int:[^>]+>", "1", route)
        url = re.sub(r"<[^>]+>", cases["own"], url)
        for method in ("get", "post"):
            response = getattr(client, method)("/" + url)
            assert response.status_code in (302, 405), (route, method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith("/sign-in/"), route


def test_only_the_intelligence_analyst_reviews_pairs_and_never_a_person_they_may_not_see(
    cases: dict[str, str],
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    """The review queue and its decisions, for every role: the national analyst sees the pair
    naming a person of a report they may see and decides on it; the pair naming a person of a
    C report not shared with them is neither shown nor decided; every other role is refused
    (audited) and saves nothing."""
    referral = record_id(REFERRAL, Case.objects.get(referral__reference=cases["own"]).referral_id)
    seen = record_id(MENTION, int(cases["own-entity"]))
    unseen = record_id(MENTION, int(cases["other-entity"]))
    stored_run([referral, seen, unseen], review=[(seen, referral, 0.8), (unseen, referral, 0.9)])
    opened = []
    for role in DefaultRole:
        home = Organisation.objects.get(code=HOME[role]) if role in HOME else organisation
        user = make_user(f"reviewer-{role.value}", home, role)
        client = signed_in(user)
        decided = PairDecision.objects.count()
        denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
        queue = client.get("/intelligence/resolution/")
        decisions = client.get("/intelligence/resolution/decisions/")
        answers = [
            client.post(
                "/intelligence/resolution/decide/",
                {"record_l": left, "record_r": right, "decision": "reject"},
            ).status_code
            for left, right in ((referral, seen), (referral, unseen))
        ]
        denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() - denied
        if role != DefaultRole.INTELLIGENCE_ANALYST:
            assert (queue.status_code, decisions.status_code) == (403, 403), role
            assert (answers, denied) == ([403, 403], 4), role
            assert PairDecision.objects.count() == decided, role
            continue
        opened.append(role)
        page = queue.content.decode()
        assert queue.status_code == 200
        assert cases["own-report"] in page and cases["other-report"] not in page
        assert (answers, denied) == ([302, 404], 1)
        assert PairDecision.objects.count() == decided + 1
        assert decisions.status_code == 200
    assert opened == [DefaultRole.INTELLIGENCE_ANALYST]


def test_only_the_intelligence_analyst_reviews_similar_accounts_and_reads_them_side_by_side(
    cases: dict[str, str],
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    """The similar-accounts queue, a group, two accounts side by side and marking a group as
    reviewed, for every role: the hub's intelligence analyst (who may read account text) opens
    every one; every other role is refused each (audited) and saves nothing."""
    similar_accounts_run(actor=OPERATOR)  # the two referrals' accounts are the same
    cluster = SimilarAccountCluster.objects.get().pk
    base = "/intelligence/similar-accounts/"
    opened = []
    for role in DefaultRole:
        home = Organisation.objects.get(code=HOME[role]) if role in HOME else organisation
        client = signed_in(make_user(f"similar-{role.value}", home, role))
        denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
        reviews = SimilarClusterReview.objects.count()
        answers = [
            client.get(base).status_code,
            client.get(f"{base}{cluster}/").status_code,
            client.get(f"{base}compare/{cases['own']}/{cases['other']}/").status_code,
            client.post(f"{base}{cluster}/reviewed/", {"note": ""}).status_code,
        ]
        denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() - denied
        if role != DefaultRole.INTELLIGENCE_ANALYST:
            assert (answers, denied) == ([403, 403, 403, 403], 4), role
            assert SimilarClusterReview.objects.count() == reviews, role
            continue
        opened.append(role)
        assert (answers, denied) == ([200, 200, 200, 302], 0)
        assert SimilarClusterReview.objects.count() == reviews + 1
    assert opened == [DefaultRole.INTELLIGENCE_ANALYST]


INTERNAL = {
    "summary": "Zzsummarycanary",
    "note": "Zznotecanary",
    "suspension": "Zzsuspensioncanary",
}
DECISION_REASONS = "Zzdecisionreasonscanary"


def test_every_role_that_opens_a_case_sees_its_decisions_but_only_the_authority_its_working(
    cases: dict[str, str],
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
) -> None:
    """The field-level rule (docs/accounts.md): decision reasons for everyone who may open the
    case; the summary, notes, assignment and the reasons of other changes for the competent
    authority's staff alone."""
    authority = Organisation.objects.get(code="home-office-ca")
    staff = make_user("seed-manager", authority, DefaultRole.MANAGER)
    reference = cases["own"]
    version = Case.objects.get(referral__reference=reference).version
    case_edit(
        actor=staff, reference=reference, expected_version=version, summary=INTERNAL["summary"]
    )
    case_note_add(
        actor=staff, reference=reference, expected_version=version + 1, note=INTERNAL["note"]
    )
    case_event_record(actor=staff, reference=reference, event=Event.SUSPEND, on=date(2012, 5, 20),
                      expected_version=version + 2, reasons=INTERNAL["suspension"])  # fmt: skip
    case_event_record(actor=staff, reference=reference, event=Event.RESUME, on=date(2012, 5, 21),
                      expected_version=version + 3)  # fmt: skip
    case_event_record(actor=staff, reference=reference, event=Event.CG_NEGATIVE,
                      on=date(2012, 7, 20), expected_version=version + 4,
                      reasons=DECISION_REASONS)  # fmt: skip
    opened = 0
    for role in DefaultRole:
        home = Organisation.objects.get(code=HOME[role]) if role in HOME else organisation
        client = signed_in(make_user(f"reader-{role.value}", home, role))
        response = client.get(f"/casework/cases/{reference}/")
        if response.status_code != 200:
            continue
        opened += 1
        page = response.content.decode()
        assert DECISION_REASONS in page, role
        internal = role in (DefaultRole.CASEWORKER, DefaultRole.MANAGER)
        for what, canary in INTERNAL.items():
            assert (canary in page) == internal, (role, what)
        assert ("Assigned to" in page) == internal, role
    assert opened == 4  # first responder, caseworker, manager, support provider
