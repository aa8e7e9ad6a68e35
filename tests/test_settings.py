"""Database settings read from the environment."""

import json
import os
import subprocess
import sys

SHOW = """
import json
from nrm.config.settings import base
db = base.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "options": db.get("OPTIONS", {})}))
"""


def _database(**env: str) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NRM_DB_"))}
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", SHOW], env={**clean, **env}, capture_output=True, check=True
    )
    return dict(json.loads(done.stdout))


def test_postgresql_binds_on_the_server_and_prepares_frequent_statements() -> None:
    db = _database(DATABASE_URL="postgres://nrm@db.example:5432/nrm")
    assert db["options"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_preparing_can_be_turned_off_for_a_pooler() -> None:
    db = _database(DATABASE_URL="postgres://nrm@db.example:5432/nrm", NRM_DB_PREPARE_THRESHOLD="0")
    assert db["options"] == {"server_side_binding": True, "prepare_threshold": None}


def test_sqlite_keeps_its_own_options() -> None:
    db = _database(DATABASE_URL="sqlite:////tmp/nrm-settings-test.sqlite3")
    assert db["engine"] == "django.db.backends.sqlite3"
    assert "server_side_binding" not in db["options"]  # type: ignore[operator]
