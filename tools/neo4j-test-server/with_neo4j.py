"""Run a command with a scratch Neo4j 5.26 server on 127.0.0.1, then stop the server.

    python tools/neo4j-test-server/with_neo4j.py -- .venv/bin/pytest

The server is the official Neo4j Community DBMS from Maven Central, started by
``Neo4jTestServer`` (this folder's ``pom.xml``; ``make neo4j-test-server`` builds
it). It keeps its files in a temporary folder, listens on a free port, gets a
random password, and is stopped — and its folder deleted — when the command
ends, whether it passed, failed or was interrupted. The command sees:

* ``SINOGRAPH_TEST_NEO4J_URI`` / ``_USER`` / ``_PASSWORD`` / ``_DATABASE``: the server;
* ``SINOGRAPH_TEST_NEO4J_REQUIRED=1``: a Neo4j test that skips is a failure;
* ``SINOGRAPH_TEST_NEO4J_CLASSPATH``: the server's class path, for tests that run
  Neo4j's own tools (``neo4j-admin database import``) or a second server.

Where Java or Maven is missing the command runs without a server and the Neo4j
tests skip, saying why; this script says so first. Where both are present the
server must start: a build or start failure fails the run.
Exit status: the command's, or 3 when the server could not be started.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLASSES = HERE / "target" / "classes"
LIB = HERE / "target" / "lib"
MAIN = "sinograph.testserver.Neo4jTestServer"
START_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0


def classpath() -> str:
    """The launcher's class path: its own classes and every Neo4j jar Maven copied."""
    return f"{CLASSES}{os.pathsep}{LIB / '*'}"


def toolchain_present() -> bool:
    return shutil.which("java") is not None and shutil.which("mvn") is not None


def java_command(heap: str) -> list[str]:
    return ["java", f"-Xmx{heap}", "-XX:+UseParallelGC", "-cp", classpath()]


def start_server(
    home: Path, password: str, *, heap: str = "1g", log: Path | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """Start the launcher on ``home``; returns the process and its Bolt port once it is ready."""
    ready = home / "bolt-port"
    ready.unlink(missing_ok=True)
    out = open(log or home / "server.log", "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [*java_command(heap), MAIN, str(home), str(ready), password],
        stdin=subprocess.PIPE,  # the server stops when this pipe closes
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    out.close()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if ready.exists():
            return process, int(ready.read_text().strip())
        if process.poll() is not None:
            break
        time.sleep(0.25)
    stop_server(process)
    tail = (log or home / "server.log").read_text(errors="replace")[-4000:]
    raise RuntimeError(f"the Neo4j test server did not start:\n{tail}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ask the server to shut down cleanly; kill it if it takes too long."""
    if process.poll() is None:
        if process.stdin:
            process.stdin.close()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--heap", default=os.environ.get("SINOGRAPH_TEST_NEO4J_HEAP", "1g"))
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    if not toolchain_present():
        print(
            "with_neo4j: no Java or Maven on this machine: running without a Neo4j server; "
            "the Neo4j tests will be SKIPPED",
            file=sys.stderr,
            flush=True,
        )
        return subprocess.call(command)
    if not (CLASSES / "sinograph").is_dir() or not any(LIB.glob("neo4j-5.26*.jar")):
        print(
            "with_neo4j: the test server is not built; run `make neo4j-test-server`",
            file=sys.stderr,
        )
        return 3
    home = Path(tempfile.mkdtemp(prefix="sinograph-neo4j-"))
    password = secrets.token_urlsafe(18)
    started = time.monotonic()
    try:
        try:
            process, port = start_server(home, password, heap=args.heap)
        except RuntimeError as exc:
            print(f"with_neo4j: {exc}", file=sys.stderr)
            return 3
        print(
            f"with_neo4j: Neo4j test server on bolt://127.0.0.1:{port} "
            f"(ready in {time.monotonic() - started:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
        env = {
            **os.environ,
            "SINOGRAPH_TEST_NEO4J_URI": f"bolt://127.0.0.1:{port}",
            "SINOGRAPH_TEST_NEO4J_USER": "neo4j",
            "SINOGRAPH_TEST_NEO4J_PASSWORD": password,
            "SINOGRAPH_TEST_NEO4J_DATABASE": "neo4j",
            "SINOGRAPH_TEST_NEO4J_REQUIRED": "1",
            "SINOGRAPH_TEST_NEO4J_CLASSPATH": classpath(),
        }
        try:
            return subprocess.call(command, env=env)
        finally:
            stop_server(process)
    except KeyboardInterrupt:
        return 130
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
