"""``nrm token``, ``nrm organisations`` and ``nrm accounts``: operator doors onto the accounts
services."""

import argparse
import sys
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.accounts.admin_services import AccountError
from nrm.accounts.models import User
from nrm.accounts.services import api_token_create, organisations_seed
from nrm.accounts.setup_links import setup_link_issue


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


def accounts_arguments(acc: argparse.ArgumentParser) -> None:
    acc.add_argument("action", choices=["setup-link"])
    acc.add_argument("--username", required=True)
    acc.add_argument(
        "--reset",
        action="store_true",
        help="remove the account's authenticator app first (a lost phone) and end its sessions",
    )


def cmd_accounts(args: argparse.Namespace) -> int:
    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"error: no user '{args.username}'", file=sys.stderr)
        return 2
    try:
        issued = setup_link_issue(actor=OPERATOR, user=user, reset=args.reset)
    except AccountError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    expires = timezone.localtime(issued.expires_at)
    until = f"{expires.day} {expires:%B %Y %H:%M %Z}"
    print(f"Set-up link for {user.username} (works once, until {until}):")
    print(f"{settings.NRM_SITE_URL}{issued.path}")
    return 0


ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "token": token_arguments,
    "organisations": organisations_arguments,
    "accounts": accounts_arguments,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "token": cmd_token,
    "organisations": cmd_organisations,
    "accounts": cmd_accounts,
}
