"""``nrm token`` and ``nrm organisations``: operator doors onto the accounts services."""

import argparse
import sys
from collections.abc import Callable

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import User
from nrm.accounts.services import api_token_create, organisations_seed


def token_arguments(tok: argparse.ArgumentParser) -> None:
    tok.add_argument("action", choices=["create"])
    tok.add_argument("--username", required=True)
    tok.add_argument("--name", default="api")


def cmd_token(args: argparse.Namespace) -> int:
    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"error: no user '{args.username}'", file=sys.stderr)
        return 2
    if user.organisation_id is None:
        print(f"error: user '{args.username}' belongs to no organisation", file=sys.stderr)
        return 2
    print(api_token_create(actor=OPERATOR, user=user, name=args.name))
    return 0


def organisations_arguments(org: argparse.ArgumentParser) -> None:
    org.add_argument("action", choices=["seed"])


def cmd_organisations(args: argparse.Namespace) -> int:
    print(f"{organisations_seed()} organisations seeded")
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "token": token_arguments,
    "organisations": organisations_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "token": cmd_token,
    "organisations": cmd_organisations,
}
