"""The ``nrm`` command as a new user meets it."""

import os
import socket
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


def test_output_cut_short_by_its_reader_ends_quietly() -> None:
    # `nrm standard schema | head -1`: the reader goes away before the command writes.
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", RUN, "standard", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in errors and "BrokenPipeError" not in errors


def _nrm(*args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "NRM_DATA_DIR"}
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", RUN, *args],
        env={**env, **env_extra},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_case_store_in_a_folder_that_does_not_exist_is_named_with_what_to_do(
    tmp_path: Path,
) -> None:
    where = tmp_path / "nowhere"
    done = _nrm("verify-published", "--year", "2012", NRM_DATA_DIR=str(where))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"the case store ({where / 'nrm.sqlite3'}) cannot be opened" in done.stderr
    assert "nrm migrate" in done.stderr
    assert not where.exists()  # nothing created by a command that only reads


def test_a_database_server_that_cannot_be_reached_is_named_without_the_password() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgres://nrm:s3cret-pw@127.0.0.1:{port}/nrm_case_store"
    done = _nrm("verify-published", "--year", "2012", DATABASE_URL=url)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "cannot connect to the case store's database (nrm_case_store)" in done.stderr
    assert f"port {port} failed" in done.stderr and "DATABASE_URL" in done.stderr
    assert "s3cret-pw" not in done.stderr
