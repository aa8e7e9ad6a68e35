"""Create or drop a scratch PostgreSQL database (used by `make test-postgres` and CI).

Usage: python -m nrm.config.pgscratch create|drop SERVER_URL NAME
"""

import re
import sys

import psycopg
from psycopg import sql


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("create", "drop") or not re.fullmatch(r"\w+", argv[2]):
        print(__doc__, file=sys.stderr)
        return 2
    action, server, name = argv
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if action == "create":
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        else:
            for db in (name, f"test_{name}"):
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db))
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
