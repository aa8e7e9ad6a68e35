"""The ``nrm`` command as a new user meets it."""

import os
import subprocess
import sys
from pathlib import Path

RUN = "import sys; from nrm.cli import main; sys.exit(main(sys.argv[1:]))"


def test_a_command_on_a_case_store_without_tables_says_how_to_create_them(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["NRM_DATA_DIR"] = str(tmp_path)
    # A fresh interpreter with the local settings, as a user's shell runs it.
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", RUN, "verify-published", "--year", "2012"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"the case store ({tmp_path / 'nrm.sqlite3'}) has no tables yet" in done.stderr
    assert "nrm migrate" in done.stderr and "NRM_DATA_DIR=var/demo" in done.stderr
