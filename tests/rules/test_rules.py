#!/usr/bin/env python3
"""Every rule's positive and negative cases, run through the real pglint executable.

Each rule has tests/rules/cases/<ID>.txt:

    ## flags <case name> [pglint options...]
    expect postgresql.conf:3          (optional: exactly these places, for this rule)
    === postgresql.conf
    ...file content...
    === pg_hba.conf
    ...
    ## passes <case name> [pglint options...]
    === postgresql.conf
    ...
    ## fixes <case name> [pglint fix options...]     (test_fixes.py)
    === postgresql.conf
    ...input...
    >>> postgresql.conf
    ...what `pglint fix` makes of it, byte for byte...

A `flags` case must produce at least one finding of the rule (exactly the `expect`ed
places when given); a `passes` case must produce none. Every rule must have both.
Usage: test_rules.py PATH_TO_PGLINT
"""
import json
import shlex
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
PGLINT = None


def parse_cases(path):
    cases, current, file_name = [], None, None
    for line in path.read_text().splitlines(keepends=True):
        if line.startswith("## "):
            words = shlex.split(line[3:])
            current = {"kind": words[0], "name": words[1], "args": words[2:], "expect": set(), "files": {},
                       "fixed": {}}
            cases.append(current)
            file_name = None
        elif line.startswith("=== "):
            file_name = line[4:].strip()
            current["files"][file_name] = ""
            target = current["files"]
        elif line.startswith(">>> "):
            file_name = line[4:].strip()
            current["fixed"][file_name] = ""
            target = current["fixed"]
        elif file_name is None and line.startswith("expect "):
            current["expect"].add(line.split()[1])
        elif file_name is not None:
            target[file_name] += line
    return cases


def write_files(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode())


def run_case(case):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_files(root, case["files"])
        result = subprocess.run([PGLINT, "check", "--format", "json", "--fail-on", "never", *case["args"], "."],
                                cwd=root, capture_output=True, timeout=60)
        if result.returncode != 0:
            raise AssertionError(f"pglint exited {result.returncode}: {result.stderr.decode()}")
        return json.loads(result.stdout)["findings"]


class RuleCases(unittest.TestCase):
    def test_every_rule_has_flag_and_pass_cases(self):
        rules = json.loads(subprocess.run([PGLINT, "rules", "--format", "json"], capture_output=True).stdout)
        for rule in rules:
            path = CASES / f"{rule['id']}.txt"
            self.assertTrue(path.exists(), f"{rule['id']} has no {path}")
            kinds = {case["kind"] for case in parse_cases(path)}
            self.assertEqual(kinds - {"fixes"}, {"flags", "passes"}, f"{rule['id']} needs flags and passes cases")

    def test_cases(self):
        for path in sorted(CASES.glob("*.txt")):
            rule = path.stem
            for case in parse_cases(path):
                if case["kind"] == "fixes":
                    continue
                with self.subTest(rule=rule, case=case["name"]):
                    findings = [f for f in run_case(case) if f["rule"] == rule]
                    places = {f"{Path(f['path']).as_posix().removeprefix('./')}:{f['line']}" for f in findings}
                    if case["kind"] == "flags":
                        self.assertTrue(findings, f"{rule} {case['name']}: expected a finding")
                        if case["expect"]:
                            self.assertEqual(places, case["expect"], f"{rule} {case['name']}")
                    else:
                        self.assertFalse(findings, f"{rule} {case['name']}: unexpected {[f['message'] for f in findings]}")


if __name__ == "__main__":
    PGLINT = str(Path(sys.argv.pop(1)).resolve())
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
