"""The justice pages: the overview with its caveat, the list, one prosecution with its
principal offences, sentences and money in pounds, the prosecutions of a case; for those who
read prosecutions only, each read audited, and no name in an address."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.justice.page_selectors import ChargeRead
from nrm.justice.pages import months_words, sentence_words

from .factories import (
    CONVICTED,
    CUSTODY,
    FINE,
    OTHER,
    S4,
    S57,
    authority_organisation,
    charge,
    prosecution_make,
    recovery_make,
)

pytestmark = pytest.mark.django_db


def _charge(sentence: str, months: int | None = None, fine: int | None = None) -> ChargeRead:
    return ChargeRead(1, S57, True, date(2012, 1, 1), CONVICTED, date(2012, 6, 1), sentence,
                      months, fine, True)  # fmt: skip


def test_sentences_read_as_they_are_said() -> None:
    assert months_words(1) == "1 month"
    assert months_words(18) == "18 months"
    assert months_words(24) == "2 years"
    assert months_words(30) == "2 years 6 months"
    assert sentence_words(_charge(CUSTODY, 30)) == "Immediate custody, 2 years 6 months"
    assert sentence_words(_charge(FINE, fine=123_456_78)) == "Fine, £123,456.78"
    assert sentence_words(_charge("")) == "Not sentenced yet"


@pytest.fixture
def case_and_prosecution(refer: Callable[[str], str]) -> tuple[str, int]:
    victim = refer("2012-02-01")
    found = prosecution_make(
        "T-77",
        [("Quentin Defendant", [
            charge(S57, "2012-05-01", CONVICTED, "2013-01-10", CUSTODY, months=54),
            charge(OTHER, "2012-05-01", CONVICTED, "2013-01-10", FINE, fine_pence=250_000),
        ]), ("Rosa Defendant", [charge(S4, "2012-05-02")])],
        victims=[victim],
    )  # fmt: skip
    recovery_make(found, 1_234_567_89)
    recovery_make(found, 5_000_00, kind="cash_seizure", status="in_court_process")
    return victim, found.pk


def test_the_analyst_follows_the_overview_to_a_prosecution_and_its_victims_case(
    hub_analyst: User,
    signed_in: Callable[[User], Client],
    case_and_prosecution: tuple[str, int],
) -> None:
    victim, prosecution_id = case_and_prosecution
    client = signed_in(hub_analyst)
    overview = client.get("/justice/").content.decode()
    assert "a conviction is not a confirmed victim" in overview.lower()
    assert "Referrals count potential victims" in overview
    listing = client.get("/justice/prosecutions/?outcome=convicted").content.decode()
    assert f'href="/justice/prosecutions/{prosecution_id}/"' in listing
    assert "£1,239,567.89" in listing  # both recoveries, in pounds
    page = client.get(f"/justice/prosecutions/{prosecution_id}/").content.decode()
    assert "Quentin Defendant" in page and "Rosa Defendant" in page
    assert "Immediate custody, 4 years 6 months" in page and "Fine, £2,500" in page
    assert page.count("Principal offence</strong>") == 1  # Quentin's custodial offence
    assert "£1,234,567.89" in page and "£1,239,567.89" in page  # the order, the total
    assert "£5,000" in page and "Going through the court process" in page
    assert f'href="/justice/cases/{victim}/"' in page
    assert "/casework/cases/" not in page  # the analyst opens no case page
    assert 'href="/intelligence/prosecutions/' in page  # linking defendants to groups
    case = client.get(f"/justice/cases/{victim}/").content.decode()
    assert "T-77" in case and "£1,234,567.89" in case
    verbs = list(AuditEvent.objects.values_list("verb", flat=True))
    assert verbs.count(AuditVerb.PROSECUTION_LIST) == 2
    assert verbs.count(AuditVerb.PROSECUTION_READ) == 2
    assert client.get("/justice/prosecutions/999999/").status_code == 404
    assert client.get("/justice/cases/NRM-NONE/").status_code == 404


def test_a_filter_that_is_not_a_choice_is_ignored(
    hub_analyst: User, signed_in: Callable[[User], Client], case_and_prosecution: tuple[str, int]
) -> None:
    response = signed_in(hub_analyst).get(
        "/justice/prosecutions/?authority=zz&year=abc&outcome=<x>"
    )
    assert response.status_code == 200 and "T-77" in response.content.decode()
    assert signed_in(hub_analyst).get("/justice/?year=1066").status_code == 200


def test_those_who_do_not_read_prosecutions_are_refused_every_page(
    make_user: Callable[..., User],
    organisation: Organisation,
    signed_in: Callable[[User], Client],
    case_and_prosecution: tuple[str, int],
) -> None:
    victim, prosecution_id = case_and_prosecution
    cps = authority_organisation("cps")
    for user in (
        make_user("fr", organisation),
        make_user("officer", organisation, DefaultRole.INTELLIGENCE_OFFICER),
        make_user("cps-officer", cps, DefaultRole.JUSTICE_DATA_OFFICER),
    ):
        client = signed_in(user)
        pages = [f"/justice/prosecutions/{prosecution_id}/", f"/justice/cases/{victim}/"]
        for url in ["/justice/", "/justice/prosecutions/", *pages]:
            response = client.get(url)
            assert response.status_code == 403, (user.username, url)
            assert "Quentin" not in response.content.decode()
        assert "/justice/" not in client.get("/").content.decode()  # no menu entry
    assert not AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).exists()


def test_the_menu_offers_justice_to_the_analyst(
    hub_analyst: User, signed_in: Callable[[User], Client]
) -> None:
    home = signed_in(hub_analyst).get("/", follow=True).content.decode()
    assert 'href="/justice/"' in home


def test_the_overview_opens_on_the_newest_year_with_offences_charged_or_decided(
    hub_analyst: User,
    signed_in: Callable[[User], Client],
    case_and_prosecution: tuple[str, int],
    refer: Callable[[str], str],
) -> None:
    # referrals of later years without prosecutions would show nothing but zeros
    refer("2015-01-05")
    overview = signed_in(hub_analyst).get("/justice/").content.decode()
    assert "The five years to 2013" in overview
    assert (
        "The five years to 2012"
        in signed_in(hub_analyst).get("/justice/?year=2012").content.decode()
    )
