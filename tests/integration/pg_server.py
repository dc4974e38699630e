"""Throwaway PostgreSQL 15 servers, the one way the tests and benchmarks make them.

initdb in a temporary folder, 127.0.0.1 only at a free port (the socket in that folder too),
trust authentication, fsync off unless asked (a benchmark wants a real server's
durability), run as the ``postgres`` OS user when we are root (the server refuses to run as
root). The default collation is ICU ``en-US`` when the server has ICU, like a real server's.

``conftest.py``'s session cluster is one, shared by every PostgreSQL test of a worker, so no
test may stop it; the multi-station tests and ``bench/bench_stations.py`` make their own,
which they stop and start again on the same port, as a real server restarts. Plain Python,
no pytest: failures raise ``RuntimeError`` with the server's log.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import text

from qc_station.adapters.database import make_engine

PG_BIN = Path(os.environ.get("QC_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


def missing_binaries() -> list[str]:
    return [b for b in ("initdb", "pg_ctl", "postgres") if not (PG_BIN / b).exists()]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[list[str], int, int]:
    if os.geteuid() != 0:
        return [], os.getuid(), os.getgid()
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError(
            "running as root, but there is no 'postgres' OS user to run the test cluster as "
            "(install the Debian package postgresql-15: bash .ci/system-deps.sh)"
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root, but runuser is missing (util-linux)")
    return [runuser, "-u", "postgres", "--"], entry.pw_uid, entry.pw_gid


class PgServer:
    """``start()``, ``stop()``, ``start()`` again on the same port; ``destroy()`` at the end."""

    def __init__(self, max_connections: int = 100, fsync: bool = False) -> None:
        missing = missing_binaries()
        if missing:
            raise RuntimeError(
                f"PostgreSQL 15 server binaries not found in {PG_BIN} ({', '.join(missing)})"
            )
        self.run_as, uid, gid = _run_as()
        self.folder = Path(tempfile.mkdtemp(prefix="qc-pg-own-"))
        os.chown(self.folder, uid, gid)
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = free_port()
        self.max_connections = max_connections
        self.fsync = fsync
        self._started = False
        base = [*self.run_as, str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres"]
        base += ["-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]
        icu = self._run([*base, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"])
        if icu.returncode != 0:  # a server built without ICU
            shutil.rmtree(self.data, ignore_errors=True)
            plain = self._run([*base, "--locale=C.UTF-8"])
            if plain.returncode != 0:
                self.destroy()
                raise RuntimeError(f"initdb failed:\n{plain.stdout}\n{plain.stderr}")

    def _run(self, cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, attempts: int = 3) -> None:
        durability = "on" if self.fsync else "off"
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.folder} -c fsync={durability} "
            f"-c synchronous_commit={durability} -c full_page_writes={durability} "
            f"-c max_connections={self.max_connections}"
        )
        pg_ctl = [*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.data)]
        result = self._run([*pg_ctl, "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"])
        if result.returncode != 0 and not self._started and attempts > 1:
            # The free port may have been taken between choosing and binding it; a restart
            # keeps its port, since clients reconnect to it.
            self.port = free_port()
            self.start(attempts - 1)
            return
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start:\n{result.stderr}\n{log[-4000:]}")
        self._started = True

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop -m fast``: sessions are cut, as in a server restart."""
        pg_ctl = [*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.data)]
        result = self._run([*pg_ctl, "-m", mode, "-w", "stop"])
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not stop:\n{result.stderr}")

    def create_database(self, name: str) -> str:
        admin = make_engine(self.url()).execution_options(isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        finally:
            admin.dispose()
        return self.url(name)

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
