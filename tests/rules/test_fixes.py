#!/usr/bin/env python3
"""Every fixable rule's fixes, through the real pglint executable and real PostgreSQL.

A rule whose fix availability is safe or unsafe has `## fixes` cases in
tests/rules/cases/<ID>.txt (format in test_rules.py). For each case:
- `pglint fix --select RULE` (unless the case selects rules itself) turns the `===` files into
  exactly the `>>>` files (byte for byte; files without a `>>>` section must stay as they were);
- the fixed files have no finding of the rule, and no finding at warning or above that
  the input did not have;
- a second `pglint fix` changes nothing (`--diff` prints nothing and exits 0);
- real PostgreSQL of the version in use (--pg-version, else 18) accepts the fixed
  postgresql.conf (`postgres -C`) and every line of the fixed pg_hba.conf
  (pg_hba_file_rules).
Usage: test_fixes.py PATH_TO_PGLINT
"""
import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "oracle"))
from test_rules import CASES, parse_cases, write_files  # noqa: E402
import pgserver  # noqa: E402

PGLINT = None
_servers = {}


def server(major):
    if major not in _servers:
        _servers[major] = pgserver.PgServer(major, cluster="data-fixes").prepare()
    return _servers[major]


def pg_major(args):
    for i, arg in enumerate(args):
        if arg == "--pg-version":
            return int(args[i + 1])
        if arg.startswith("--pg-version="):
            return int(arg.split("=", 1)[1])
    return 18


def findings(root, args):
    result = subprocess.run([PGLINT, *global_args(args), "check", "--format", "json", "--fail-on", "never",
                             *command_args(args), "."], cwd=root, capture_output=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"check exited {result.returncode}: {result.stderr.decode()}")
    return json.loads(result.stdout)["findings"]


def global_args(args):
    out = []
    for i, arg in enumerate(args):
        if arg == "--pg-version":
            out += args[i:i + 2]
        elif arg.startswith("--pg-version="):
            out.append(arg)
    return out


def command_args(args):
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--pg-version":
            skip = True
        elif not arg.startswith("--pg-version="):
            out.append(arg)
    return out


def fix_args(rule, args):
    """The case's options for `fix`: its own --select, else only its rule, so that fixes of
    rules that fire on defaults (logging, ...) stay out of its golden output."""
    selects = any(a == "--select" or a.startswith("--select=") for a in args)
    return command_args(args) if selects else [*command_args(args), "--select", rule]


def check_args(args):
    """The case's options for a whole `check`: no --unsafe-fixes, and every rule (a case may
    --select its rule so that other fixes stay out of its golden output)."""
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--select", "--ignore"):
            skip = True
        elif arg != "--unsafe-fixes" and not arg.startswith(("--select=", "--ignore=")):
            out.append(arg)
    return out


def serious(found):
    return {(f["rule"], f["path"]) for f in found if f["severity"] in ("warning", "error")}


class RuleFixes(unittest.TestCase):
    def test_every_fixable_rule_has_fix_cases(self):
        rules = json.loads(subprocess.run([PGLINT, "rules", "--format", "json"], capture_output=True).stdout)
        for rule in rules:
            path = CASES / f"{rule['id']}.txt"
            has_cases = path.exists() and any(c["kind"] == "fixes" for c in parse_cases(path))
            fixable = rule.get("fix", "none") != "none"
            self.assertEqual(has_cases, fixable, f"{rule['id']}: fix availability {rule.get('fix')!r} "
                                                 f"but {'some' if has_cases else 'no'} fixes cases")

    def test_fix_cases(self):
        for path in sorted(CASES.glob("*.txt")):
            rule = path.stem
            for case in parse_cases(path):
                if case["kind"] != "fixes":
                    continue
                with self.subTest(rule=rule, case=case["name"]):
                    self.run_fix_case(rule, case)

    def run_fix_case(self, rule, case):
        args = case["args"]
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            write_files(root, case["files"])
            before = findings(root, check_args(args))
            self.assertIn(rule, {f["rule"] for f in before}, f"{case['name']}: the input must have a {rule} finding")
            fix = subprocess.run([PGLINT, *global_args(args), "fix", "--fail-on", "never", *fix_args(rule, args), "."],
                                 cwd=root, capture_output=True, timeout=60)
            self.assertEqual(fix.returncode, 0, fix.stderr.decode() + fix.stdout.decode())
            for name, content in case["files"].items():
                expected = case["fixed"].get(name, content)
                self.assertEqual((root / name).read_bytes().decode(), expected, f"{case['name']}: {name}")
            after = findings(root, check_args(args))
            self.assertNotIn(rule, {f["rule"] for f in after}, f"{case['name']}: still flagged after the fix")
            gained = serious(after) - serious(before)
            self.assertFalse(gained, f"{case['name']}: the fix added {gained}")
            again = subprocess.run([PGLINT, *global_args(args), "fix", "--diff", *fix_args(rule, args), "."],
                                   cwd=root, capture_output=True, timeout=60)
            self.assertEqual((again.returncode, again.stdout.decode()), (0, ""), f"{case['name']}: not idempotent")
            self.assert_postgres_accepts(root, pg_major(args), case)

    def assert_postgres_accepts(self, root, major, case):
        conf = root / "postgresql.conf"
        hba = root / "pg_hba.conf"
        if not conf.exists() and not hba.exists():
            return
        srv = server(major)
        srv.make_readable(root)
        if conf.exists() and "postgresql.conf" in case["fixed"]:
            verdict = srv.check_conf(conf)
            self.assertTrue(verdict.accepted, f"{case['name']}: PostgreSQL {major} refuses the fixed "
                                              f"postgresql.conf: {verdict.first_error}")
        if hba.exists() and "pg_hba.conf" in case["fixed"]:
            # hostssl lines load only with ssl on: judge them as the case's postgresql.conf sets it.
            ssl_on = conf.exists() and re.search(r"(?m)^\s*ssl\s*=\s*'?(on|true|yes|1)'?\s*(#|$)", conf.read_text())
            rules = srv.hba_file_rules(hba, settings={"ssl": "on"} if ssl_on else None, debug_log=False)
            errors = [r["error"] for r in rules.rows if r.get("error") or r.get("type") is None]
            self.assertFalse(errors, f"{case['name']}: PostgreSQL {major} refuses the fixed pg_hba.conf: {errors}")


if __name__ == "__main__":
    PGLINT = str(Path(sys.argv.pop(1)).resolve())
    result = unittest.main(exit=False, verbosity=1).result
    failed = len({id(t) for t, _ in result.failures + result.errors})
    print(f"{max(result.testsRun - failed, 0)} passed, {failed} failed")
    sys.exit(1 if failed else 0)
