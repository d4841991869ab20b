#!/usr/bin/env python3
"""Oracle test: pglint's verdict on generated postgresql.conf lines vs real PostgreSQL.

    conf_oracle.py --pglint build/pglint --majors 13 14 15 16 17 18 --count 3000 --seed 1
    conf_oracle.py --verdicts-only --majors 16 --count 300        # PostgreSQL's side only

Every generated line is written to its own file.  PostgreSQL's verdict on a file is
the exit status of `postgres -D DATA -c config_file=FILE -C work_mem` (0 = accepted).
pglint's verdict: the file is rejected when pglint reports at least one finding of
severity "error" whose rule is in LINE_VALIDITY_RULES.  The last line printed is
`N passed, M failed`; the exit status is 0 iff M == 0.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_conf_lines  # noqa: E402
import pgserver  # noqa: E402

# Rules whose error findings mean "PostgreSQL would refuse this file".  Only these are
# compared: cross-setting checks (e.g. superuser_reserved_connections >= max_connections)
# are not tested by `postgres -C`, which stops after reading the configuration, so
# other error findings must not count as a rejection.
LINE_VALIDITY_RULES = {
    "V101",  # syntax-error
    "V102",  # unknown-parameter
    "V103",  # invalid-value
    "V104",  # internal-parameter
    "V105",  # include-error
    "C101",  # parameter-removed
    "C102",  # parameter-not-yet-available
}

WORKERS = 2            # parallel `postgres -C` processes (the machines have 2 cores)
PGLINT_CHUNK = 500     # files per pglint invocation (argv limits)


def case_name(i: int) -> str:
    return f"case-{i:05d}.conf"


def write_cases(cases, casedir: Path, srv: pgserver.PgServer) -> list:
    if casedir.exists():
        shutil.rmtree(casedir)
    casedir.mkdir(parents=True)
    os.chmod(casedir.parent, 0o755)     # the server runs as another user when we are root
    paths = []
    for i, c in enumerate(cases, 1):
        p = casedir / case_name(i)
        p.write_bytes(c.content)
        paths.append(p)
    srv.make_readable(casedir)
    return paths


def pg_verdicts(srv: pgserver.PgServer, paths: list) -> list:
    with ThreadPoolExecutor(max_workers=WORKERS) as ex:
        return list(ex.map(srv.check_conf, paths))


def pglint_findings(pglint: str, major: int, paths: list) -> dict:
    """{file name: [finding, ...]} from pglint's JSON output, run in chunks."""
    out: dict = {p.name: [] for p in paths}
    for start in range(0, len(paths), PGLINT_CHUNK):
        chunk = paths[start:start + PGLINT_CHUNK]
        argv = [pglint, "--pg-version", str(major), "check", "--format", "json",
                "--fail-on", "never", "--kind", "conf"] + [str(p) for p in chunk]
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            doc = json.loads(proc.stdout.decode())
        except ValueError:
            raise SystemExit(
                f"pglint gave no JSON (exit {proc.returncode}) for pg{major} files "
                f"{chunk[0].name}..{chunk[-1].name}\nargv: {' '.join(argv[:9])} ...\n"
                f"stderr:\n{proc.stderr.decode(errors='replace')[:4000]}\n"
                f"stdout:\n{proc.stdout.decode(errors='replace')[:2000]}")
        if proc.returncode != 0:
            print(f"warning: pglint exited {proc.returncode} with --fail-on never "
                  f"(pg{major}, {chunk[0].name}..): {proc.stderr.decode(errors='replace')[:500]}",
                  file=sys.stderr)
        for f in doc.get("findings", []):
            name = os.path.basename(str(f.get("path", "")))
            if name in out:
                out[name].append(f)
            else:
                out.setdefault("<unattributed>", []).append(f)
    return out


def pglint_rejects(findings: list) -> bool:
    return any(f.get("severity") == "error" and f.get("rule") in LINE_VALIDITY_RULES for f in findings)


def fmt_finding(f: dict) -> str:
    return (f"{f.get('rule')} {f.get('name', '')} [{f.get('severity')}] "
            f"{f.get('line')}:{f.get('column')}: {f.get('message', '')}")


def pg_error_lines(v: pgserver.ConfVerdict, casedir: Path | None = None) -> list:
    """stderr without the log line prefix (time stamp and pid) nor the case directory."""
    out = []
    text = v.stderr.replace(f"{casedir}/", "") if casedir else v.stderr
    for l in text.splitlines():
        for tag in ("LOG:", "FATAL:", "ERROR:", "WARNING:", "DETAIL:", "HINT:"):
            k = l.find(tag)
            if k >= 0:
                l = l[k:]
                break
        if l.strip():
            out.append(l.rstrip())
    return out


def pg_first_error(v: pgserver.ConfVerdict, casedir: Path | None = None) -> str:
    lines = pg_error_lines(v, casedir)
    return lines[0] if lines else ""


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pglint", help="path to the pglint binary (not needed with --verdicts-only)")
    ap.add_argument("--majors", type=int, nargs="+", default=list(pgserver.SUPPORTED_MAJORS))
    ap.add_argument("--count", type=int, default=3000, help="lines per major (env PGLINT_ORACLE_COUNT wins)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="default: $TMPDIR/pglint-oracle-<uid> (must be "
                    "traversable by the pglint user when run as root)")
    ap.add_argument("--keep", action="store_true", help="keep the case files and write verdicts.tsv")
    ap.add_argument("--verdicts-only", action="store_true",
                    help="print PostgreSQL's verdict on every line; no pglint")
    return pgserver.parse_oracle_args(ap, argv)


def main(argv=None) -> int:
    a = parse_args(argv)
    workdir = (a.workdir or pgserver.default_workdir()).resolve()
    passed = failed = 0
    per_major = []
    t_all = time.monotonic()
    for major in a.majors:
        t0 = time.monotonic()
        srv = pgserver.PgServer(major, workdir).prepare()
        cases = gen_conf_lines.generate(major, a.seed, a.count, workdir)
        casedir = workdir / "cases" / f"conf-pg{major}"
        paths = write_cases(cases, casedir, srv)
        t1 = time.monotonic()
        verdicts = pg_verdicts(srv, paths)
        t2 = time.monotonic()
        n_acc = sum(v.accepted for v in verdicts)
        timing = (f"setup {t1 - t0:.1f}s, postgres {t2 - t1:.1f}s "
                  f"({(t2 - t1) / max(1, len(paths)) * 1000 * WORKERS:.1f} ms/file/worker)")

        if a.verdicts_only:
            for i, (c, v) in enumerate(zip(cases, verdicts), 1):
                ex = f"  [not compared: {c.exclude}]" if c.exclude else ""
                print(f"pg{major} {i:05d} {'accepted' if v.accepted else 'REJECTED'} "
                      f"{c.content!r}  {pg_first_error(v, casedir)}{ex}")
            print(f"pg{major}: {len(cases)} lines, {n_acc} accepted, {len(cases) - n_acc} rejected; {timing}")
            per_major.append((major, len(cases), n_acc))
        else:
            findings = pglint_findings(a.pglint, major, paths)
            t3 = time.monotonic()
            ok = bad = skipped = 0
            bad_kinds: dict = {}
            for i, (c, p, v) in enumerate(zip(cases, paths, verdicts), 1):
                fs = findings.get(p.name, [])
                if c.exclude:
                    skipped += 1
                    continue
                if pglint_rejects(fs) == (not v.accepted):
                    ok += 1
                    continue
                bad += 1
                bad_kinds[c.kind] = bad_kinds.get(c.kind, 0) + 1
                print(f"--- DISAGREE pg{major} {p.name} [{c.kind}] {c.content!r}")
                print(f"    postgres: {'accepted' if v.accepted else 'rejected'}")
                for l in pg_error_lines(v, casedir):
                    print(f"      | {l}")
                print(f"    pglint:   {'rejected' if pglint_rejects(fs) else 'accepted'}")
                for f in fs:
                    print(f"      | {fmt_finding(f)}")
            if findings.get("<unattributed>"):
                print(f"warning: pg{major}: {len(findings['<unattributed>'])} pglint findings with "
                      f"paths not among the case files, e.g. {findings['<unattributed>'][0]}",
                      file=sys.stderr)
            timing += f", pglint {t3 - t2:.1f}s"
            if bad_kinds:
                timing += "; disagreements by kind: " + ", ".join(
                    f"{k} {n}" for k, n in sorted(bad_kinds.items(), key=lambda kv: -kv[1]))
            per_major.append((major, ok, bad, skipped, n_acc, len(cases), timing))
            passed += ok
            failed += bad

        if a.keep:
            with open(casedir / "verdicts.tsv", "w") as fh:
                for i, (c, v) in enumerate(zip(cases, verdicts), 1):
                    fh.write(f"{case_name(i)}\t{int(v.accepted)}\t{c.kind}\t{c.exclude or ''}\t"
                             f"{c.content!r}\t{pg_first_error(v, casedir)}\n")
        else:
            shutil.rmtree(casedir, ignore_errors=True)

    print()
    if a.verdicts_only:
        for major, n, acc in per_major:
            print(f"pg{major}: {n} lines: {acc} accepted, {n - acc} rejected")
        print(f"total time {time.monotonic() - t_all:.1f}s")
        return 0
    for major, ok, bad, skipped, acc, n, timing in per_major:
        print(f"pg{major}: {ok} agree, {bad} disagree, {skipped} not compared "
              f"(postgres accepted {acc}/{n}); {timing}")
    print(f"total time {time.monotonic() - t_all:.1f}s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
