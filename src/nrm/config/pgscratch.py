"""Create or drop a scratch PostgreSQL database (used by `make test-postgres` and CI).

Usage: python -m nrm.config.pgscratch create|owned|drop SERVER_URL NAME

  create  the database NAME, owned by the role of SERVER_URL
  owned   a role NAME_owner (LOGIN CREATEDB CREATEROLE, a random password) and the database
          NAME owned by it, as the two-role set-up of docs/operations.md has it; prints, for a
          shell's eval, OWNER_URL, APP_ROLE (NAME_app, for `nrm db roles` to create),
          APP_PASSWORD and APP_URL
  drop    the databases NAME and test_NAME, then the roles NAME_owner and NAME_app if any
"""

import re
import secrets
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def _url(server: str, user: str, password: str, database: str) -> str:
    parts = urlsplit(server)
    host = parts.hostname or "127.0.0.1"
    netloc = f"{user}:{password}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, f"/{database}", "", ""))


def _owned(connection: psycopg.Connection, server: str, name: str) -> None:
    owner, app = f"{name}_owner", f"{name}_app"
    owner_password, app_password = secrets.token_hex(16), secrets.token_hex(16)
    connection.execute(
        sql.SQL("CREATE ROLE {} LOGIN CREATEDB CREATEROLE PASSWORD {}").format(
            sql.Identifier(owner), sql.Literal(owner_password)
        )
    )
    connection.execute(
        sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(owner))
    )
    print(f"OWNER_URL={_url(server, owner, owner_password, name)}")
    print(f"APP_ROLE={app}")
    print(f"APP_PASSWORD={app_password}")
    print(f"APP_URL={_url(server, app, app_password, name)}")


def _drop(connection: psycopg.Connection, name: str) -> None:
    for db in (name, f"test_{name}"):
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db))
        )
    for role in (f"{name}_app", f"{name}_owner"):
        connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def main(argv: list[str]) -> int:
    actions = ("create", "owned", "drop")
    if len(argv) != 3 or argv[0] not in actions or not re.fullmatch(r"\w+", argv[2]):
        print(__doc__, file=sys.stderr)
        return 2
    action, server, name = argv
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if action == "create":
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        elif action == "owned":
            _owned(connection, server, name)
        else:
            _drop(connection, name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
