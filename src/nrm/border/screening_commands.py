"""``nrm border screen FILE [--out FILE]``: screen a visa application batch or a passenger
manifest (CSV with a header row, or a JSON list of records) against the active risk profiles,
writing the matches of each record (JSON, or CSV when ``--out`` ends in ``.csv``). Each match
is stored as a hit for an officer to review: never a decision.

``nrm border profiles add FILE --owner ORG`` writes a profile (a JSON object) as a draft;
``activate ID`` makes its draft the active version; ``retire ID`` stops it screening.

``nrm border crew-line airline|port|list`` puts airlines and ports on the crew line
(``crew_commands``).
"""

import argparse
import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation
from nrm.border import profile_services
from nrm.border.crew_commands import cmd_crew_line, crew_line_arguments
from nrm.border.profile_errors import BorderInvalid
from nrm.border.screening_services import records_screen
from nrm.standard import border_codes as bc

NOT_A_LIST = "the JSON file must hold a list of records, each an object"
YES = {"true", "yes", "y", "1"}
NO = {"false", "no", "n", "0"}


def _csv_value(name: str, text: str) -> Any:
    """A CSV cell as the record's value: empty is not given, numbers and yes/no parsed (what
    cannot be parsed is kept as text, for the check to refuse with its reason)."""
    text = text.strip()
    if not text:
        return None
    kind = bc.FIELD_KINDS.get(bc.ScreenField(name)) if name in bc.ScreenField.values else None
    if kind is bc.FieldKind.NUMBER and text.isdigit():
        return int(text)
    if kind is bc.FieldKind.YES_NO and text.lower() in YES | NO:
        return text.lower() in YES
    return text


def records_read(path: Path) -> list[dict[str, Any]]:
    """The records of a CSV file (header row) or a JSON file (a list of objects)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError(NOT_A_LIST)
        return [dict(r) for r in data]
    rows = csv.DictReader(text.splitlines())
    return [{k: _csv_value(k, v or "") for k, v in row.items() if k} for row in rows]


def _write(out: TextIO, matches: list[dict[str, Any]], as_csv: bool) -> None:
    if not as_csv:
        json.dump(matches, out, indent=2)
        out.write("\n")
        return
    writer = csv.writer(out)
    writer.writerow(["row", "kind", "reference", "hit", "profile", "version", "name"])
    for m in matches:
        for h in m["hits"]:
            writer.writerow([m["row"], m["kind"], m["reference"], h["hit"], h["profile"],
                             h["version"], h["name"]])  # fmt: skip


def cmd_screen(args: argparse.Namespace) -> int:
    try:
        records = records_read(args.file)
    except (OSError, UnicodeDecodeError, ValueError) as unreadable:
        print(f"error: {args.file}: {unreadable}", file=sys.stderr)
        return 2
    result = records_screen(actor=OPERATOR, records=records)
    matches: list[dict[str, Any]] = [
        {
            "row": n + 1,
            "kind": records[n].get("kind"),
            "reference": records[n].get("reference"),
            "hits": [
                {
                    "hit": h.pk,
                    "profile": h.version.profile_id,
                    "version": h.version.number,
                    "name": h.version.name,
                }
                for h in hits
            ],
        }
        for n, hits in sorted(result.hits.items())
    ]
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as out:
            _write(out, matches, args.out.suffix.lower() == ".csv")
    else:
        _write(sys.stdout, matches, False)
    hits = sum(len(m["hits"]) for m in matches)
    print(
        f"Screened {result.screened} records: {hits} hits on {len(matches)} records, "
        "for officers to review (a hit is not a decision)",
        file=sys.stderr,
    )
    for n, errors in result.invalid:
        for e in errors:
            print(f"row {n + 1}: {e.field}: {e.message}", file=sys.stderr)
    return 1 if result.invalid else 0


def cmd_profiles(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            owner = Organisation.objects.filter(code=args.owner).first()
            if owner is None:
                print(f"error: there is no organisation {args.owner}", file=sys.stderr)
                return 2
            data = json.loads(args.file.read_text(encoding="utf-8"))
            version = profile_services.profile_create(actor=OPERATOR, data=data, owner=owner)
            print(f"Profile {version.profile_id} version {version.number} saved as a draft")
        elif args.action == "activate":
            version = profile_services.profile_activate(actor=OPERATOR, profile_id=args.id)
            print(f"Profile {version.profile_id} version {version.number} is active")
        else:
            profile_services.profile_retire(actor=OPERATOR, profile_id=args.id)
            print(f"Profile {args.id} is retired")
    except BorderInvalid as invalid:
        for e in invalid.errors:
            print(f"error: {e.field}: {e.message}", file=sys.stderr)
        return 1
    return 0


def border_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    screen = actions.add_parser(
        "screen", help="screen a visa application batch or passenger manifest (CSV or JSON)"
    )
    screen.add_argument("file", type=Path)
    screen.add_argument("--out", type=Path, help="write the matches here (.json or .csv)")
    profiles = actions.add_parser("profiles", help="add, activate or retire a risk profile")
    which = profiles.add_subparsers(dest="profile_action", required=True, metavar="ACTION")
    add = which.add_parser("add", help="save a profile (a JSON object) as a draft")
    add.add_argument("file", type=Path)
    add.add_argument("--owner", required=True, help="code of the organisation that owns it")
    for name, words in (("activate", "make a profile's draft its active version"),
                        ("retire", "stop a profile screening")):  # fmt: skip
        one = which.add_parser(name, help=words)
        one.add_argument("id", type=int)
    crew_line_arguments(actions)


def _dispatch(args: argparse.Namespace) -> int:
    if args.action == "crew-line":
        return cmd_crew_line(args)
    if args.action == "profiles":
        args.action = args.profile_action
        return cmd_profiles(args)
    return cmd_screen(args)


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"border": border_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"border": _dispatch}
