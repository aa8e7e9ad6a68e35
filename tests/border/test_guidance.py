"""The border guidance of each port: what to look for, the risk profiles in use and the referral
map, made by asking the allocation and support-routing rules, so it follows their configuration."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client, override_settings

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.guidance_map import EVERYONE, DecidesRow, decides_rows, referral_map_build
from nrm.border.guidance_selectors import guidance_read
from nrm.border.profile_models import ProfileVersion
from nrm.border.profile_services import profile_create, profile_retire
from nrm.cases.casework.organisations import competent_authorities_seed
from nrm.standard import crew_codes as cc
from nrm.standard.codes import CompetentAuthority, Nation
from nrm.support.providers import ROUTING_FILE
from nrm.support.services import support_providers_seed
from tests.border.factories import active_profile_version, profile_data
from tests.border.test_crew_factories import officer, person, port_office

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


@pytest.fixture(autouse=True)
def _organisations(db: object) -> None:
    competent_authorities_seed()
    support_providers_seed()


def _page(client: Client, port: str = "LHR") -> str:
    answer = client.get(f"/border/guidance/{port}/")
    assert answer.status_code == 200
    return answer.content.decode()


@pytest.mark.parametrize("port", list(cc.Port), ids=lambda p: p.value)
def test_every_port_has_a_page_with_its_nation_and_the_support_of_that_nation(
    port: cc.Port, signed_in: SignIn
) -> None:
    nation = cc.PORT_NATION[port].label
    page = _page(signed_in(officer("LHR")), port.value)
    assert f'<h1 class="govuk-heading-l">{port.label}</h1>' in page
    assert f"Guidance for Border Force, {nation}" in page
    child = page[page.index('id="child-support"') :]
    assert f"({nation})" in child[: child.index("</ul>")]
    assert "Controlled by a companion" in page and "Something else" not in page


def test_the_2013_rule_sends_british_and_eea_nationals_to_ukhtc_and_others_to_the_home_office() -> (
    None
):
    rows = {r.who: (r.adult.label, r.child.label) for r in decides_rows(nation=Nation.ENGLAND)}
    assert rows["A British national"] == ("UKHTC", "UKHTC")
    assert rows["A national of a European Economic Area country"] == ("UKHTC", "UKHTC")
    outside = "A national of a country outside the European Economic Area"
    assert rows[outside] == ("Home Office", "Home Office")
    linked = [who for who in rows if who.startswith("Anyone with an immigration matter")]
    assert rows[linked[0]] == ("Home Office", "Home Office")


@override_settings(NRM_ALLOCATION_RULES="single")
def test_the_map_follows_the_allocation_rule_set_in_use() -> None:
    decides = referral_map_build(port=cc.Port.MAN).decides
    single = CompetentAuthority.SINGLE_COMPETENT_AUTHORITY
    assert decides == [DecidesRow(EVERYONE, single, single)]


def test_the_map_follows_the_support_routing_in_use(tmp_path: Path) -> None:
    assert [p.name for p in referral_map_build(port=cc.Port.LHR).adult_support] == [
        "The Salvation Army"
    ]
    routing = tmp_path / "routing.csv"
    lines = ROUTING_FILE.read_text(encoding="utf-8").splitlines()
    routing.write_text(
        "\n".join([lines[0], "england,adult,male,labour,kalayaan", *lines[1:]]) + "\n",
        encoding="utf-8",
    )
    with override_settings(NRM_SUPPORT_ROUTING_FILE=str(routing)):
        support = referral_map_build(port=cc.Port.LHR).adult_support
    assert [(p.name, p.when) for p in support] == [
        (
            "Kalayaan",
            "when the person's gender is male and the main type of exploitation is "
            "labour exploitation",
        ),
        ("The Salvation Army", "for everyone else"),
    ]


def test_a_scottish_port_names_the_provider_for_women_who_were_sexually_exploited() -> None:
    support = referral_map_build(port=cc.Port.GLA).adult_support
    assert [(p.name, p.when) for p in support] == [
        (
            "TARA (Trafficking Awareness Raising Alliance)",
            "when the person's gender is female and the main type of exploitation is "
            "sexual exploitation",
        ),
        ("Migrant Help", "for everyone else"),
    ]


def test_a_child_goes_to_childrens_services_and_the_port_names_its_border_force() -> None:
    port_office("CWL")
    found = referral_map_build(port=cc.Port.CWL)
    assert found.nation == "Wales" and found.border_force == "Border Force CWL"
    assert [p.name for p in found.child_support] == [
        "Children's services of the local authority (Wales)"
    ]
    assert ("UKHTC", []) not in found.authorities
    assert dict(found.authorities)["Home Office"] == ["Home Office Competent Authority"]


def test_only_the_profiles_screening_today_are_shown(
    organisation: Organisation, signed_in: SignIn
) -> None:
    active_profile_version(organisation, name="Active cash tickets")
    profile_create(
        actor=OPERATOR, data=profile_data(name="Draft agent bookings"), owner=organisation
    )
    retired = active_profile_version(organisation, name="Retired student visas")
    profile_retire(actor=OPERATOR, profile_id=retired.profile_id)
    lapsed = active_profile_version(organisation, name="Lapsed transit route")
    ProfileVersion.objects.filter(pk=lapsed.pk).update(expires_on="2020-01-01")
    page = _page(signed_in(officer()))
    assert "Active cash tickets" in page
    assert "Nationality is one of: Albania, Vietnam" in page
    for hidden in ("Draft agent bookings", "Retired student visas", "Lapsed transit route"):
        assert hidden not in page, hidden
    assert "IR-2026-000123" not in page  # the intelligence a profile rests on is not shown


def test_with_no_profile_in_use_the_page_says_so(signed_in: SignIn) -> None:
    assert "No risk profile is in use today." in _page(signed_in(officer()))


def test_the_list_links_every_port_and_reading_is_audited(signed_in: SignIn) -> None:
    port_office("EDI")
    client = signed_in(person("handler", None, DefaultRole.CREW_LINE_CALL_HANDLER))
    listing = client.get("/border/guidance/").content.decode()
    for port in cc.Port:
        assert f'href="/border/guidance/{port.value}/"' in listing
    assert "Border Force EDI" in listing
    _page(client, "edi")
    assert AuditEvent.objects.filter(verb=AuditVerb.GUIDANCE_LIST).count() == 1
    read = AuditEvent.objects.get(verb=AuditVerb.GUIDANCE_READ)
    assert read.detail["port"] == "EDI"


def test_an_unknown_port_is_not_found_and_the_attempt_audited(signed_in: SignIn) -> None:
    client = signed_in(officer())
    before = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
    assert client.get("/border/guidance/XYZ/").status_code == 404
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == before + 1
    assert guidance_read(actor=officer("MAN"), port="jfk") is None


def test_a_role_without_the_capability_is_refused(
    make_user: Callable[..., User], organisation: Organisation, signed_in: SignIn
) -> None:
    client = signed_in(make_user("fr", organisation, DefaultRole.FIRST_RESPONDER))
    assert client.get("/border/guidance/").status_code == 403
    assert client.get("/border/guidance/LHR/").status_code == 403
