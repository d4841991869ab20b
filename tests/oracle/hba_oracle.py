#!/usr/bin/env python3
"""Oracle test: pglint's verdict on the lines of a generated pg_hba.conf vs real PostgreSQL.

    hba_oracle.py --pglint build/pglint --majors 13 14 15 16 17 18 --count 3000 --seed 1
    hba_oracle.py --verdicts-only --majors 16 --count 300        # PostgreSQL's side only

For each major, gen_hba_lines.py writes one pg_hba.conf of `count` records (plus the
@files and include files it refers to) into a case directory, with a postgresql.conf
that says `ssl = off`.  PostgreSQL's verdict comes from its pg_hba_file_rules view, read
once by the single-user backend (`postgres --single -c hba_file=... -c ssl=off`): a line
is rejected when its row has an error, or when the row is empty (the line did not load
and the reason was only logged).  pglint checks the case directory once:

    pglint --pg-version N check --format json --fail-on never CASEDIR

and rejects a line when it reports at least one finding of category "validity" on it in
pg_hba.conf.  Lines are logical lines: with backslash continuations (14+) a finding on
any physical line of a logical line counts for its first line, which is the line
PostgreSQL reports.  Lines whose rejection depends on the build ("not supported by this
build": gss, sspi, ldap, pam, bsd, hostgssenc) are not compared.  When both reject a
line, one of pglint's validity messages must contain PostgreSQL's error text; mismatches
are listed as message differences and count as failures only with --strict-messages.

The last line printed is `N passed, M failed`; the exit status is 0 iff M == 0.
PGLINT_ORACLE_COUNT in the environment overrides --count.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_hba_lines  # noqa: E402
import pgserver  # noqa: E402

CLUSTER = "data-hba"       # data directories of our own: single-user mode locks them
SERVER_SETTINGS = {"ssl": "off"}
POSTGRESQL_CONF = "# written by tests/oracle/hba_oracle.py\nssl = off\n"

# Messages of lines that still load (the row has a type) but that PostgreSQL reports.
LOADS_WITH_ERROR = (
    "hostssl record cannot match because SSL is disabled",
    "hostgssenc record cannot match because GSSAPI is not supported by this build",
)
BUILD_DEPENDENT_MARK = "not supported by this build"

PROBE_METHODS = ("trust", "reject", "md5", "password", "scram-sha-256", "gss", "sspi", "ident",
                 "peer", "ldap", "radius", "cert", "pam", "bsd", "oauth")


# --------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------
@dataclass
class LogicalLine:
    """One logical line of pg_hba.conf: physical lines first..last (1-based)."""
    first: int
    last: int
    text: bytes          # the physical lines with their line ends, as in the file


def physical_lines(data: bytes) -> list:
    """The physical lines with their line ends.  Only "\\n" ends a line (a lone CR does not)."""
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def logical_lines(data: bytes, major: int) -> list:
    """Split pg_hba.conf as PostgreSQL `major` does.

    13 has no continuations.  14+ strips the trailing CR/LF characters of a physical
    line and, if it then ends in a backslash, joins the next physical line to it (also
    inside comments and quotes).  A logical line is numbered by its first physical line.
    """
    phys = physical_lines(data)
    out = []
    i = 0
    while i < len(phys):
        first = i
        if major >= 14:
            while i + 1 < len(phys) and phys[i].rstrip(b"\r\n").endswith(b"\\"):
                i += 1
        out.append(LogicalLine(first + 1, i + 1, b"".join(phys[first:i + 1])))
        i += 1
    return out


# --------------------------------------------------------------------------------------
# PostgreSQL's side
# --------------------------------------------------------------------------------------
@dataclass
class PgLine:
    """PostgreSQL's verdict on one logical line (only lines that produced a row)."""
    line: int
    loads: bool                 # the row has a type: the line took effect
    error: str | None           # pg_hba_file_rules.error
    logged: list = field(default_factory=list)   # debug3 messages for this line
    row: dict = field(default_factory=dict)

    @property
    def rejected(self) -> bool:
        return self.error is not None or not self.loads

    @property
    def build_dependent(self) -> bool:
        """Rejected only because the build lacks a feature (its final error says so)."""
        if not self.rejected or not self.error or BUILD_DEPENDENT_MARK not in self.error:
            return False
        if self.loads:
            return True                  # hostgssenc without GSSAPI, nothing else wrong
        # a method not built in ends parsing at once; a row that failed for another
        # (logged-only) reason keeps the hostgssenc text as its error
        return not self.error.startswith("hostgssenc record cannot match")

    def expected_messages(self) -> list:
        """Texts one of pglint's messages should contain: the error, or what was logged
        when the row failed for a reason that only went to the log."""
        out = [self.error] if self.error else []
        if not self.loads and (self.error is None or self.error in LOADS_WITH_ERROR):
            out += [m for m in self.logged if m not in out]
        return out

    def describe(self) -> str:
        """One line for reports."""
        if not self.rejected:
            return "accepted"
        s = f"rejected: {self.error}" if self.error else "rejected (no error text)"
        if self.loads:
            s += "  [the line still loads]"
        extra = [m for m in self.logged if m != self.error]
        if extra and (not self.loads or self.error is None):
            s += "  [logged: " + " | ".join(extra) + "]"
        return s


def write_case_dir(fs: gen_hba_lines.HbaFileSet, casedir: Path) -> Path:
    """pg_hba.conf, its files and postgresql.conf in a fresh `casedir`, readable by all."""
    if casedir.exists():
        shutil.rmtree(casedir)
    casedir.mkdir(parents=True)
    hba = fs.write(casedir)
    (casedir / "postgresql.conf").write_text(POSTGRESQL_CONF)
    make_tree_readable(casedir)
    return hba


def make_tree_readable(top: Path) -> None:
    """Directories 755 and files 644 (the server runs as another user when we are root)."""
    os.chmod(top.parent, 0o755)
    for root, dirs, files in os.walk(top):
        os.chmod(root, 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)


def pg_verdicts(srv: pgserver.PgServer, hba: Path) -> tuple:
    """({line: PgLine} for the main file, rows of other files with an error, run info)."""
    rules = srv.hba_file_rules(hba, settings=SERVER_SETTINGS)
    if rules.settings["hba_file"] != str(hba) or rules.settings["ssl"] != "off":
        raise SystemExit(f"pg{srv.major}: the backend did not read the file it was given: "
                         f"{rules.settings}")
    main = {}
    others = []
    for row in rules.rows:
        fname = row.get("file_name")          # 13-15: no such column, every row is ours
        if fname is not None and fname != str(hba):
            if row.get("error") or row.get("type") is None:
                others.append(row)
            continue
        n = row["line_number"]
        main[n] = PgLine(n, row.get("type") is not None, row.get("error"),
                         rules.messages.get((str(hba), n), []), row)
    return main, others, rules


def probe_methods(srv: pgserver.PgServer, probedir: Path) -> dict:
    """{method or "hostgssenc": "supported" | "not built" | "unknown"} for this server."""
    if probedir.exists():
        shutil.rmtree(probedir)
    probedir.mkdir(parents=True)
    lines = []
    for m in PROBE_METHODS:
        lines.append(f"local all all {m}" if m == "peer" else f"host all all 127.0.0.1/32 {m}")
    lines.append("hostgssenc all all 127.0.0.1/32 trust")
    (probedir / "pg_hba.conf").write_text("\n".join(lines) + "\n")
    make_tree_readable(probedir)
    rules = srv.hba_file_rules(probedir / "pg_hba.conf", settings=SERVER_SETTINGS, debug_log=False)
    errors = {r["line_number"]: r.get("error") or "" for r in rules.rows}
    out = {}
    for i, name in enumerate(list(PROBE_METHODS) + ["hostgssenc"], 1):
        err = errors.get(i, "")
        if BUILD_DEPENDENT_MARK in err:
            out[name] = "not built"
        elif err == f'invalid authentication method "{name}"':
            out[name] = "unknown"
        else:
            out[name] = "supported"
    shutil.rmtree(probedir, ignore_errors=True)
    return out


def format_methods(methods: dict) -> str:
    """'supported: ...; not in this build: ...; unknown: ...' for the report."""
    groups = {}
    for name, state in methods.items():
        groups.setdefault(state, []).append(name)
    parts = [f"{label}: {' '.join(groups[state])}"
             for state, label in (("supported", "supported"), ("not built", "not in this build"),
                                  ("unknown", "unknown to this major")) if state in groups]
    return "; ".join(parts)


# --------------------------------------------------------------------------------------
# pglint's side
# --------------------------------------------------------------------------------------
def pglint_findings(pglint: str, major: int, casedir: Path) -> list:
    """pglint's findings in CASEDIR/pg_hba.conf (all categories)."""
    argv = [pglint, "--pg-version", str(major), "check", "--format", "json",
            "--fail-on", "never", str(casedir)]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        doc = json.loads(proc.stdout.decode())
    except ValueError:
        raise SystemExit(f"pglint gave no JSON (exit {proc.returncode}) for pg{major}\n"
                         f"argv: {' '.join(argv)}\nstderr:\n"
                         f"{proc.stderr.decode(errors='replace')[:4000]}\nstdout:\n"
                         f"{proc.stdout.decode(errors='replace')[:2000]}")
    if proc.returncode != 0:
        print(f"warning: pglint exited {proc.returncode} with --fail-on never (pg{major}): "
              f"{proc.stderr.decode(errors='replace')[:500]}", file=sys.stderr)
    return [f for f in doc.get("findings", [])
            if os.path.basename(str(f.get("path", ""))) == "pg_hba.conf"]


def findings_by_line(findings: list, lines: list) -> tuple:
    """({first line of a logical line: [finding, ...]}, [findings on no line])."""
    first_of = {}
    for ll in lines:
        for n in range(ll.first, ll.last + 1):
            first_of[n] = ll.first
    out, stray = {}, []
    for f in findings:
        n = f.get("line")
        if isinstance(n, int) and n in first_of:
            out.setdefault(first_of[n], []).append(f)
        else:
            stray.append(f)
    return out, stray


def is_validity(f: dict) -> bool:
    return f.get("category") == "validity"


def fmt_finding(f: dict) -> str:
    return (f"{f.get('rule')} {f.get('name', '')} [{f.get('severity')}/{f.get('category')}] "
            f"{f.get('line')}:{f.get('column')}: {f.get('message', '')}")


# --------------------------------------------------------------------------------------
# Comparison and report
# --------------------------------------------------------------------------------------
@dataclass
class MajorResult:
    major: int
    passed: int = 0
    failed: int = 0
    not_compared: Counter = field(default_factory=Counter)
    message_diffs: int = 0
    summary: str = ""


def show_line(major: int, ll: LogicalLine, kind: str) -> str:
    text = ll.text.decode("utf-8", errors="replace")
    if len(text) > 300:
        text = text[:150] + f"...<{len(text)} chars>..." + text[-60:]
    span = f"{ll.first}" if ll.first == ll.last else f"{ll.first}-{ll.last}"
    return f"pg{major} line {span} [{kind}] {text!r}"


def classify(fs, ll: LogicalLine) -> tuple:
    """(kind, exclude reason or None) of the generated record(s) behind a logical line."""
    kinds, excl = [], None
    for n in range(ll.first, ll.last + 1):
        rec = fs.record_at(n)
        if rec is None:
            continue
        if rec.kind not in kinds:
            kinds.append(rec.kind)
        excl = excl or rec.exclude
    return "+".join(kinds) or "?", excl


def error_row_stats(pg: dict) -> str:
    """Counts of PostgreSQL's rows by outcome."""
    rows = len(pg)
    err = sum(1 for p in pg.values() if p.error is not None)
    failed = sum(1 for p in pg.values() if not p.loads)
    loads_err = sum(1 for p in pg.values() if p.loads and p.error is not None)
    silent = sum(1 for p in pg.values() if not p.loads and (p.error is None or p.error in LOADS_WITH_ERROR))
    rejected = sum(1 for p in pg.values() if p.rejected)
    return (f"{rows} rows, {rejected} rejected: {err} with an error ({loads_err} of them still "
            f"load), {failed} failed to load ({silent} of them for a reason that was only logged)")


def not_compared_reason(p: PgLine | None, exclude: str | None) -> str | None:
    """Why a line is left out of the comparison, or None."""
    if p is not None and p.build_dependent:
        return "build-dependent"
    return exclude


def print_verdicts(major: int, fs, lines: list, pg: dict) -> None:
    """--verdicts-only: PostgreSQL's verdict on every logical line."""
    for ll in lines:
        kind, excl = classify(fs, ll)
        p = pg.get(ll.first)
        rejected = p is not None and p.rejected
        why = not_compared_reason(p, excl)
        print(f"{show_line(major, ll, kind)}  {'REJECTED' if rejected else 'accepted'}"
              f"{'  | ' + p.describe() if rejected else ''}"
              f"{f'  [not compared: {why}]' if why else ''}")


def compare_lines(a, res: MajorResult, fs, lines: list, pg: dict, by_line: dict) -> Counter:
    """Compare line by line; print disagreements and message differences; fill `res`.

    Returns the number of disagreements by kind of record."""
    kinds_bad = Counter()
    msg_diffs = []
    for ll in lines:
        kind, excl = classify(fs, ll)
        p = pg.get(ll.first)
        fl = by_line.get(ll.first, [])
        why = not_compared_reason(p, excl)
        if why:
            res.not_compared[why] += 1
            continue
        pg_rej = p is not None and p.rejected
        lint_rej = any(is_validity(f) for f in fl)
        if pg_rej != lint_rej:
            res.failed += 1
            kinds_bad[kind.split(":")[0]] += 1
            print(f"--- DISAGREE {show_line(res.major, ll, kind)}")
            print(f"    postgres: {p.describe() if p is not None else 'accepted (no row)'}")
            print(f"    pglint:   {'rejected' if lint_rej else 'accepted'}")
            for f in fl:
                print(f"      | {fmt_finding(f)}")
            continue
        if pg_rej:
            want = p.expected_messages()
            msgs = [f.get("message", "") for f in fl if is_validity(f)]
            if want and not any(w in m for w in want for m in msgs):
                res.message_diffs += 1
                msg_diffs.append((ll, kind, p, fl))
                if a.strict_messages:
                    res.failed += 1
                    continue
        res.passed += 1
    if msg_diffs:
        print(f"=== pg{res.major}: {len(msg_diffs)} message differences"
              f"{'' if a.strict_messages else ' (not failures without --strict-messages)'}")
        for ll, kind, p, fl in msg_diffs:
            print(f"--- MESSAGE {show_line(res.major, ll, kind)}")
            print(f"    postgres: {' || '.join(p.expected_messages())}")
            for f in fl:
                if is_validity(f):
                    print(f"    pglint:   {fmt_finding(f)}")
    return kinds_bad


def write_verdicts_tsv(path: Path, fs, lines: list, pg: dict) -> None:
    """--keep: first line, kind, rejected (0/1), text, PostgreSQL's verdict."""
    with open(path, "w") as fh:
        for ll in lines:
            kind, _ = classify(fs, ll)
            p = pg.get(ll.first)
            fh.write(f"{ll.first}\t{kind}\t{int(bool(p and p.rejected))}\t"
                     f"{ll.text!r}\t{p.describe() if p else 'accepted (no row)'}\n")


def run_major(a, major: int, workdir: Path) -> MajorResult:
    """Generate the files of one major, get both verdicts, print what differs."""
    res = MajorResult(major)
    t0 = time.monotonic()
    srv = pgserver.PgServer(major, workdir, cluster=CLUSTER).prepare()
    methods = probe_methods(srv, workdir / "cases" / f"hba-probe-pg{major}")
    fs = gen_hba_lines.generate(major, a.seed, a.count)
    casedir = workdir / "cases" / f"hba-pg{major}"
    hba = write_case_dir(fs, casedir)
    lines = logical_lines(fs.hba, major)
    t1 = time.monotonic()
    pg, others, rules = pg_verdicts(srv, hba)
    t2 = time.monotonic()
    print(f"pg{major} ({rules.settings['server_version']}) methods: {format_methods(methods)}")
    for row in others:
        print(f"warning: pg{major}: a row of another file has an error: {row}", file=sys.stderr)
    timing = (f"setup {t1 - t0:.1f}s, postgres {rules.seconds * 1000:.0f} ms "
              f"({(t2 - t1) * 1000:.0f} ms with parsing)")

    if a.verdicts_only:
        print_verdicts(major, fs, lines, pg)
        res.summary = f"{len(lines)} lines; postgres: {error_row_stats(pg)}; {timing}"
    else:
        found = pglint_findings(a.pglint, major, casedir)
        timing += f", pglint {time.monotonic() - t2:.1f}s"
        by_line, stray = findings_by_line(found, lines)
        for f in stray:
            print(f"warning: pg{major}: pglint finding on no line of pg_hba.conf: {fmt_finding(f)}",
                  file=sys.stderr)
        kinds_bad = compare_lines(a, res, fs, lines, pg, by_line)
        nc = sum(res.not_compared.values())
        why = ", ".join(f"{k}: {v}" for k, v in res.not_compared.items())
        res.summary = (f"{res.passed} agree, {res.failed} disagree, {nc} not compared"
                       f"{f' ({why})' if nc else ''}, {res.message_diffs} message differences; "
                       f"postgres: {error_row_stats(pg)}; {timing}")
        if kinds_bad:
            res.summary += "; disagreements by kind: " + ", ".join(
                f"{k} {n}" for k, n in kinds_bad.most_common())

    if a.keep:
        write_verdicts_tsv(casedir / "verdicts.tsv", fs, lines, pg)
    else:
        shutil.rmtree(casedir, ignore_errors=True)
    return res


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pglint", help="path to the pglint binary (not needed with --verdicts-only)")
    ap.add_argument("--majors", type=int, nargs="+", default=list(pgserver.SUPPORTED_MAJORS))
    ap.add_argument("--count", type=int, default=3000,
                    help="records per major (env PGLINT_ORACLE_COUNT wins)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="default: $TMPDIR/pglint-oracle-<uid> (must be "
                    "traversable by the pglint user when run as root)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the case directories (WORKDIR/cases/hba-pg<major>) and write "
                         "verdicts.tsv in them")
    ap.add_argument("--verdicts-only", action="store_true",
                    help="print PostgreSQL's verdict on every line; no pglint")
    ap.add_argument("--strict-messages", action="store_true",
                    help="count message differences as failures")
    return pgserver.parse_oracle_args(ap, argv)


def main(argv=None) -> int:
    a = parse_args(argv)
    workdir = (a.workdir or pgserver.default_workdir()).resolve()
    t_all = time.monotonic()
    results = [run_major(a, m, workdir) for m in a.majors]
    print()
    for r in results:
        print(f"pg{r.major}: {r.summary}")
    print(f"total time {time.monotonic() - t_all:.1f}s")
    if a.verdicts_only:
        return 0
    passed = sum(r.passed for r in results)
    failed = sum(r.failed for r in results)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
