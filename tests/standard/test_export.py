import csv
import io
import json

from nrm.cli import main
from nrm.standard import codes
from nrm.standard.export import codebook_csv, codebook_markdown, codebook_rows, json_schema
from nrm.standard.schema import Referral


def test_the_json_schema_lists_every_field_and_code(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["standard", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) == set(Referral.model_fields)
    assert schema["$defs"]["Nation"]["enum"] == list(codes.Nation.values)
    assert schema == json.loads(json_schema())


def test_the_codebook_has_one_row_per_field_with_codes_and_labels() -> None:
    rows = list(csv.DictReader(io.StringIO(codebook_csv())))
    assert [row["field"] for row in rows] == list(Referral.model_fields)
    gender = next(row for row in rows if row["field"] == "gender")
    assert gender["required"] == "yes"
    assert "female = Female" in gender["codes"]
    nationality = next(row for row in rows if row["field"] == "claimed_nationalities")
    assert nationality["type"].startswith("country")


def test_the_markdown_codebook_documents_every_code_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "codebook.md"
    assert main(["standard", "codebook", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text == codebook_markdown()
    for code_list in codes.CODE_LISTS:
        assert f"### {code_list.__name__}" in text
    assert "| `labour_car_wash` | Car wash |" in text


def test_the_intelligence_codebook_lists_the_report_its_entities_links_and_the_grading() -> None:
    fields = [row["field"] for row in codebook_rows("intelligence")]
    assert "received_date" in fields and "entities[].phone" in fields
    assert "links[].confidence" in fields and "entities" not in fields
    text = codebook_markdown("intelligence")
    assert "| `E` | E: Suspected to be false or malicious |" in text
    assert "### LinkType" in text and "### ExploitationType" not in text
    assert '"IntelligenceEntity"' in json_schema("intelligence")
