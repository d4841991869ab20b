"""Run real PostgreSQL servers (13..18) for oracle tests.  Python 3 stdlib only.

The binaries come from ``tools/fetch-postgres`` and live in
``${PGLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pglint}/pg/<major>``.

PostgreSQL refuses to run as root.  When this process is root, every server
command runs as the unprivileged user ``pglint`` (created with ``useradd -m``
when missing) through ``runuser -u pglint --``, from a copy of the binaries in
a directory that user owns (the cache usually sits under /root, which other
users cannot traverse).  When not root, the binaries run straight from the
cache as the current user.

Typical use::

    srv = PgServer(16, workdir)       # workdir: e.g. default_workdir()
    srv.prepare()                     # binaries + initdb (cached, reused)
    ok, stderr = srv.check_conf(path) # verdict of `postgres -C` on one file

For tests that need a running server (pg_hba, ...) see ``single_user`` and
``start``/``stop``.  ``hba_file_rules(path)`` gives PostgreSQL's reading of any
pg_hba.conf: the rows of the pg_hba_file_rules view plus the debug messages it
logs for each line (one single-user run; use ``PgServer(major, workdir,
cluster="data-hba")`` so that it cannot meet the lock of another test's server).
"""

from __future__ import annotations

import fcntl
import os
import re
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FETCH_SCRIPT = REPO_ROOT / "tools" / "fetch-postgres"
SUPPORTED_MAJORS = (13, 14, 15, 16, 17, 18)
RUN_USER = "pglint"


def cache_dir() -> Path:
    """The download cache that tools/fetch-postgres fills."""
    if os.environ.get("PGLINT_CACHE"):
        return Path(os.environ["PGLINT_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "pglint"


def default_workdir() -> Path:
    """Where data directories (and, as root, the binary copies) are kept between runs."""
    tmp = os.environ.get("TMPDIR") or tempfile.gettempdir()
    return Path(tmp) / f"pglint-oracle-{os.getuid()}"


def is_root() -> bool:
    return os.geteuid() == 0


def server_env() -> dict:
    """A small, predictable environment for server processes."""
    env = {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LC_ALL": "C",
        "LANG": "C",
        "TZ": "UTC",
    }
    return env


def ensure_run_user() -> pwd.struct_passwd:
    """As root: the unprivileged user that runs the servers (created if missing)."""
    try:
        return pwd.getpwnam(RUN_USER)
    except KeyError:
        subprocess.run(["useradd", "-m", RUN_USER], check=True)
        return pwd.getpwnam(RUN_USER)


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid, follow_symlinks=False)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)


class PgServerError(RuntimeError):
    pass


@dataclass
class ConfVerdict:
    accepted: bool
    returncode: int
    stdout: str
    stderr: str

    @property
    def first_error(self) -> str:
        """The most telling stderr line: the first LOG/ERROR line, else the first line."""
        lines = [l for l in self.stderr.splitlines() if l.strip()]
        for l in lines:
            for tag in ("LOG:", "ERROR:", "FATAL:"):
                if tag in l:
                    return l[l.index(tag):].strip()   # without the time stamp and pid
        return lines[0].strip() if lines else ""


class PgServer:
    """One PostgreSQL major: binaries, a cached data directory, and ways to run it."""

    def __init__(self, major: int, workdir: Path | str | None = None, cluster: str = "data"):
        """`cluster` names the directory of the data directories: WORKDIR/<cluster>/<major>.

        The default "data" is shared with conf_oracle.py (`postgres -C` takes no lock).
        Tests that run the single-user backend or start a server should use a cluster of
        their own (hba_oracle.py uses "data-hba") so that they cannot meet a postmaster.pid
        lock of another test.
        """
        self.major = int(major)
        self.workdir = Path(workdir) if workdir else default_workdir()
        self.cache = cache_dir() / "pg" / str(self.major)
        self.as_root = is_root()
        self.user = ensure_run_user() if self.as_root else None
        if self.as_root:
            self.home = self.workdir / "bin" / str(self.major)
        else:
            self.home = self.cache
        self.datadir = self.workdir / cluster / str(self.major)
        self.env = server_env()

    # ---- paths and commands ------------------------------------------------
    def bin(self, name: str) -> str:
        return str(self.home / "bin" / name)

    def wrap(self, argv: list[str]) -> list[str]:
        """Prefix a server command so that it runs as the unprivileged user when root."""
        argv = [str(a) for a in argv]
        if self.as_root:
            return ["runuser", "-u", RUN_USER, "--"] + argv
        return argv

    def run(self, argv: list[str], input: bytes | None = None, timeout: float = 120,
            check: bool = False) -> subprocess.CompletedProcess:
        proc = subprocess.run(self.wrap(argv), input=input, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, timeout=timeout,
                              cwd="/")
        if check and proc.returncode != 0:
            raise PgServerError(
                f"{' '.join(argv)} exited {proc.returncode}:\n"
                f"{proc.stderr.decode(errors='replace')}{proc.stdout.decode(errors='replace')}")
        return proc

    # ---- setup -----------------------------------------------------------------
    def version_tag(self) -> str:
        return (self.cache / ".version").read_text().strip()

    def ensure_binaries(self) -> None:
        """Fetch into the cache if missing; as root, copy to a directory RUN_USER owns."""
        if not (self.cache / "bin" / "postgres").exists() or not (self.cache / ".version").exists():
            subprocess.run([str(FETCH_SCRIPT), str(self.major)], check=True)
        if not self.as_root:
            return
        self._make_workdir()
        want = self.version_tag()
        marker = self.home / ".version"
        if marker.exists() and marker.read_text().strip() == want and (self.home / "bin" / "postgres").exists():
            return
        if self.home.exists():
            shutil.rmtree(self.home)
        self.home.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.home.parent / f".{self.major}.tmp-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        shutil.copytree(self.cache, tmp, symlinks=True, ignore=shutil.ignore_patterns(".version"))
        _chown_tree(tmp, self.user.pw_uid, self.user.pw_gid)
        os.rename(tmp, self.home)
        marker.write_text(want + "\n")
        os.chown(marker, self.user.pw_uid, self.user.pw_gid)

    def _make_workdir(self) -> None:
        """The oracle work dir and its bin/ and data/ subdirs, traversable by RUN_USER."""
        for d in (self.workdir, self.workdir / "bin", self.datadir.parent):
            d.mkdir(parents=True, exist_ok=True)
            if self.as_root:
                os.chown(d, self.user.pw_uid, self.user.pw_gid)
            os.chmod(d, 0o755)

    def ensure_datadir(self) -> None:
        """initdb once per major; reused when it already holds a cluster of this major."""
        pgver = self.datadir / "PG_VERSION"
        if pgver.exists() and pgver.read_text().strip() == str(self.major) \
                and (self.datadir / "postgresql.conf").exists():
            return
        self._make_workdir()
        if self.datadir.exists():
            shutil.rmtree(self.datadir)
        self.datadir.mkdir(mode=0o700)
        if self.as_root:
            os.chown(self.datadir, self.user.pw_uid, self.user.pw_gid)
        self.run([self.bin("initdb"), "-D", self.datadir, "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale=C"], check=True, timeout=300)

    def prepare(self) -> "PgServer":
        # ctest runs the oracle tests in parallel: one process at a time copies binaries
        # and runs initdb, the others wait and then find them ready.
        self.workdir.mkdir(parents=True, exist_ok=True)
        with open(self.workdir / f".prepare-{self.major}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return self._prepare_locked()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _prepare_locked(self) -> "PgServer":
        self.ensure_binaries()
        if self.as_root:
            probe = self.run(["test", "-x", self.workdir, "-a", "-x", self.bin("postgres")])
            if probe.returncode != 0:
                raise PgServerError(f"user {RUN_USER} cannot reach {self.workdir}: choose a work "
                                    f"directory outside /root (e.g. under /tmp)")
        self.ensure_datadir()
        return self

    def make_readable(self, path: Path | str) -> None:
        """Files handed to the server must be readable by RUN_USER (and their dirs traversable)."""
        p = Path(path)
        if p.is_dir():
            os.chmod(p, 0o755)
            for child in p.iterdir():
                if child.is_file():
                    os.chmod(child, 0o644)
        else:
            os.chmod(p, 0o644)

    # ---- verdicts ----------------------------------------------------------------
    def check_conf(self, conf_file: Path | str, show: str = "work_mem",
                   timeout: float = 60) -> ConfVerdict:
        """Does PostgreSQL accept `conf_file` as postgresql.conf?

        `postgres -D DATADIR -c config_file=FILE -C work_mem` parses and applies the
        file the way the postmaster does at start-up, prints one value and exits:
        0 = accepted, non-zero = rejected (stderr has the LOG lines and a FATAL).
        The data directory's postgresql.auto.conf (empty) is read too.
        """
        proc = self.run([self.bin("postgres"), "-D", self.datadir,
                         "-c", f"config_file={conf_file}", "-C", show], timeout=timeout)
        return ConfVerdict(proc.returncode == 0, proc.returncode,
                           proc.stdout.decode(errors="replace"),
                           proc.stderr.decode(errors="replace"))

    # ---- running servers (for pg_hba and other tests) ------------------------------
    def single_user(self, sql: str, database: str = "postgres", extra: list[str] | None = None,
                    timeout: float = 120) -> subprocess.CompletedProcess:
        """Run SQL statements (one per line, or `-j` style via extra) in single-user mode.

        Output is the stand-alone backend's debug format on stdout; to get data out
        reliably, COPY (...) TO '<file in a dir RUN_USER can write>'.
        """
        argv = [self.bin("postgres"), "--single", "-D", self.datadir] + (extra or []) + [database]
        return self.run(argv, input=sql.encode(), timeout=timeout)

    def query_json(self, select: str, database: str = "postgres"):
        """JSON result of a SELECT: COPY its json_agg into a file and read it back."""
        import json
        outdir = Path(tempfile.mkdtemp(prefix="pgq-", dir=self.workdir))
        try:
            if self.as_root:
                os.chown(outdir, self.user.pw_uid, self.user.pw_gid)
            out = outdir / "out.json"
            sql = (f"COPY (SELECT coalesce(json_agg(q), '[]') FROM ({select}) q) "
                   f"TO '{out}' WITH (FORMAT text)\n")
            proc = self.single_user(sql, database=database)
            if proc.returncode != 0 or not out.exists():
                raise PgServerError(proc.stderr.decode(errors="replace") + proc.stdout.decode(errors="replace"))
            text = out.read_text().rstrip("\n")
            # undo COPY's text-format escapes (\\ \n \t \r ...)
            esc = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}
            text = re.sub(r"\\(.)", lambda m: esc.get(m.group(1), m.group(1)), text)
            return json.loads(text)
        finally:
            shutil.rmtree(outdir, ignore_errors=True)

    def start(self, port: int, conf_args: list[str] | None = None, timeout: int = 60,
              logfile: Path | None = None) -> None:
        """Start a server on 127.0.0.1:port (socket dir = the data directory)."""
        opts = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.datadir}"
        for a in conf_args or []:
            opts += f" -c {a}"
        log = logfile or (self.workdir / f"server-{self.major}.log")
        if self.as_root and not log.exists():
            log.touch()
            os.chown(log, self.user.pw_uid, self.user.pw_gid)
        self.run([self.bin("pg_ctl"), "-D", self.datadir, "-l", log, "-o", opts,
                  "-w", "-t", str(timeout), "start"], check=True, timeout=timeout + 30)

    def stop(self, mode: str = "fast", timeout: int = 60) -> None:
        self.run([self.bin("pg_ctl"), "-D", self.datadir, "-m", mode, "-w",
                  "-t", str(timeout), "stop"], timeout=timeout + 30)

    def reload(self) -> subprocess.CompletedProcess:
        return self.run([self.bin("pg_ctl"), "-D", self.datadir, "reload"])

    # ---- pg_hba.conf: the rows of pg_hba_file_rules --------------------------------
    def hba_file_rules(self, hba_file: Path | str, settings: dict | None = None,
                       debug_log: bool = True, timeout: float = 300) -> "HbaFileRules":
        """What PostgreSQL makes of `hba_file`: the rows of the pg_hba_file_rules view.

        One run of the single-user backend (no authentication, so a broken file does not
        stop it) with ``-c hba_file=FILE`` plus ``-c name=value`` for each of `settings`
        (e.g. {"ssl": "off"}).  The view re-reads the file on every query and gives one
        row per non-comment line (16+: also the rows of included files, with their
        file_name).  A row's ``error`` is NULL when the line is fine; hostssl with ssl
        off and hostgssenc without GSSAPI give an error on a line that still loads (its
        ``type`` is set).  A row with ``type`` NULL did not load, even when ``error`` is
        NULL: some option errors (bad clientcert value, RADIUS lists and ports, RADIUS
        host names that do not resolve) are only logged.  With `debug_log`, the backend
        runs with log_min_messages=debug3, the level at which the view logs each line's
        problems, and those messages are returned by (file, line).
        The file and its directory must be readable by RUN_USER when root.
        """
        import json
        outdir = Path(tempfile.mkdtemp(prefix="hba-", dir=self.workdir))
        try:
            if self.as_root:
                os.chown(outdir, self.user.pw_uid, self.user.pw_gid)
            os.chmod(outdir, 0o755)
            out = outdir / "rules.json"
            extra = ["-c", f"hba_file={hba_file}"]
            for name, value in (settings or {}).items():
                extra += ["-c", f"{name}={value}"]
            if debug_log:
                extra += ["-c", "log_min_messages=debug3", "-c", "log_line_prefix="]
            sql = ("COPY (SELECT json_build_object("
                   "'hba_file', current_setting('hba_file'), "
                   "'ssl', current_setting('ssl'), "
                   "'server_version', current_setting('server_version'), "
                   "'rows', (SELECT coalesce(json_agg(r ORDER BY r.line_number), '[]') "
                   "FROM pg_hba_file_rules r))) "
                   f"TO '{out}' WITH (FORMAT text)\n")
            t0 = time.monotonic()
            proc = self.single_user(sql, extra=extra, timeout=timeout)
            seconds = time.monotonic() - t0
            stderr = proc.stderr.decode(errors="replace")
            if proc.returncode != 0 or not out.exists():
                hint = ""
                if "postmaster.pid" in stderr or "lock file" in stderr:
                    hint = (f"\n(another server or single-user backend is using {self.datadir}; "
                            f"wait for it or use another --workdir)")
                raise PgServerError(f"single-user backend failed (exit {proc.returncode}):\n"
                                    f"{stderr[-4000:]}{proc.stdout.decode(errors='replace')[-2000:]}{hint}")
            text = out.read_text(encoding="utf-8", errors="replace").rstrip("\n")
            doc = json.loads(_copy_text_unescape(text))
            return HbaFileRules(
                settings={k: doc[k] for k in ("hba_file", "ssl", "server_version")},
                rows=doc["rows"],
                messages=parse_config_debug_log(stderr) if debug_log else {},
                stderr=stderr,
                seconds=seconds)
        finally:
            shutil.rmtree(outdir, ignore_errors=True)


# ---- pg_hba.conf helpers ---------------------------------------------------------------

@dataclass
class HbaFileRules:
    """The result of PgServer.hba_file_rules()."""
    settings: dict      # hba_file, ssl, server_version as the backend saw them
    rows: list          # pg_hba_file_rules rows as dicts (NULL -> None); 13-15: no file_name
    messages: dict      # {(file, line_number): [message, ...]} from the debug3 log
    stderr: str
    seconds: float      # wall time of the single-user run


_COPY_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}


def _copy_text_unescape(text: str) -> str:
    """Undo COPY's text-format escapes (\\\\ \\n \\t \\r ...)."""
    return re.sub(r"\\(.)", lambda m: _COPY_ESCAPES.get(m.group(1), m.group(1)), text)


_LOG_LINE = re.compile(r"^(DEBUG|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|CONTEXT|"
                       r"STATEMENT):  (.*)$")
_CONFIG_CONTEXT = re.compile(r'^line (\d+) of configuration file "(.*)"$')


def parse_config_debug_log(stderr: str) -> dict:
    """{(file, line): [message, ...]} from server stderr with an empty log_line_prefix.

    Every message about a line of pg_hba.conf / pg_ident.conf carries the context
    `line N of configuration file "FILE"`; messages without it are skipped.
    """
    out: dict = {}
    current = None
    for line in stderr.splitlines():
        m = _LOG_LINE.match(line)
        if not m:
            continue
        tag, text = m.groups()
        if tag in ("DETAIL", "HINT", "STATEMENT"):
            continue
        if tag == "CONTEXT":
            c = _CONFIG_CONTEXT.match(text)
            if c and current is not None:
                out.setdefault((c.group(2), int(c.group(1))), []).append(current)
            current = None
            continue
        current = text
    return out


def parse_oracle_args(ap, argv=None):
    """Parses an oracle runner's arguments: PGLINT_ORACLE_COUNT overrides --count, and
    --pglint is required (and made absolute) unless --verdicts-only."""
    a = ap.parse_args(argv)
    env_count = os.environ.get("PGLINT_ORACLE_COUNT")
    if env_count:
        a.count = int(env_count)
    if not a.verdicts_only and not a.pglint:
        ap.error("--pglint is required unless --verdicts-only")
    if a.pglint:
        a.pglint = str(Path(a.pglint).resolve())
    return a


def prepare_all(majors, workdir=None) -> dict:
    return {m: PgServer(m, workdir).prepare() for m in majors}


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="Prepare PostgreSQL servers and check config files.")
    ap.add_argument("--major", type=int, action="append", dest="majors",
                    help="repeatable; default: all of 13..18")
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("files", nargs="*", help="config files to check with every major")
    a = ap.parse_args()
    for m in a.majors or SUPPORTED_MAJORS:
        t = time.monotonic()
        srv = PgServer(m, a.workdir).prepare()
        print(f"pg{m}: ready in {time.monotonic() - t:.1f}s  ({srv.home})")
        for f in a.files:
            srv.make_readable(f)
            v = srv.check_conf(os.path.abspath(f))
            print(f"  {f}: {'accepted' if v.accepted else 'rejected'} {v.first_error}")
