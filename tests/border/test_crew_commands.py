"""``nrm border crew-line``: airlines and ports put on the crew line from the command line,
with the same rules as every door (codes long enough and not another airline's, UK ports only)."""

import pytest

from nrm.accounts.models import Organisation
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.border.crew_errors import CODE_IN_USE
from nrm.border.crew_limits import CODE_ALPHABET, code_digest
from nrm.border.crew_models import CrewAirline, CrewPortOffice
from nrm.border.crew_services import crew_report_by_code
from nrm.cli import main
from tests.border.test_crew_factories import NOW, report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def skyways() -> Organisation:
    return Organisation.objects.create(code="skyways", name="Skyways")


def test_an_airline_joins_with_a_made_code_printed_once_and_crew_can_report_with_it(
    skyways: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["border", "crew-line", "airline", "skyways"]) == 0
    out = capsys.readouterr()
    code = out.out.strip().rsplit(" ", 1)[-1]
    assert len(code) == 14 and set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert "cannot be shown again" in out.err
    assert CrewAirline.objects.get().code_digest == code_digest(code)
    typed = code.lower().replace("-", " ")  # as crew might type it
    report = crew_report_by_code(code=typed, data=report_data(), address="192.0.2.1", now=NOW)
    assert report.airline == skyways
    assert AuditEvent.objects.filter(verb=AuditVerb.CREW_LINE_SET).count() == 1


@pytest.mark.parametrize(("code", "words"), [("AB-12", "at least 8"), ("X" * 41, "at most 40")])
def test_a_guessable_or_overlong_code_is_refused_and_nothing_saved(
    skyways: Organisation, capsys: pytest.CaptureFixture[str], code: str, words: str
) -> None:
    assert main(["border", "crew-line", "airline", "skyways", "--code", code]) == 1
    assert words in capsys.readouterr().err
    assert not CrewAirline.objects.exists()
    assert not AuditEvent.objects.filter(verb=AuditVerb.CREW_LINE_SET).exists()


def test_another_airlines_code_is_refused(
    skyways: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    Organisation.objects.create(code="otherair", name="Otherair")
    assert main(["border", "crew-line", "airline", "otherair", "--code", "SKY-2026-NW"]) == 0
    assert main(["border", "crew-line", "airline", "skyways", "--code", "sky 2026 nw"]) == 1
    assert CODE_IN_USE in capsys.readouterr().err
    assert CrewAirline.objects.get().organisation.code == "otherair"


def test_a_port_gets_its_border_force_and_the_list_shows_both(
    skyways: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    Organisation.objects.create(code="bf-man", name="Border Force Manchester")
    assert main(["border", "crew-line", "port", "man", "bf-man"]) == 0
    assert CrewPortOffice.objects.get().port == "MAN"
    assert main(["border", "crew-line", "airline", "skyways"]) == 0
    capsys.readouterr()
    assert main(["border", "crew-line", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Skyways (skyways)" in listed
    assert "MAN  Border Force Manchester (bf-man)" in listed


def test_an_unknown_port_or_organisation_is_refused_saying_what_to_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Organisation.objects.create(code="bf-x", name="Border Force X")
    assert main(["border", "crew-line", "port", "CDG", "bf-x"]) == 1
    refused = capsys.readouterr().err
    assert "CDG is not a UK port on the crew line. Use one of: ABZ, BFS" in refused
    assert main(["border", "crew-line", "port", "LHR", "nobody"]) == 2
    assert "no organisation with the code nobody" in capsys.readouterr().err
    assert not CrewPortOffice.objects.exists()
