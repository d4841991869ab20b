#!/usr/bin/env python3
"""Properties of `pglint fix --unsafe-fixes` over real-world files (../shared/corpus) and the
examples, each file alone in a directory as its kind's usual name:
- `--diff` applied with `patch -p1` gives exactly the bytes of the in-place fix;
- a second fix changes nothing;
- no line changes that carried no fixable finding (lines added by a fix aside);
- every postgresql.conf real PostgreSQL 18 accepted before, it still accepts after.
Skips the corpus (with a message) when ../shared is absent, as in a user's clone.
Usage: test_fix_corpus.py PATH_TO_PGLINT
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(HERE.parent / "oracle"))
import pgserver  # noqa: E402

PGLINT = None
KINDS = {"conf": "postgresql.conf", "hba": "pg_hba.conf", "compose": "docker-compose.yml"}
_server = None


def server():
    global _server
    if _server is None:
        _server = pgserver.PgServer(18, cluster="data-fixes").prepare()
    return _server


def pglint(*args, cwd):
    return subprocess.run([PGLINT, *args], cwd=cwd, capture_output=True, timeout=120)


def changed_lines(diff):
    """Line numbers of the original file that a unified diff removes or replaces."""
    lines, old = set(), 0
    for line in diff.decode(errors="replace").splitlines():
        hunk = re.match(r"@@ -(\d+)(?:,(\d+))? ", line)
        if hunk:
            old = int(hunk.group(1))
        elif line.startswith("-") and not line.startswith("---"):
            lines.add(old)
            old += 1
        elif line.startswith(" "):
            old += 1
    return lines


def fixable_lines(root):
    """Lines (per path) that the edits of fixable findings touch, in the files as read."""
    report = json.loads(pglint("check", "--format", "json", "--fail-on", "never", ".", cwd=root).stdout)
    lines = {}
    for finding in report["findings"]:
        for edit in finding.get("fix", {}).get("edits", []):
            path = Path(edit["path"]).as_posix().removeprefix("./")
            lines.setdefault(path, set()).update(range(edit["line"], edit["end_line"] + 1))
    return lines


def samples():
    """(name, {file name: bytes}) for every example deployment and corpus file."""
    for example in sorted((ROOT / "examples").iterdir()):
        if example.is_dir():
            yield example.name, {p.relative_to(example).as_posix(): p.read_bytes()
                                 for p in example.rglob("*") if p.is_file()}
    if not SHARED.is_dir():
        return
    for kind, name in KINDS.items():
        for path in sorted((SHARED / kind).iterdir()):
            yield f"{kind}/{path.name}", {name: path.read_bytes()}


class FixCorpus(unittest.TestCase):
    def test_shared_corpus_present(self):
        if not SHARED.is_dir():
            self.skipTest(f"{SHARED} is absent (a user's clone): only the examples are fixed")

    def test_fix_properties(self):
        checked, self.masked = 0, 0
        for name, files in samples():
            with self.subTest(sample=name):
                checked += self.check_sample(name, files)
        print(f"fix properties held on {checked} samples ({self.masked} diffs masked secrets, not patched)",
              file=sys.stderr)
        self.assertGreater(checked, 0)

    def check_sample(self, name, files):
        with tempfile.TemporaryDirectory() as tmp:
            fixed, patched = Path(tmp) / "fixed", Path(tmp) / "patched"
            for root in (fixed, patched):
                for rel, data in files.items():
                    (root / rel).parent.mkdir(parents=True, exist_ok=True)
                    (root / rel).write_bytes(data)
                    (root / rel).chmod(0o644)  # ../shared is laid out read-only
            diff = pglint("fix", "--diff", "--unsafe-fixes", ".", cwd=fixed)
            if diff.returncode == 2:
                return 0  # a file the run cannot read at all (binary, bad intent): nothing to fix
            self.assertIn(diff.returncode, (0, 1), diff.stderr)
            conf = fixed / "postgresql.conf"
            accepted_before = conf.exists() and self.accepted(conf)
            allowed = fixable_lines(fixed)
            result = pglint("fix", "--unsafe-fixes", "--fail-on", "never", ".", cwd=fixed)
            self.assertEqual(result.returncode, 0, result.stderr)
            if b"masks secrets" in diff.stderr:
                # The diff shows secrets masked, so it cannot apply; the rest still holds.
                self.masked += 1
            else:
                if diff.stdout:
                    applied = subprocess.run(["patch", "-p1", "--quiet", "--binary"], cwd=patched, input=diff.stdout,
                                             capture_output=True)
                    self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
                for rel in files:
                    self.assertEqual((patched / rel).read_bytes(), (fixed / rel).read_bytes(), f"{name}: {rel}")
            for per_file in re.split(rb"(?m)^(?=--- a/)", diff.stdout):
                if not per_file:
                    continue
                path = per_file.split(b"\n", 1)[0][len(b"--- a/"):].decode()
                stray = changed_lines(per_file) - allowed.get(path, set())
                self.assertFalse(stray, f"{name}: {path} lines {sorted(stray)} changed without a fixable finding")
            again = pglint("fix", "--diff", "--unsafe-fixes", ".", cwd=fixed)
            self.assertEqual(again.stdout, b"", f"{name}: a second fix still changes files")
            if accepted_before:
                self.assertTrue(self.accepted(conf), f"{name}: PostgreSQL 18 accepted it before the fix, not after")
            return 1

    @staticmethod
    def accepted(conf):
        srv = server()
        srv.make_readable(conf.parent)
        return srv.check_conf(conf).accepted


if __name__ == "__main__":
    PGLINT = str(Path(sys.argv.pop(1)).resolve())
    result = unittest.main(exit=False, verbosity=1).result
    failed = len({id(t) for t, _ in result.failures + result.errors})
    skipped = len(result.skipped)
    print(f"{max(result.testsRun - failed - skipped, 0)} passed, {failed} failed, {skipped} skipped")
    sys.exit(1 if failed else 0)
