"""``nrm standard``: export the data standard as JSON Schema or as a codebook (docs/standard.md)."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from nrm.standard import export


def standard_arguments(std: argparse.ArgumentParser) -> None:
    std.add_argument("what", choices=["schema", "codebook"])
    std.add_argument(
        "--kind", choices=["referral", "notification", "intelligence"], default="referral"
    )
    std.add_argument("--format", choices=["md", "csv"], default="md", help="codebook format")
    std.add_argument("--out", type=Path, help="write to this file instead of standard output")


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)


def cmd_standard(args: argparse.Namespace) -> int:
    if args.what == "schema":
        _write(export.json_schema(args.kind), args.out)
    elif args.format == "csv":
        _write(export.codebook_csv(args.kind), args.out)
    else:
        _write(export.codebook_markdown(args.kind), args.out)
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {"standard": standard_arguments}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"standard": cmd_standard}
