#!/usr/bin/env python3
"""Generate one-line postgresql.conf cases for the oracle test.  Python 3 stdlib only.

    gen_conf_lines.py --major 16 --seed 1 --count 3000      # print the cases (repr)

``generate(major, seed, count)`` is deterministic for a given (major, seed,
count) and a given catalogue file.  It reads ``schemas/catalog/pg<major>.json``
(and the other majors' catalogues, to find names that exist only elsewhere);
while a catalogue is missing it falls back to a catalogue built from the real
server's pg_settings (development only: no hidden parameters, aliases or
hidden enum values there), with a warning on stderr.

Each case is the whole content of one file (normally one line and its line
ending; sometimes CRLF or no final newline).  A case may carry an ``exclude``
reason: PostgreSQL's verdict on it is still collected, but it is not compared
with pglint's (build-dependent values: the npm server builds lack
lz4/zstd/GSSAPI/LDAP/PAM/...).
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CATALOG_DIR = REPO_ROOT / "schemas" / "catalog"
ALL_MAJORS = (13, 14, 15, 16, 17, 18)

# --------------------------------------------------------------------------------------
# Parameters never used in generated lines: their validity depends on the machine the
# server runs on, not on the file, so a static linter cannot be expected to agree.
# --------------------------------------------------------------------------------------
ENVIRONMENT_DEPENDENT = {
    "lc_messages": "locale names are checked with setlocale(): depends on the locales installed",
    "lc_monetary": "locale names are checked with setlocale(): depends on the locales installed",
    "lc_numeric": "locale names are checked with setlocale(): depends on the locales installed",
    "lc_time": "locale names are checked with setlocale(): depends on the locales installed",
    "timezone": "zone names are looked up in the server's tzdata directory",
    "log_timezone": "zone names are looked up in the server's tzdata directory",
    "timezone_abbreviations": "abbreviation files are read from the server's share directory",
    "max_stack_depth": "the maximum depends on the stack rlimit (ulimit -s) of the process",
    "dynamic_shared_memory_type": "the accepted values depend on the platform",
    "data_directory": "points the server at another data directory: the check then depends on it",
    "config_file": "names the file being read; meaningful only on the command line",
    "hba_file": "a path on the server's machine (checked later, at start-up, not by -C)",
    "ident_file": "a path on the server's machine (checked later, at start-up, not by -C)",
    "external_pid_file": "a path on the server's machine",
    "shared_preload_libraries": "libraries are loaded from the server's installation",
    "local_preload_libraries": "libraries are loaded from the server's installation",
    "session_preload_libraries": "libraries are loaded from the server's installation",
}

# Parameters whose accepted values depend on how the server was built, beyond what the
# catalogue marks as build-dependent.  Lines naming them are generated but not compared.
BUILD_DEPENDENT_EXTRA = {
    "bonjour": "'on' needs a server built --with-bonjour (the npm builds say 'Bonjour is not "
               "supported by this build'); 'off' is accepted by every build",
}

# Names that exist (or existed) in some PostgreSQL version; used as "other version"
# names even when a catalogue for that version does not list them.
OTHER_VERSION_NAMES = [
    "wal_keep_segments",          # removed in 13 (wal_keep_size)
    "stats_temp_directory",       # removed in 15
    "vacuum_defer_cleanup_age",   # removed in 16
    "promote_trigger_file",       # removed in 16
    "force_parallel_mode",        # renamed debug_parallel_query in 16
    "debug_parallel_query",       # new in 16
    "operator_precedence_warning",  # removed in 14
    "checkpoint_segments",        # removed in 9.5
    "default_with_oids",          # hidden in 12+: only false is accepted
    "replacement_sort_tuples",    # removed in 11
    "ssl_groups",                 # new in 18
    "ssl_tls13_ciphers",          # new in 18
    "io_method",                  # new in 18
    "autovacuum_worker_slots",    # new in 18
    "summarize_wal",              # new in 17
    "allow_alter_system",         # new in 17
    "createrole_self_grant",      # new in 16
    "debug_io_direct",            # new in 16
    "recovery_prefetch",          # new in 15
    "log_startup_progress_interval",  # new in 15
    "client_connection_check_interval",  # new in 14
    "compute_query_id",           # new in 14
    "wal_sender_timeout",         # everywhere (control)
    "recovery_init_sync_method",  # new in 14
    "old_snapshot_threshold",     # removed in 17
    "trace_recovery_messages",    # removed in 17
    "db_user_namespace",          # removed in 17
    "ssl_renegotiation_limit",    # removed in 9.5
    "autovacuum_freeze_max_age",  # everywhere (control)
]

UNKNOWN_NAMES = [
    "work_memory", "max_connection", "shared_buffer", "foo", "listen_address", "ssl_cert",
    "logging_collector_on", "xyz123", "_underscore_first", "wal_keep_segment", "Q",
    "enable_everything", "autovaccum", "fsync_mode", "w\xc3\xb6rk_mem",
]

PLACEHOLDER_NAMES = [
    "ext.name", "x.y", "myext.setting", "pg_stat_statements.max", "auto_explain.log_min_duration",
    "plpgsql.variable_conflict", "Custom.Value", "a_b.c_d", "e1.f2", "pgaudit.log",
    "ext.name_with_digits_123", "\xc3\xa9xt.n\xc3\xa4me", "_x._y",
]

# Names with something the lexer does not take as a name, or a doubtful placeholder.
BAD_NAMES = [
    "a.b.c", "x.y.z", "1abc", "a-b", "work-mem", "a..b", ".x", "x.", "x.1", "x.y-z", "x/y",
    "work_mem.", "$x", "x.$y", "ext.na$me", "'work_mem'", '"work_mem"', "work mem",
]

BOOL_WORDS = [
    "t", "tr", "tru", "true", "f", "fa", "fal", "fals", "false", "o", "on", "of", "off",
    "y", "ye", "yes", "n", "no", "1", "0", "01", "10", "2", "-1", "TRUE", "True", "OFF", "Of",
    "oN", "YES", "nO", "yes please", "onn", "offf", "truee", "x", "", " on", "on ", " 1",
    "enable", "enabled", "disable", "none", "0x1", "1.0", "t ", "\ton",
]

MEM_UNITS = ["B", "kB", "MB", "GB", "TB"]
TIME_UNITS = ["us", "ms", "s", "min", "h", "d"]
BAD_UNITS = ["KB", "kb", "mb", "Mb", "gb", "Gb", "tb", "PB", "b", "K", "M", "G", "k",
             "m", "sec", "secs", "S", "H", "D", "hr", "hour", "hours", "day", "days", "mins",
             "minutes", "MS", "Ms", "US", "µs", "w", "y", "kB2", "kBB", "MiB", "KiB"]

ENUM_PROBES = ["on", "off", "true", "false", "yes", "no", "1", "0", "default", "none",
               "auto", "all", "garbage", "", "-1", "2", "debug", "archive", "hot_standby",
               "t", "y", "of", "On", "TRUE"]

GENERIC_STRINGS = [
    "foo", "", "it''s", "a\\nb", "C:\\\\path", "\\'x\\'", "x\\qy", "%m [%p] ", "/var/log",
    "/tmp/x y", "*", "HIGH:!aNULL", "en_US.UTF8", "en_US.UTF-8", "localhost", "127.0.0.1",
    "a,b", "a, b", "\xc3\xa9t\xc3\xa9", "\\101", "x\ty", "  spaced  ", "on", "0", "-1", "$user",
    '"$user", public', "DEFAULT", "null", "\\\\", "\\0", "a'b",
]

# Parameter-specific string values (raw text before quoting).  Names missing from a
# major's catalogue are simply not used.
STRING_VALUES = {
    "datestyle": ["ISO, MDY", "iso, dmy", "German", "SQL, DMY", "Postgres", "ISO", "MDY", "ymd",
                  "ISO, European", "ISO,US", "foo", "ISO, MDY, DMY", "ISO, German", ""],
    "search_path": ['"$user", public', "public", "a, b", '"a,b"', '"unterminated', "", "$user",
                    "pg_catalog, public", "a b"],
    "client_encoding": ["UTF8", "utf8", "UTF-8", "LATIN1", "SQL_ASCII", "win1252", "foo",
                        "EUC_JP", "SJIS", ""],
    "log_destination": ["stderr", "csvlog", "syslog", "jsonlog", "stderr,csvlog", "stderr, jsonlog",
                        "STDERR", "stdout", "", "stderr,,csvlog", "file"],
    "synchronous_standby_names": ["*", "s1", "s1, s2", "FIRST 2 (s1, s2, s3)", "ANY 1 (s1, s2)",
                                  "2 (s1, s2)", "FIRST (s1)", "ANY 0 (s1)", "s1 s2", "", '"s1"'],
    "backtrace_functions": ["foo", "foo,bar", "foo, bar", "foo-bar", "", "x;y"],
    "wal_consistency_checking": ["all", "heap", "heap,btree", "Heap", "foo", "", "heap, gist",
                                 "heap2,hash,gin,gist,sequence,spgist,brin,generic"],
    "application_name": ["psql", "my app", "\xc3\xa9t\xc3\xa9", "", "x" * 70],
    "cluster_name": ["main", "\xc3\xa9t\xc3\xa9", "", "x" * 70, "my cluster"],
    "log_connections": ["on", "off", "true", "receipt", "receipt,authentication",
                        "authentication, authorization", "setup_durations", "all", "", "foo",
                        "all,receipt", "RECEIPT", "1", "0"],
    "debug_io_direct": ["", "data", "wal", "wal_init", "data,wal", "data, wal, wal_init", "foo",
                        "DATA"],
    "createrole_self_grant": ["", "set", "inherit", "set, inherit", "SET", "foo", "set,set"],
    "restrict_nonsystem_relation_kind": ["", "view", "foreign-table", "view, foreign-table",
                                         "table", "VIEW"],
    "recovery_target": ["", "immediate", "Immediate", "latest", "foo"],
    "recovery_target_lsn": ["", "0/0", "16/B374D848", "FFFFFFFF/FFFFFFFF", "foo", "1/2/3", "0/"],
    "recovery_target_xid": ["", "1234", "0", "foo", "-1", "1234:5"],
    "recovery_target_name": ["", "before_upgrade", "x" * 70],
    "recovery_target_time": ["", "2024-01-01 00:00:00", "2024-01-01 00:00:00+00", "garbage",
                             "2024-13-45", "2024-01-01"],
    "recovery_target_timeline": ["latest", "current", "1", "0", "foo", "", "0x10", "-1"],
    "primary_slot_name": ["", "slot_1", "Slot1", "slot-1", "s" * 64, "s" * 63],
    "default_text_search_config": ["pg_catalog.english", "english", "nonexistent", ""],
    "default_tablespace": ["", "pg_default", "nonexistent"],
    "temp_tablespaces": ["", "pg_default", "a, b", '"a'],
    "role": ["none", "postgres", "nobody"],
    "session_authorization": ["postgres", "nobody"],
    "listen_addresses": ["*", "localhost", "127.0.0.1, ::1", "", "0.0.0.0"],
    "unix_socket_directories": ["/tmp", "/var/run/postgresql, /tmp", "", "@abstract"],
    "ssl_ciphers": ["HIGH:MEDIUM:+3DES:!aNULL", "HIGH:!aNULL", "DEFAULT", "", "garbage"],
    "ssl_ecdh_curve": ["prime256v1", "X25519", "nonsense"],
    "ssl_groups": ["X25519:prime256v1", "prime256v1", "nonsense"],
    "log_line_prefix": ["%m [%p] ", "%t ", "", "%q%u@%d ", "%z"],
    "archive_command": ["cp %p /archive/%f", "", "/bin/true", "test ! -f /a/%f && cp %p /a/%f"],
    "restore_command": ["cp /archive/%f %p", ""],
    "primary_conninfo": ["host=primary port=5432", "", "garbage", "host='unterminated"],
    "log_directory": ["log", "pg_log", "/var/log/postgresql", ""],
    "log_filename": ["postgresql-%Y-%m-%d_%H%M%S.log", "pg.log", ""],
    "event_source": ["PostgreSQL", ""],
    "bonjour_name": ["", "myhost"],
    "unix_socket_group": ["", "postgres", "nogroup"],
    "krb_server_keyfile": ["FILE:/etc/krb5.keytab", ""],
    "ssl_cert_file": ["server.crt", "/etc/ssl/x.pem", ""],
    "ssl_key_file": ["server.key", ""],
    "ssl_ca_file": ["", "root.crt"],
    "ssl_crl_file": ["", "root.crl"],
    "synchronized_standby_slots": ["", "slot1", "slot1, slot2", "bad-slot", "*"],
    "oauth_validator_libraries": ["", "myvalidator"],
    "archive_library": ["", "basic_archive"],
    "dynamic_library_path": ["$libdir", "/usr/lib:$libdir", ""],
    "default_table_access_method": ["heap", "HEAP", "foo", ""],
    "stats_temp_directory": ["pg_stat_tmp", ""],
    "promote_trigger_file": ["", "/tmp/promote"],
}

# Interesting lines written by hand (placed first, so they are always part of the run
# when count is large enough).  Parameters missing from a major are skipped.
CORE_LINES = [
    ("work_mem", "work_mem = 1.5GB"),
    ("work_mem", "work_mem = '1.5GB'"),
    ("work_mem", "work_mem='1000B'"),
    ("work_mem", "work_mem = '30.1GB'"),
    ("work_mem", "work_mem = 64MB"),
    ("work_mem", "work_mem = '10 MB'"),
    ("work_mem", "work_mem = 10 MB"),
    ("work_mem", "work_mem = 4mb"),
    ("work_mem", "work_mem = 4KB"),
    ("work_mem", "work_mem = 1e2"),
    ("work_mem", "work_mem = '1e2'"),
    ("work_mem", "work_mem = 1.0e2"),
    ("work_mem", "work_mem = 0x100"),
    ("work_mem", "work_mem = 0100"),
    ("work_mem", "work_mem = 08"),
    ("work_mem", "work_mem = ' 70 '"),
    ("work_mem", "work_mem = 2.5"),
    ("work_mem", "work_mem = 64.5"),
    ("work_mem", "work_mem = 2147483648"),
    ("work_mem", "work_mem = 4MB # comment"),
    ("work_mem", "work_mem = 4MB#comment"),
    ("work_mem", "work_mem = 4MB 5"),
    ("work_mem", "work_mem = '4MB"),
    ("work_mem", "work_mem ="),
    ("work_mem", "work_mem"),
    ("work_mem", "work_mem == 4MB"),
    ("work_mem", "work_mem 4MB"),
    ("work_mem", "WORK_MEM = 4MB"),
    ("work_mem", "work_mem = ."),
    ("work_mem", "work_mem = -64"),
    ("work_mem", "work_mem = +64"),
    ("statement_timeout", "statement_timeout = '500us'"),
    ("statement_timeout", "statement_timeout = '1h30min'"),
    ("statement_timeout", "statement_timeout = 1h"),
    ("statement_timeout", "statement_timeout = 2d"),
    ("statement_timeout", "statement_timeout = 5m"),
    ("statement_timeout", "statement_timeout = 5sec"),
    ("statement_timeout", "statement_timeout = '1.5s'"),
    ("checkpoint_completion_target", "checkpoint_completion_target = inf"),
    ("checkpoint_completion_target", "checkpoint_completion_target = nan"),
    ("checkpoint_completion_target", "checkpoint_completion_target = 0x1p2"),
    ("checkpoint_completion_target", "checkpoint_completion_target = '0x1p-2'"),
    ("checkpoint_completion_target", "checkpoint_completion_target = 1e-400"),
    ("checkpoint_completion_target", "checkpoint_completion_target = '1e-400'"),
    ("checkpoint_completion_target", "checkpoint_completion_target = .5"),
    ("checkpoint_completion_target", "checkpoint_completion_target = 5."),
    ("fsync", "fsync = of"),
    ("fsync", "fsync = o"),
    ("fsync", "fsync = tru"),
    ("fsync", "fsync = 01"),
    ("fsync", "fsync = ''"),
    ("fsync", "fsync = ' on'"),
    ("fsync", "fsync = YeS"),
    ("wal_level", "wal_level = REPLICA"),
    ("wal_level", "wal_level = repl"),
    ("wal_level", "wal_level = archive"),
    ("wal_level", "wal_level = hot_standby"),
    ("synchronous_commit", "synchronous_commit = 'true'"),
    (None, "x.y = foo"),
    (None, "a.b.c = 1"),
    (None, "sort_mem = 4MB"),
    (None, "wal_keep_segments = 10"),
    ("server_version", "server_version = '99'"),
    ("block_size", "block_size = 8192"),
    (None, "."),
    (None, "= 5"),
    (None, ""),
    (None, "# only a comment"),
    (None, "   "),
    ("lc_collate", "lc_collate = 'C'"),
    ("default_toast_compression", "default_toast_compression = pglz"),
    ("log_destination", "log_destination = 'stderr,csvlog'"),
    ("search_path", "search_path = '\"$user\", public'"),
    ("search_path", "search_path = \"$user\", public"),
    ("log_directory", "log_directory = /var/log"),
    ("log_directory", "log_directory = var/log"),
    ("ssl_ciphers", "ssl_ciphers = HIGH:!aNULL"),
    ("listen_addresses", "listen_addresses = *"),
    ("application_name", "application_name = en_US.UTF-8"),
    ("application_name", "application_name = en_US.UTF8"),
    ("role", "role = 'postgres'"),
    (None, "include_if_exists 'missing-file.conf'"),
    (None, "include 'missing-file.conf'"),
    (None, "include_dir 'missing-dir'"),
    (None, "include = '/dev/null'"),
    (None, "include ''"),
]


# --------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------
@dataclass
class Param:
    name: str
    type: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    enum_values: list = field(default_factory=list)
    hidden_enum_values: list = field(default_factory=list)
    build_dependent_enum_values: list = field(default_factory=list)
    context: str = ""
    hidden: bool = False
    build_dependent: bool = False


@dataclass
class Catalog:
    major: int
    params: dict            # lower-case name -> Param
    aliases: dict           # lower-case alias -> canonical name
    source: str


def _num(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return v
    try:
        f = float(v)
    except ValueError:
        return None
    return int(f) if f.is_integer() and abs(f) < 1e18 else f


def catalog_path(major: int) -> Path:
    return CATALOG_DIR / f"pg{major}.json"


def _load_catalog_file(major: int, path: Path) -> Catalog:
    data = json.loads(path.read_text())
    params = {}
    for name, p in data.get("parameters", {}).items():
        params[name.lower()] = Param(
            name=name, type=p.get("type", "string"), unit=p.get("unit"),
            min=_num(p.get("min")), max=_num(p.get("max")),
            enum_values=list(p.get("enum_values") or []),
            hidden_enum_values=list(p.get("hidden_enum_values") or []),
            build_dependent_enum_values=list(p.get("build_dependent_enum_values") or []),
            context=p.get("context") or "", hidden=bool(p.get("hidden")),
            build_dependent=bool(p.get("build_dependent")))
    aliases = {}
    raw_aliases = data.get("aliases") or {}
    if isinstance(raw_aliases, dict):
        for k, v in raw_aliases.items():
            target = v if isinstance(v, str) else (v.get("target") or v.get("name") if isinstance(v, dict) else None)
            if target:
                aliases[k.lower()] = target
    return Catalog(major, params, aliases, str(path))


def _fallback_catalog(major: int, workdir=None) -> Catalog:
    """Development stand-in built from the real server's pg_settings (cached)."""
    from pgserver import PgServer, default_workdir
    wd = Path(workdir) if workdir else default_workdir()
    cached = wd / f"pg_settings-{major}.json"
    if cached.exists():
        rows = json.loads(cached.read_text())
    else:
        srv = PgServer(major, wd).prepare()
        rows = srv.query_json("SELECT name, vartype, unit, min_val, max_val, enumvals, context "
                              "FROM pg_settings")
        cached.write_text(json.dumps(rows))
    params = {}
    for r in rows:
        t = r["vartype"]
        params[r["name"].lower()] = Param(
            name=r["name"], type=t, unit=r["unit"], min=_num(r["min_val"]), max=_num(r["max_val"]),
            enum_values=list(r["enumvals"] or []), context=r["context"])
    aliases = {"sort_mem": "work_mem", "vacuum_mem": "maintenance_work_mem"}
    return Catalog(major, params, aliases, f"pg_settings of PostgreSQL {major} (fallback)")


_catalog_cache: dict = {}


def load_catalog(major: int, workdir=None, allow_fallback=True) -> Catalog:
    if major in _catalog_cache:
        return _catalog_cache[major]
    path = catalog_path(major)
    if path.exists():
        cat = _load_catalog_file(major, path)
    elif allow_fallback:
        print(f"warning: {path} missing; using pg_settings of PostgreSQL {major} instead "
              f"(no hidden parameters, aliases or hidden enum values)", file=sys.stderr)
        cat = _fallback_catalog(major, workdir)
    else:
        raise FileNotFoundError(path)
    _catalog_cache[major] = cat
    return cat


# --------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------
@dataclass
class Case:
    content: bytes          # the whole file
    kind: str               # which generator made it
    param: str | None = None
    exclude: str | None = None   # reason not to compare (verdict still collected)


def quote_plain(text: str, rng: random.Random) -> str:
    """Quote arbitrary text so that the server reads back exactly `text`."""
    out = text.replace("\\", "\\\\")
    out = out.replace("'", "''" if rng.random() < 0.6 else "\\'")
    return "'" + out + "'"


def unquoted_ok(text: str) -> bool:
    """Would the lexer read `text` unquoted as one value token?"""
    import re
    letter = r"[A-Za-z_\x80-\xff]"
    pats = [
        rf"{letter}(?:[A-Za-z_0-9\x80-\xff]|[-._:/])*",                       # UNQUOTED_STRING / ID
        r"[-+]?(?:[0-9]+|0x[0-9a-fA-F]+)[a-zA-Z]*",                            # INTEGER
        r"[-+]?[0-9]*\.[0-9]*(?:[Ee][-+]?[0-9]+)?",                            # REAL
    ]
    if re.fullmatch(rf"{letter}[A-Za-z_0-9\x80-\xff]*\.{letter}[A-Za-z_0-9\x80-\xff]*", text):
        return False   # QUALIFIED_ID (e.g. en_US.UTF8) is a name token, not a value token
    return any(re.fullmatch(p, text) for p in pats)


def pg_parse_bool(text: str):
    """PostgreSQL's parse_bool(): True, False or None (invalid)."""
    t = text.lower()
    if not t:
        return None
    if "true".startswith(t) or "yes".startswith(t):
        return True
    if "false".startswith(t) or "no".startswith(t):
        return False
    if t in ("on",):
        return True
    if t in ("of", "off"):
        return False
    if t == "1":
        return True
    if t == "0":
        return False
    return None


class Generator:
    def __init__(self, major: int, seed: int, workdir=None):
        self.major = major
        self.rng = random.Random(f"pglint-oracle:{major}:{seed}")
        self.cat = load_catalog(major, workdir)
        self.params = [p for k, p in sorted(self.cat.params.items()) if k not in ENVIRONMENT_DEPENDENT]
        self.by_type: dict = {}
        for p in self.params:
            self.by_type.setdefault(p.type, []).append(p)
        # names that exist in other majors' catalogues but not in this one
        others = set(OTHER_VERSION_NAMES)
        for m in (12,) + ALL_MAJORS:
            if m != major and catalog_path(m).exists():
                try:
                    others |= {p.name for p in load_catalog(m, workdir, allow_fallback=False).params.values()}
                except Exception:
                    pass
        self.other_names = sorted(n for n in others
                                  if n.lower() not in self.cat.params and n.lower() not in self.cat.aliases)
        self._cycle: list = []

    # ---- helpers -------------------------------------------------------------
    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def next_param(self) -> Param:
        """Round-robin over a shuffled list, so every parameter appears."""
        if not self._cycle:
            self._cycle = list(self.params)
            self.rng.shuffle(self._cycle)
        return self._cycle.pop()

    def spell_name(self, p: Param) -> str:
        r = self.rng.random()
        name = p.name
        if r < 0.12:
            name = "".join(c.upper() if self.rng.random() < 0.5 else c.lower() for c in name)
        elif r < 0.16:
            name = name.upper()
        elif r < 0.22:
            aliases = [a for a, t in self.cat.aliases.items() if t.lower() == p.name.lower()]
            if aliases:
                name = self.pick(aliases)
        return name

    def separator(self) -> str:
        return self.pick([" = ", "=", " = ", " ", "\t=\t", " =", "= ", " = ", "  =  ", " == "]
                         if self.rng.random() < 0.15 else [" = ", "=", " = "])

    def render(self, raw: str, force_quote=None) -> str:
        """Quoted or unquoted (when the lexer allows it)."""
        q = force_quote if force_quote is not None else (self.rng.random() < 0.5 or not unquoted_ok(raw))
        if not q and not unquoted_ok(raw) and self.rng.random() < 0.7:
            q = True
        return quote_plain(raw, self.rng) if q else raw

    def tail(self) -> str:
        r = self.rng.random()
        if r < 0.06:
            return self.pick([" # comment", "#c", "\t# x = 'y'", " #", " # ünïcödé"])
        if r < 0.08:
            return self.pick([" 5", " foo", " '", " =", " ;", ";", " , x", " #'"])
        return ""

    def ending(self) -> str:
        r = self.rng.random()
        if r < 0.05:
            return "\r\n"
        if r < 0.09:
            return ""
        if r < 0.10:
            return "\n\n"
        return "\n"

    def lead(self) -> str:
        return self.pick(["", "", "", "", "", "", " ", "\t", "  "])

    def make(self, text: str, kind: str, param: Param | None = None, exclude=None,
             decorate=True) -> Case:
        if decorate:
            text = self.lead() + text + self.tail()
            content = text + self.ending()
        else:
            content = text + "\n"
        if param is not None and exclude is None:
            if param.build_dependent:
                exclude = f"{param.name} is build-dependent"
            elif param.name.lower() in BUILD_DEPENDENT_EXTRA \
                    and kind not in ("bool", "bool-sweep"):
                exclude = f"{param.name}: {BUILD_DEPENDENT_EXTRA[param.name.lower()]}"
        return Case(content.encode("latin-1") if all(ord(c) < 256 for c in content) else content.encode(),
                    kind, param.name if param else None, exclude)

    # ---- values by type ------------------------------------------------------
    def int_text(self, v: int) -> str:
        r = self.rng.random()
        if r < 0.08 and v >= 0:
            return hex(v)
        if r < 0.12 and v > 0:
            return "0" + oct(v)[2:]
        if r < 0.15 and v >= 0:
            return "+" + str(v)
        return str(v)

    def int_values(self, p: Param):
        lo = int(p.min) if p.min is not None else -2147483648
        hi = int(p.max) if p.max is not None else 2147483647
        r = self.rng.random()
        if r < 0.30:
            v = self.rng.randint(lo, hi) if self.rng.random() < 0.3 else \
                self.rng.randint(lo, min(hi, max(lo, 0) + self.pick([10, 100, 1000, 100000])))
            return self.int_text(v), None
        if r < 0.42:
            return str(self.pick([lo, hi, lo - 1, hi + 1, 0, -1, 1])), None
        if r < 0.50:
            return self.pick(["2147483648", "-2147483649", "99999999999999999999", "4294967296",
                              "0x7fffffff", "0x80000000", "-0x10", "0xffffffffffffffff"]), None
        if r < 0.66:
            return self.pick(["2.5", "3.5", "1e2", "1.0e2", "1E3", "-2.5", "0.4", "0.5", "0.6",
                              "'1e2'", "'1.5e3'", "08", "09", "010", "0x", "0xg", "' 7 '", "'7 '",
                              "' 7'", "'+7'", "'-7'", "''", "abc", "true", "'0x10'", "'010'",
                              "'08'", "1,000", "'1_000'", "1_000", "'  '", "'1.5'",
                              "-0", "'inf'", "'nan'", "'1e400'", "'Infinity'", ".", "'.'"]), None
        # units
        return self.unit_value(p), None

    def unit_value(self, p: Param) -> str:
        unit = p.unit
        mem = unit in ("B", "kB", "MB", "8kB", "16MB", "GB", "TB") or (unit or "").endswith("B")
        time_ = unit in ("us", "ms", "s", "min", "h", "d")
        units = MEM_UNITS if mem else TIME_UNITS if time_ else self.pick([MEM_UNITS, TIME_UNITS])
        r = self.rng.random()
        if r < 0.45:
            u = self.pick(units)
        elif r < 0.75:
            u = self.pick(BAD_UNITS)
        else:
            u = self.pick(MEM_UNITS + TIME_UNITS)
        num = self.pick(["1", "10", "64", "100", "500", "1000", "1024", "4", "0", "-1", "2", "30",
                         "1.5", "30.1", "0.5", "16", "128", "8", "3", "2048", "1000000", "0.001"])
        form = self.rng.random()
        if form < 0.45:
            return num + u                        # unquoted (syntax error if num is fractional)
        if form < 0.85:
            return "'" + num + u + "'"
        if form < 0.93:
            return "'" + num + " " + u + "'"
        return self.pick([num + " " + u, "'" + num + u + " '", "'" + u + "'", "'" + num + u + u + "'",
                          "'1h30min'", "'1min30s'", "'" + num + " " + " " + u + "'"])

    def real_values(self, p: Param):
        lo = p.min if p.min is not None else -1e10
        hi = p.max if p.max is not None else 1e10
        r = self.rng.random()
        if r < 0.35:
            v = self.rng.uniform(max(lo, -1e6), min(hi, 1e6))
            t = self.pick([f"{v:.3f}", f"{v:.1f}", f"{v:g}", f"{round(v)}", f"{v:.2e}"])
            return t, None
        if r < 0.5:
            return self.pick([repr(float(lo)), repr(float(hi)), str(lo), str(hi), f"{hi * 1.01:.6g}",
                              f"{lo - 1:.6g}", "0", "-1", "1", "0.0"]), None
        if r < 0.8:
            return self.pick(["inf", "-inf", "'inf'", "'-inf'", "infinity", "'Infinity'", "nan",
                              "'NaN'", "0x1p2", "'0x1p2'", "'0x10'", "0x10", "1e-400", "'1e-400'",
                              "'1e400'", "1.0e400", "1.0e-3", "1e-3", "'1e-3'", ".5", "5.", ".",
                              "'.'", "' 0.5 '", "'0.5 '", "'0,5'", "abc", "''", "1.2.3",
                              "'1.5x'", "+.5", "-.5", "'+0.5'", "1.5e", "'1.5e'", "0.5e1"]), None
        if p.unit:
            return self.unit_value(p), None
        return self.pick(["'0.5kB'", "'1ms'", "0.5MB", "'1.5 s'", "1s"]), None

    def bool_values(self, p: Param):
        w = self.pick(BOOL_WORDS)
        if self.rng.random() < 0.2 and w:
            w = "".join(c.upper() if self.rng.random() < 0.5 else c for c in w)
        exclude = None
        if p.name.lower() in BUILD_DEPENDENT_EXTRA and pg_parse_bool(w) is True:
            exclude = f"{p.name} = {w}: {BUILD_DEPENDENT_EXTRA[p.name.lower()]}"
        return self.render(w), exclude

    def enum_values(self, p: Param):
        r = self.rng.random()
        exclude = None
        vals = p.enum_values or ["on"]
        if r < 0.40:
            w = self.pick(vals)
        elif r < 0.50 and p.hidden_enum_values:
            w = self.pick(p.hidden_enum_values)
        elif r < 0.58 and p.build_dependent_enum_values:
            w = self.pick(p.build_dependent_enum_values)
        elif r < 0.70:
            w = self.pick(vals)
            w = self.pick([w.upper(), w.title(), w.swapcase(),
                           "".join(c.upper() if self.rng.random() < 0.5 else c for c in w)])
        elif r < 0.80:
            w = self.pick(vals)
            w = w[: max(1, len(w) - self.rng.randint(1, max(1, len(w) - 1)))] if len(w) > 1 else w + "x"
        elif r < 0.86:
            w = self.pick(vals)
            w = self.pick([" " + w, w + " ", w + "x", w.replace("_", "-"), w + "," + w])
        else:
            w = self.pick(ENUM_PROBES)
        if any(w.lower() == b.lower() for b in p.build_dependent_enum_values):
            exclude = f"{p.name} = {w}: build-dependent enum value"
        return self.render(w), exclude

    def string_values(self, p: Param):
        specific = STRING_VALUES.get(p.name.lower())
        r = self.rng.random()
        if specific and r < 0.65:
            w = self.pick(specific)
        elif r < 0.72:
            # raw text with escapes, quoted as-is
            return "'" + self.pick(["it''s", "a\\nb", "C:\\\\x", "\\'q\\'", "x\\qy", "\\101\\102",
                                    "tab\\there", "'''", "a\\\\'b"]) + "'", None
        else:
            w = self.pick(GENERIC_STRINGS + ["x", "main", "/tmp", "5", "-", "a:b", "a/b"])
        rr = self.rng.random()
        if rr < 0.25 and unquoted_ok(w):
            return w, None
        if rr < 0.30:
            return w, None                       # unquoted even if the lexer will not like it
        return quote_plain(w, self.rng), None

    def value_for(self, p: Param):
        t = p.type
        if t == "integer":
            return self.int_values(p)
        if t == "real":
            return self.real_values(p)
        if t == "bool":
            return self.bool_values(p)
        if t == "enum":
            return self.enum_values(p)
        return self.string_values(p)

    def any_value(self) -> str:
        return self.pick(["1", "on", "'foo'", "foo", "10MB", "'10MB'", "0.5", "''", "x.y",
                          "/tmp", "'a b'", "-1", "true"])

    # ---- case kinds ----------------------------------------------------------
    def case_param(self) -> Case:
        p = self.next_param()
        v, exclude = self.value_for(p)
        return self.make(self.spell_name(p) + self.separator() + v, f"{p.type}", p, exclude)

    def case_alias(self) -> Case:
        if not self.cat.aliases:
            return self.case_param()
        a, target = self.pick(sorted(self.cat.aliases.items()))
        p = self.cat.params.get(target.lower())
        if p is None or target.lower() in ENVIRONMENT_DEPENDENT:
            return self.make(a + " = " + self.any_value(), "alias")
        v, exclude = self.value_for(p)
        a = a if self.rng.random() < 0.8 else a.upper()
        return self.make(a + self.separator() + v, "alias", p, exclude)

    def case_placeholder(self) -> Case:
        n = self.pick(PLACEHOLDER_NAMES)
        if self.rng.random() < 0.2:
            n = n.upper()
        return self.make(n + self.separator() + self.any_value(), "placeholder")

    def case_unknown(self) -> Case:
        n = self.pick(UNKNOWN_NAMES)
        return self.make(n + self.separator() + self.any_value(), "unknown-name")

    def case_other_version(self) -> Case:
        if not self.other_names:
            return self.case_unknown()
        n = self.pick(self.other_names)
        if self.rng.random() < 0.15:
            n = n.upper()
        return self.make(n + self.separator() + self.any_value(), "other-version-name")

    def case_bad_name(self) -> Case:
        n = self.pick(BAD_NAMES)
        return self.make(n + self.separator() + self.any_value(), "bad-name")

    def case_syntax(self) -> Case:
        p = self.next_param()
        v, exclude = self.value_for(p)
        n = p.name
        forms = [
            f"{n} =", f"{n}", f"{n} = {v} {v}", f"{n} = '{v}", f"{n} = {v}'", f"= {v}", f"{n} == {v}",
            f"{n} = = {v}", f"{n}: {v}", f"{n} := {v}", f"{n} = {v};", f"{n} = \"{v}\"",
            f"{n}={v}#x", f"{n} {v}", f"{n}\t{v}", f"{n} = {v} # c", ".", f"{n} = .",
            f"{n} . {v}", f"'{n}' = {v}", f"{n} = {v} {n} = {v}", f"{n} = {v},", f"{n} = (1)",
            f"{n} = '{v}''", f"{n} = '\\'", f"{n} = 'a\\'", f"{n}\\ = {v}", f"- {n} = {v}",
            f"{n} = {v}\\", "=", "==", "''", "'x' = 1", f"{n} = ''''", f"{n} = '' ''",
        ]
        return self.make(self.pick(forms), "syntax", p, exclude)

    def case_high_bytes(self) -> Case:
        p = self.next_param()
        hb = self.pick(["\xe9", "\xc3\xa9", "\xff", "\x80", "\xe2\x82\xac", "\xc3"])
        forms = [
            f"{p.name} = '{hb}'", f"{p.name} = {hb}", f"{p.name} = x{hb}y", f"{p.name}{hb} = 1",
            f"{hb}{p.name} = 1", f"{p.name} = 1 # {hb}", f"ext.{hb} = 1", f"{hb} = 1",
        ]
        return self.make(self.pick(forms), "high-bytes", p)

    def case_include(self) -> Case:
        kw = self.pick(["include", "include_if_exists", "include_dir", "INCLUDE", "Include_If_Exists"])
        target = self.pick(["'missing.conf'", "missing.conf", "'/dev/null'", "''", "'/nonexistent/x.conf'",
                            "'missing_dir'", "'/dev/null/x'"])
        sep = self.pick([" ", " = ", "="])
        return self.make(kw + sep + target, "include")

    def case_blank(self) -> Case:
        return self.make(self.pick(["", "   ", "\t", "# comment", "#", "  # x = 1", "\r"]), "blank")

    def core_cases(self) -> list:
        out = []
        for pname, text in CORE_LINES:
            p = None
            if pname is not None:
                p = self.cat.params.get(pname.lower())
                if p is None or pname.lower() in ENVIRONMENT_DEPENDENT:
                    continue
            out.append(self.make(text, "core", p, decorate=False))
        return out

    def sweep_cases(self) -> list:
        """Every enum value (visible, hidden, build-dependent) and every bool word, once."""
        out = []
        for p in self.by_type.get("enum", []):
            for w in p.enum_values + p.hidden_enum_values + p.build_dependent_enum_values:
                if self.rng.random() < 0.25:
                    w = self.pick([w.upper(), w.title(), w.swapcase()])
                exclude = None
                if any(w.lower() == b.lower() for b in p.build_dependent_enum_values):
                    exclude = f"{p.name} = {w}: build-dependent enum value"
                out.append(self.make(self.spell_name(p) + self.separator() + self.render(w),
                                     "enum-sweep", p, exclude))
        bools = self.by_type.get("bool", [])
        for w in BOOL_WORDS if bools else []:
            p = self.pick(bools)
            exclude = None
            if p.name.lower() in BUILD_DEPENDENT_EXTRA and pg_parse_bool(w) is True:
                exclude = f"{p.name} = {w}: {BUILD_DEPENDENT_EXTRA[p.name.lower()]}"
            out.append(self.make(self.spell_name(p) + self.separator() + self.render(w),
                                 "bool-sweep", p, exclude))
        return out

    def generate(self, count: int) -> list:
        cases = (self.core_cases() + self.sweep_cases())[:count]
        kinds = [
            (62, self.case_param), (3, self.case_alias), (4, self.case_placeholder),
            (3, self.case_unknown), (5, self.case_other_version), (3, self.case_bad_name),
            (12, self.case_syntax), (4, self.case_high_bytes), (2, self.case_include),
            (2, self.case_blank),
        ]
        weights = [w for w, _ in kinds]
        while len(cases) < count:
            fn = self.rng.choices([f for _, f in kinds], weights)[0]
            cases.append(fn())
        return cases


def generate(major: int, seed: int, count: int, workdir=None) -> list:
    return Generator(major, seed, workdir).generate(count)


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--major", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    a = ap.parse_args(argv)
    for i, c in enumerate(generate(a.major, a.seed, a.count), 1):
        ex = f"  [excluded: {c.exclude}]" if c.exclude else ""
        print(f"{i:05d} {c.kind:18s} {c.content!r}{ex}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
