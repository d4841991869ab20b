#!/usr/bin/env python3
"""Cross-setting start-up checks against real PostgreSQL: settings that pass the
configuration file check (`postgres -C`) but stop the postmaster when it starts
(superuser_reserved_connections >= max_connections, wal_level = minimal with WAL senders
or archiving, WAL sizes below two segments ...). Each case is started for real; pglint
must report an error exactly when the server refuses to start.

Usage: startup_oracle.py --pglint PATH [--majors 13 16 18]
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pgserver  # noqa: E402

# (name, lines, majors where the case applies: None = all)
CASES = [
    ("empty", [], None),
    ("max-connections-3", ["max_connections = 3"], None),
    ("max-connections-4", ["max_connections = 4"], None),
    ("reserved-plus-superuser", ["max_connections = 5", "superuser_reserved_connections = 2",
                                 "reserved_connections = 3"], range(16, 19)),
    ("reserved-fits", ["max_connections = 6", "superuser_reserved_connections = 2",
                       "reserved_connections = 3"], range(16, 19)),
    ("minimal-default-senders", ["wal_level = minimal"], None),
    ("minimal-no-senders", ["wal_level = minimal", "max_wal_senders = 0"], None),
    ("minimal-archive", ["wal_level = minimal", "max_wal_senders = 0", "archive_mode = on"], None),
    ("minimal-summarize", ["wal_level = minimal", "max_wal_senders = 0", "summarize_wal = on"], range(17, 19)),
    ("min-wal-one-segment", ["min_wal_size = 16MB"], None),
    ("max-wal-one-segment", ["max_wal_size = 16MB", "min_wal_size = 16MB"], None),
    ("wal-two-segments", ["max_wal_size = 32MB", "min_wal_size = 32MB"], None),
]

# pglint findings that mean "PostgreSQL will not start".
REFUSING_RULES = {"V101", "V102", "V103", "V104", "V105", "V106", "C101", "C102"}


def server_starts(server, conf: Path, sockets: Path, timeout: float = 20.0) -> tuple[bool, str]:
    """Starts the postmaster in the foreground; True when it reaches 'ready to accept connections'."""
    argv = server.wrap([server.bin("postgres"), "-D", str(server.datadir), "-c", f"config_file={conf}",
                        "-c", "listen_addresses=", "-c", f"unix_socket_directories={sockets}", "-p", "55432"])
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=server.env,
                            start_new_session=True)
    output = b""
    deadline = time.time() + timeout
    os.set_blocking(proc.stdout.fileno(), False)
    while time.time() < deadline:
        chunk = proc.stdout.read() or b""
        output += chunk
        if b"ready to accept connections" in output:
            os.killpg(proc.pid, signal.SIGINT)  # fast shutdown
            proc.wait(timeout=30)
            return True, output.decode(errors="replace")
        if proc.poll() is not None:
            output += proc.stdout.read() or b""
            return False, output.decode(errors="replace")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    raise RuntimeError(f"postgres neither started nor failed within {timeout}s:\n{output.decode(errors='replace')}")


def pglint_refuses(pglint: str, major: int, directory: Path) -> tuple[bool, list]:
    result = subprocess.run([pglint, "--pg-version", str(major), "check", "--format", "json", "--fail-on", "never",
                             "--select", ",".join(sorted(REFUSING_RULES)), str(directory)],
                            capture_output=True, timeout=60)
    findings = json.loads(result.stdout)["findings"]
    refusing = [f for f in findings if f["rule"] in REFUSING_RULES and f["severity"] == "error"]
    return bool(refusing), refusing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pglint", required=True)
    ap.add_argument("--majors", nargs="+", type=int, default=[13, 16, 18])
    args = ap.parse_args()
    passed = failed = 0
    for major in args.majors:
        server = pgserver.PgServer(major, cluster="data-startup").prepare()
        for name, lines, majors in CASES:
            if majors is not None and major not in majors:
                continue
            with tempfile.TemporaryDirectory(prefix="pglint-startup-") as tmp:
                directory = Path(tmp)
                os.chmod(directory, 0o777)
                conf = directory / "postgresql.conf"
                conf.write_text("".join(line + "\n" for line in lines))
                server.make_readable(conf)
                starts, log = server_starts(server, conf, directory)
                refuses, findings = pglint_refuses(args.pglint, major, directory)
            if starts != refuses:
                passed += 1
            else:
                failed += 1
                print(f"--- DISAGREE pg{major} {name}: postgres {'starts' if starts else 'refuses'}; "
                      f"pglint {'refuses' if refuses else 'accepts'}")
                print("    " + "\n    ".join(log.strip().splitlines()[-3:]))
                for f in findings:
                    print(f"    | {f['rule']} {f['message']}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
