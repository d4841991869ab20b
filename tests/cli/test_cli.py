#!/usr/bin/env python3
"""Command-line behaviour of the real pglint executable: exit codes, output formats,
file discovery, parse round trips, bad input. Usage: test_cli.py PATH_TO_PGLINT"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

PGLINT = None
ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=None, env=None, input_bytes=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run([PGLINT, *args], cwd=cwd, env=full_env, capture_output=True, input=input_bytes,
                          timeout=60)


def check_json(*args, **kwargs):
    result = run("check", "--format", "json", *args, **kwargs)
    return result, json.loads(result.stdout)


class Files(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = Path(self.dir.name)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, content):
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return path


class ExitCodes(Files):
    def test_clean_file_exits_0(self):
        conf = self.write("postgresql.conf", "work_mem = 4MB\n")
        self.assertEqual(run("check", "--select", "V,C", conf).returncode, 0)

    def test_error_exits_1(self):
        conf = self.write("postgresql.conf", "work_mem = 1.5GB\n")
        self.assertEqual(run("check", conf).returncode, 1)

    def test_fail_on_never_exits_0_with_findings(self):
        conf = self.write("postgresql.conf", "work_mem = 1.5GB\n")
        self.assertEqual(run("check", "--fail-on", "never", conf).returncode, 0)

    def test_info_only_passes_default_fail_on_but_not_info(self):
        conf = self.write("postgresql.conf", "work_mem = 4MB\nwork_mem = 8MB\n")
        self.assertEqual(run("check", "--select", "V,M101", conf).returncode, 0)
        self.assertEqual(run("check", "--select", "V,M101", "--fail-on", "info", conf).returncode, 1)

    def test_missing_path_exits_2_with_message(self):
        result = run("check", self.path / "nope.conf")
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"nope.conf", result.stderr)
        self.assertEqual(result.stdout, b"")

    def test_usage_error_exits_2(self):
        self.assertEqual(run("check", "--format", "xml", "x").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("--pg-version", "12", "check", "x").returncode, 2)

    def test_unknown_kind_exits_2(self):
        other = self.write("settings.txt", "x")
        result = run("check", other)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"--kind", result.stderr)

    def test_unreadable_file_exits_2(self):
        if os.geteuid() == 0:
            self.skipTest("root can read anything")
        conf = self.write("postgresql.conf", "work_mem = 4MB\n")
        conf.chmod(0)
        self.assertEqual(run("check", conf).returncode, 2)


class JsonReport(Files):
    def test_fields_positions_and_summary(self):
        conf = self.write("postgresql.conf", "# c\nwork_mem = '64KB'\n")
        result, report = check_json("--select", "V", conf)
        self.assertEqual(report["version"], 1)
        [finding] = report["findings"]
        self.assertEqual(finding["rule"], "V103")
        self.assertEqual(finding["name"], "invalid-value")
        self.assertEqual(finding["severity"], "error")
        self.assertEqual(finding["category"], "validity")
        self.assertEqual(finding["path"], str(conf))
        self.assertEqual((finding["line"], finding["column"], finding["end_line"], finding["end_column"]),
                         (2, 12, 2, 18))
        self.assertIn("Valid units", finding["help"])
        self.assertFalse(finding["fixable"])
        self.assertEqual(report["summary"], {"files": 1, "errors": 1, "warnings": 0, "info": 0, "fixable": 0, "fixable_unsafe": 0})

    def test_matches_schema(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed for this interpreter")
        conf = self.write("postgresql.conf", "work_mem = 4MB\nwork_mem = 1.5GB\nshared_buffer = 1\nwork_mem = 5MB\n")
        _, report = check_json(conf)
        schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
        jsonschema.validate(report, schema)
        self.assertGreaterEqual(len(report["findings"]), 3)

    def test_invalid_utf8_is_replaced_not_crashing(self):
        conf = self.write("postgresql.conf", b"caf\xe9 = 1\n")
        result, report = check_json("--select", "V", conf)
        self.assertEqual(result.returncode, 1)
        self.assertIn("\ufffd", report["findings"][0]["message"])


class TextReport(Files):
    def test_rustc_style(self):
        conf = self.write("postgresql.conf", "listen_addresses = *\n")
        out = run("check", conf).stdout.decode()
        self.assertIn(f"{conf}:1:20: error[V101]: syntax error, near token \"*\"", out)
        self.assertIn("1 | listen_addresses = *", out)
        self.assertIn("  |                    ^", out)
        self.assertIn("help:", out)
        self.assertNotIn("\x1b[", out)  # not a terminal: no colour

    def test_no_problems(self):
        conf = self.write("postgresql.conf", "work_mem = 4MB\n")
        self.assertIn("No problems found", run("check", "--select", "V", conf).stdout.decode())

    def test_file_level_findings_have_no_snippet(self):
        conf = self.write("postgresql.conf", "work_mem = 4MB\n")
        out = run("check", "--select", "O101", conf).stdout.decode()
        self.assertIn(f"{conf}: warning[O101] [*]: log_connections is not set", out)
        self.assertNotIn("1 | work_mem", out)


class Discovery(Files):
    def test_directory_search_skips_hidden_and_build_and_reads_includes_once(self):
        self.write("db/postgresql.conf", "include_dir 'conf.d'\n")
        self.write("db/conf.d/10-tuning.conf", "work_mem = 1.5GB\n")
        self.write(".git/postgresql.conf", "bad = = =\n")
        self.write("build/postgresql.conf", "bad = = =\n")
        _, report = check_json("--select", "V", self.path)
        paths = [f["path"] for f in report["findings"]]
        self.assertEqual(paths, [str(self.path / "db/conf.d/10-tuning.conf")])
        self.assertEqual(report["summary"]["files"], 2)

    def test_defaults_count_only_for_whole_configurations(self):
        self.write("conf.d/10-tuning.conf", "work_mem = 8MB\n")
        _, report = check_json("--select", "O101", self.path)
        self.assertEqual(report["findings"], [])  # a lone fragment found in a directory
        named = self.write("prod.conf", "work_mem = 8MB\n")
        _, report = check_json("--select", "O101", named)
        self.assertEqual([f["rule"] for f in report["findings"]], ["O101"])  # named on the command line

    def test_auto_conf_overrides_are_named(self):
        self.write("postgresql.conf", "work_mem = 4MB\n")
        self.write("postgresql.auto.conf", "work_mem = '64MB'\n")
        _, report = check_json("--select", "M101", self.path)
        [finding] = report["findings"]
        self.assertEqual(finding["rule"], "M101")
        self.assertIn("postgresql.auto.conf", finding["message"])

    def test_version_changes_verdict(self):
        conf = self.write("postgresql.conf", "reserved_connections = 5\n")
        self.assertEqual(run("--pg-version", "16", "check", "--select", "V,C", conf).returncode, 0)
        _, report = check_json("--select", "V,C", "--pg-version", "15", conf)
        self.assertEqual(report["findings"][0]["rule"], "C102")
        _, report = check_json(conf, "--select", "V,C", "--pg-version", "15")  # options after the subcommand work too
        self.assertEqual(report["findings"][0]["rule"], "C102")


class BadInput(Files):
    def test_binary_file_is_one_finding(self):
        conf = self.write("postgresql.conf", bytes(range(256)) * 100)
        result, report = check_json("--select", "V", conf)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(report["findings"]), 1)
        self.assertIn("binary", report["findings"][0]["message"])

    def test_include_cycle_terminates(self):
        self.write("postgresql.conf", "include 'a.conf'\n")
        self.write("a.conf", "include 'postgresql.conf'\n")
        result, report = check_json(self.path / "postgresql.conf")
        self.assertEqual(result.returncode, 1)
        self.assertIn("cycle", report["findings"][0]["message"])

    def test_huge_line(self):
        conf = self.write("postgresql.conf", "application_name = '" + "x" * 5_000_000 + "'\nwork_mem = 1.5GB\n")
        result, report = check_json("--select", "V", conf)
        self.assertEqual([f["line"] for f in report["findings"]], [2])
        text = run("check", "--select", "V", conf).stdout
        self.assertLess(len(text), 5000)


class Parse(Files):
    def test_round_trip_is_byte_identical(self):
        content = b"# c\r\nwork_mem = 1.5GB\r\nx = 'unterminated\n\tssl on # t\nlast = 1"
        conf = self.write("postgresql.conf", content)
        result = run("parse", conf)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, content)

    def test_json_tree(self):
        conf = self.write("x.conf", "work_mem = '4MB' # why\nbad = *\n")
        tree = json.loads(run("parse", "--json", conf).stdout)
        entry, bad = tree["lines"]
        self.assertEqual((entry["name"], entry["raw_value"], entry["value"]), ("work_mem", "'4MB'", "4MB"))
        self.assertEqual(entry["comment"], "# why")
        self.assertEqual(entry["value_span"], [11, 16])
        self.assertEqual(bad["kind"], "error")
        self.assertEqual(bad["error"]["message"], 'syntax error, near token "*"')

    def test_compose_and_dockerfile(self):
        compose = self.write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n"
                                                   "      POSTGRES_PASSWORD: Sup3rSecretPw\n    command: postgres -c work_mem=8MB\n")
        self.assertEqual(run("parse", compose).stdout, compose.read_bytes())
        tree = json.loads(run("parse", "--json", compose).stdout)
        [service] = tree["services"]
        self.assertTrue(service["runs_postgres"])
        self.assertEqual(service["environment"][0]["value"], "*" * len("Sup3rSecretPw"))
        self.assertEqual(service["server_settings"][0]["name"]["text"], "work_mem")
        dockerfile = self.write("Dockerfile", "FROM postgres:16\nHEALTHCHECK CMD pg_isready\n")
        stages = json.loads(run("parse", "--json", dockerfile).stdout)["stages"]
        self.assertEqual(stages[0]["image"]["text"], "postgres:16")
        self.assertTrue(stages[0]["healthcheck"])

    def test_kind_override(self):
        conf = self.write("settings.txt", "a = 1\n")
        self.assertEqual(run("parse", conf).returncode, 2)
        self.assertEqual(run("parse", "--kind", "conf", conf).stdout, b"a = 1\n")


class ExplainAccess(Files):
    def test_first_match_and_method(self):
        self.write("pg_hba.conf", "local all all peer\nhostssl all postgres 0.0.0.0/0 reject\n"
                                  "hostssl all all 10.0.0.0/8 scram-sha-256\n")
        out = run("explain-access", self.path, "--user", "app", "--db", "appdb", "--addr", "10.1.2.3", "--ssl")
        self.assertEqual(out.returncode, 0)
        self.assertIn("matches line 3", out.stdout.decode())
        self.assertIn("method: scram-sha-256", out.stdout.decode())
        out = run("explain-access", self.path, "--user", "postgres", "--addr", "10.1.2.3", "--ssl").stdout.decode()
        self.assertIn("matches line 2", out)
        self.assertIn("refused", out)

    def test_no_match_and_maybe(self):
        self.write("pg_hba.conf", "hostssl all +admins 10.0.0.0/8 cert\n")
        out = run("explain-access", self.path, "--user", "bob", "--addr", "10.0.0.1", "--ssl").stdout.decode()
        self.assertIn("line 1 might match", out)
        self.assertIn("no line matches", out)

    def test_bad_address_is_usage_error(self):
        self.write("pg_hba.conf", "local all all peer\n")
        self.assertEqual(run("explain-access", self.path, "--addr", "not-an-ip").returncode, 2)


class Secrets(Files):
    def test_overridden_conninfo_password_never_printed(self):
        self.write("postgresql.conf", "primary_conninfo = 'host=a user=r password=F1rstSecret'\n"
                                      "primary_conninfo = 'host=b user=r password=S3condSecret'\n")
        for fmt in ("text", "json", "sarif", "github"):
            out = run("check", "--format", fmt, self.path)
            for secret in (b"F1rstSecret", b"S3condSecret"):
                self.assertNotIn(secret, out.stdout + out.stderr, fmt)

    def test_hba_secrets_never_printed(self):
        self.write("pg_hba.conf", "host all all 0.0.0.0/0 radius radiusservers=10.0.0.5 radiussecrets=Sup3rSecret\n"
                                  "host all all 0.0.0.0/0 ldap ldapserver=x ldapbasedn=dc=x ldapbindpasswd=Hunter2Pw\n")
        for args in (["check"], ["check", "--format", "json"], ["parse", "--json", "--kind", "hba"]):
            target = self.path / "pg_hba.conf" if args[0] == "parse" else self.path
            out = run(*args, target)
            for secret in (b"Sup3rSecret", b"Hunter2Pw"):
                self.assertNotIn(secret, out.stdout + out.stderr, args)


class Containers(Files):
    def test_memory_limit_sizes_when_the_intent_does_not(self):
        self.write("docker-compose.yml", "services:\n  db:\n    image: postgres:18\n    deploy:\n      resources:\n"
                                         "        limits:\n          memory: 8G\n")
        self.write("postgresql.conf", "shared_buffers = 128MB\n")
        _, report = check_json("--select", "R101", ".", cwd=self.path)
        [finding] = report["findings"]
        self.assertIn("memory limit of service \"db\"", finding["message"])

    def test_image_decides_the_version_unless_given(self):
        self.write("docker-compose.yml", "services:\n  db:\n    image: postgres:15-alpine\n")
        self.write("postgresql.conf", "reserved_connections = 5\n")
        _, report = check_json("--select", "C102,K106", ".", cwd=self.path)
        self.assertEqual([f["rule"] for f in report["findings"]], ["C102"])  # checked as 15, the image's version
        _, report = check_json("--select", "C102,K106", "--pg-version", "16", ".", cwd=self.path)
        self.assertEqual([f["rule"] for f in report["findings"]], ["K106"])  # 16 given: the image disagrees

    def test_environment_passwords_never_printed(self):
        self.write("docker-compose.yml", "services:\n  db:\n    image: postgres:latest\n    environment:\n"
                                         "      POSTGRES_PASSWORD: Sup3rSecretPw\n      PGPASSWORD: An0therPw\n")
        self.write("Dockerfile", "FROM postgres\nENV POSTGRES_PASSWORD=Th1rdPw\n")
        for fmt in ("text", "json", "sarif", "github"):
            out = run("check", "--format", fmt, ".", cwd=self.path)
            for secret in (b"Sup3rSecretPw", b"An0therPw", b"Th1rdPw"):
                self.assertNotIn(secret, out.stdout + out.stderr, fmt)
        _, report = check_json(".", cwd=self.path)
        self.assertGreaterEqual(sum(f["rule"] == "K103" for f in report["findings"]), 3)


class Rules(unittest.TestCase):
    def test_every_rule_has_documentation(self):
        rules = json.loads(run("rules", "--format", "json").stdout)
        self.assertGreaterEqual(len(rules), 10)
        for rule in rules:
            for field in ("id", "name", "summary", "category", "severity", "what", "why", "example", "use_instead"):
                self.assertTrue(rule[field], f"{rule['id']} lacks {field}")
            self.assertTrue(rule["references"], rule["id"])
            doc = run("rule", rule["id"])
            self.assertEqual(doc.returncode, 0)
            self.assertIn(f"# {rule['id']} {rule['name']}", doc.stdout.decode())

    def test_fixable_rules_document_their_fix_safety(self):
        for rule in json.loads(run("rules", "--format", "json").stdout):
            if rule["fix"] != "none":
                doc = run("rule", rule["id"]).stdout.decode()
                self.assertIn("## Fix safety", doc, rule["id"])

    def test_generated_docs_are_current(self):
        for rule in json.loads(run("rules", "--format", "json").stdout):
            path = ROOT / "docs" / "rules" / f"{rule['id']}.md"
            self.assertEqual(path.read_text(), run("rule", rule["id"]).stdout.decode(),
                             f"{path} is stale: run tools/gen-rule-docs")

    def test_unknown_rule(self):
        self.assertEqual(run("rule", "X999").returncode, 2)


class Examples(unittest.TestCase):
    def test_unsafe_fixes_leave_nothing_fixable_in_the_seed(self):
        import shutil
        with tempfile.TemporaryDirectory() as tmp:
            seed = Path(tmp) / "seed"
            shutil.copytree(ROOT / "examples" / "seed-production", seed)
            result = run("fix", "--unsafe-fixes", "--fail-on", "never", ".", cwd=seed)
            self.assertEqual(result.returncode, 0, result.stderr)
            _, report = check_json(".", cwd=seed)
            serious = [f for f in report["findings"] if f["severity"] in ("warning", "error")]
            self.assertEqual([f for f in serious if f["fixable"]], [])
            fixed = {"S202", "S205", "S206", "S212", "S102", "S106", "R101", "O103"}
            self.assertFalse(fixed & {f["rule"] for f in serious}, serious)
            # What no fix can settle: the image's superuser as the application role, and archiving.
            self.assertEqual({f["rule"] for f in serious}, {"K109", "D105"})

    def test_seed_gets_the_reviewers_findings(self):
        result = run("check", "--format", "json", ROOT / "examples" / "seed-production")
        self.assertEqual(result.returncode, 1)
        rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
        for expected in ("S202", "S205", "S206", "S212", "S102", "S106", "R101", "O103", "D105", "K109"):
            self.assertIn(expected, rules)
        for wrong in ("V101", "V103", "V201", "S201"):  # the seed is valid and has no trust over TCP
            self.assertNotIn(wrong, rules)

    def test_hardened_example_is_clean_at_warning(self):
        result = run("check", "--format", "json", ROOT / "examples" / "hardened-production")
        self.assertEqual(result.returncode, 0, result.stdout)
        findings = json.loads(result.stdout)["findings"]
        self.assertEqual([f for f in findings if f["severity"] != "info"], [])


class Formats(Files):
    def setUp(self):
        super().setUp()
        self.write("postgresql.conf", "work_mem = '64KB'\nfsync = off\nlog_checkpoints = off\n")

    def test_sarif_validates_and_is_relative(self):
        result = run("check", "--format", "sarif", ".", cwd=self.path)
        sarif = json.loads(result.stdout)
        self.assertEqual(sarif["version"], "2.1.0")
        results = sarif["runs"][0]["results"]
        self.assertTrue(any(r["ruleId"] == "V103" for r in results))
        uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        self.assertEqual(uri, "postgresql.conf")
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed for this interpreter")
        schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
        jsonschema.Draft7Validator(schema).validate(sarif)

    def test_github_errors_first(self):
        out = run("check", "--format", "github", "--fail-on", "never", ".", cwd=self.path).stdout.decode().splitlines()
        self.assertTrue(out[0].startswith("::error file=postgresql.conf,line=1"))
        self.assertTrue(any(line.startswith("::notice") for line in out))
        kinds = [line.split(" ")[0] for line in out]
        self.assertEqual(kinds, sorted(kinds, key=lambda k: ["::error", "::warning", "::notice"].index(k)))

    def test_output_file_and_text_on_stdout(self):
        result = run("check", "--format", "sarif", "--output", "report.sarif", ".", cwd=self.path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"error[V103]", result.stdout)
        self.assertEqual(json.loads((self.path / "report.sarif").read_text())["version"], "2.1.0")


class Configuration(Files):
    def test_select_ignore_severity_and_per_path(self):
        self.write("postgresql.conf", "work_mem = '64KB'\nfsync = off\n")
        self.write("legacy/postgresql.conf", "fsync = off\n")
        self.write(".pglint.toml", 'select = ["V", "D"]\nignore = ["V103"]\n[severity]\nD101 = "info"\n'
                                   '[per-path-ignores]\n"legacy/*" = ["fsync-off"]\n')
        result, report = check_json(".", cwd=self.path)
        rules = [(f["rule"], f["severity"], f["path"]) for f in report["findings"]]
        self.assertIn(("D101", "info", "postgresql.conf"), rules)
        self.assertFalse(any(r[0] == "V103" for r in rules))
        self.assertFalse(any(r[2].startswith("legacy") and r[0] == "D101" for r in rules))
        self.assertFalse(any(r[0].startswith("O") for r in rules))

    def test_cli_beats_file(self):
        self.write("postgresql.conf", "fsync = off\n")
        self.write(".pglint.toml", 'fail-on = "never"\n')
        self.assertEqual(run("check", ".", cwd=self.path).returncode, 0)
        self.assertEqual(run("check", "--fail-on", "error", ".", cwd=self.path).returncode, 1)

    def test_bad_config_is_exit_2_with_location(self):
        self.write("postgresql.conf", "fsync = off\n")
        self.write(".pglint.toml", 'selekt = ["V"]\n')
        result = run("check", ".", cwd=self.path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b".pglint.toml:1:", result.stderr)

    def test_unknown_rule_pattern_is_usage_error(self):
        self.write("postgresql.conf", "fsync = off\n")
        self.assertEqual(run("check", "--select", "Z9", ".", cwd=self.path).returncode, 2)


class Intent(Files):
    def test_intent_sets_version_and_facts(self):
        self.write("intent.toml", '[cluster]\npostgres_version = 15\n[resources]\nmemory = "8GB"\n')
        self.write("postgresql.conf", "reserved_connections = 5\nshared_buffers = 128MB\n")
        _, report = check_json(".", cwd=self.path)
        rules = {f["rule"] for f in report["findings"]}
        self.assertIn("C102", rules)  # version 15 from the intent
        self.assertIn("R101", rules)  # 128MB of 8GB

    def test_bad_intent_is_exit_2_with_location(self):
        self.write("intent.toml", '[resources]\nmemory = "lots"\n')
        self.write("postgresql.conf", "fsync = on\n")
        result = run("check", ".", cwd=self.path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"intent.toml:2:", result.stderr)

    def test_malformed_toml(self):
        self.write("intent.toml", '[resources\nmemory = \n')
        result = run("check", ".", cwd=self.path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"intent.toml:1:", result.stderr)


class Suppressions(Files):
    def test_conf_and_hba(self):
        self.write("postgresql.conf", "# pglint: disable-next-line=fsync-off\nfsync = off\n"
                                      "work_mem = '64KB'  # pglint: disable=V103\n")
        self.write("pg_hba.conf", "host all all 10.0.0.0/8 trust  # pglint: disable=S201\n")
        _, report = check_json(".", cwd=self.path)
        rules = {f["rule"] for f in report["findings"]}
        self.assertNotIn("D101", rules)
        self.assertNotIn("V103", rules)
        self.assertNotIn("S201", rules)
        self.assertNotIn("M001", rules)

    def test_file_level(self):
        self.write("pg_hba.conf", "# pglint: disable-file=S201\nhost all all 10.0.0.0/8 trust\n")
        _, report = check_json(".", cwd=self.path)
        self.assertNotIn("S201", {f["rule"] for f in report["findings"]})


class Fix(Files):
    """pglint fix and the fixable markers of check, on the real executable."""

    CONF = b"# durability\r\nfsync = off   # was for a benchmark\r\nshared_buffers = 128MB\r\nwork_mem = 4MB"

    def test_fix_in_place_keeps_crlf_comments_and_missing_final_newline(self):
        conf = self.write("postgresql.conf", self.CONF)
        result = run("fix", "--select", "D101", ".", cwd=self.path)
        self.assertEqual(result.returncode, 0, result.stderr)
        # The value shrinks by a byte; the comment keeps its column.
        self.assertEqual(conf.read_bytes(), self.CONF.replace(b"fsync = off", b"fsync = on "))
        self.assertIn(b"Fixed postgresql.conf:2: [D101]", result.stdout)

    def test_diff_writes_nothing_and_patch_gives_the_in_place_result(self):
        conf = self.write("postgresql.conf", self.CONF)
        self.write("intent.toml", '[resources]\nmemory = "8GB"\n')
        diff = run("fix", "--diff", "--unsafe-fixes", ".", cwd=self.path)
        self.assertEqual(diff.returncode, 1)
        self.assertTrue(diff.stdout.startswith(b"--- a/postgresql.conf\n+++ b/postgresql.conf\n"), diff.stdout)
        self.assertEqual(conf.read_bytes(), self.CONF)
        # patch -p1 on one copy, pglint fix in place on another: the same bytes.
        patched = Path(self.dir.name) / "patched"
        patched.mkdir()
        (patched / "postgresql.conf").write_bytes(self.CONF)
        applied = subprocess.run(["patch", "-p1", "--quiet", "--binary"], cwd=patched, input=diff.stdout, capture_output=True)
        self.assertEqual(applied.returncode, 0, applied.stderr + applied.stdout)
        fixed = run("fix", "--unsafe-fixes", "--fail-on", "never", ".", cwd=self.path)
        self.assertEqual(fixed.returncode, 0, fixed.stderr)
        self.assertEqual((patched / "postgresql.conf").read_bytes(), conf.read_bytes())
        self.assertIn(b"shared_buffers = 2GB", conf.read_bytes())

    def test_git_apply_accepts_the_diff(self):
        self.write("postgresql.conf", self.CONF)
        diff = run("fix", "--diff", "--select", "D101", ".", cwd=self.path)
        subprocess.run(["git", "init", "-q"], cwd=self.path, check=True)
        applied = subprocess.run(["git", "apply", "--check", "-v", "-"], cwd=self.path, input=diff.stdout,
                                 capture_output=True)
        self.assertEqual(applied.returncode, 0, applied.stderr)

    def test_nothing_to_fix_prints_no_diff_and_exits_0(self):
        self.write("postgresql.conf", "fsync = on\n")
        result = run("fix", "--diff", "--select", "D101", ".", cwd=self.path)
        self.assertEqual((result.returncode, result.stdout), (0, b""))

    def test_unsafe_fixes_wait_for_the_flag(self):
        self.write("intent.toml", '[resources]\nmemory = "8GB"\n')
        conf = self.write("postgresql.conf", "shared_buffers = 128MB\n")
        result = run("fix", "--select", "R101", ".", cwd=self.path)
        self.assertEqual(result.returncode, 1)  # the finding remains, at warning
        self.assertEqual(conf.read_text(), "shared_buffers = 128MB\n")
        self.assertIn(b"1 fixable with `pglint fix --unsafe-fixes`", result.stdout)
        self.assertEqual(run("fix", "--select", "R101", "--unsafe-fixes", ".", cwd=self.path).returncode, 0)
        self.assertEqual(conf.read_text(), "shared_buffers = 2GB\n")

    def test_read_only_file_exits_2_untouched(self):
        conf = self.write("postgresql.conf", "fsync = off\n")
        conf.chmod(0o444)
        result = run("fix", "--select", "D101", ".", cwd=self.path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"read-only", result.stderr)
        self.assertEqual(conf.read_text(), "fsync = off\n")

    def test_symlinked_file_is_written_through_the_link(self):
        real = self.write("etc/real.conf", "fsync = off\n")
        (self.path / "postgresql.conf").symlink_to(real)
        result = run("fix", "--select", "D101", "postgresql.conf", cwd=self.path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue((self.path / "postgresql.conf").is_symlink())
        self.assertEqual(real.read_text(), "fsync = on\n")

    def test_file_that_does_not_parse_is_not_fixed(self):
        conf = self.write("postgresql.conf", "fsync = off\nwork_mem = = 4MB\n")
        result = run("fix", "--diff", ".", cwd=self.path)
        self.assertEqual((result.returncode, result.stdout), (0, b""))
        self.assertEqual(conf.read_text(), "fsync = off\nwork_mem = = 4MB\n")

    def test_check_marks_fixable_findings_in_every_format(self):
        self.write("postgresql.conf", "fsync = off\n")
        text = run("check", "--select", "D101", ".", cwd=self.path).stdout.decode()
        self.assertIn("error[D101] [*]:", text)
        self.assertIn("= fix: set fsync = on", text)
        self.assertIn("1 fixable with `pglint fix`.", text)
        _, report = check_json("--select", "D101", ".", cwd=self.path)
        finding = next(f for f in report["findings"] if f["rule"] == "D101")
        self.assertEqual(finding["fix"]["applicability"], "safe")
        self.assertEqual(finding["fix"]["edits"][0]["replacement"], "on")
        self.assertEqual(report["summary"]["fixable"], 1)
        sarif = json.loads(run("check", "--format", "sarif", ".", cwd=self.path).stdout)
        result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "D101")
        change = result["fixes"][0]["artifactChanges"][0]
        self.assertEqual(change["replacements"][0]["insertedContent"]["text"], "on")
        github = run("check", "--select", "D101", "--format", "github", ".", cwd=self.path).stdout.decode()
        self.assertIn("%0Afix: set fsync = on (pglint fix)", github)

    def test_diff_never_shows_a_secret(self):
        self.write("postgresql.conf", "fsync = off\nprimary_conninfo = 'host=a user=r password=Sup3rSecretPw'\n")
        result = run("fix", "--diff", "--select", "D101", ".", cwd=self.path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"+fsync = on", result.stdout)
        self.assertNotIn(b"Sup3rSecretPw", result.stdout + result.stderr)
        self.assertIn(b"masks secrets", result.stderr)

    def test_parse_json_masks_conninfo_and_url_passwords(self):
        self.write("postgresql.conf", "primary_conninfo = 'host=a user=r password=Sup3rSecretPw'\n")
        self.write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n"
                   "    command: postgres -c primary_conninfo='host=a password=Sup3rSecretPw'\n"
                   "    environment:\n      DATABASE_URL: postgres://u:Sup3rSecretPw@h/db\n")
        for name in ("postgresql.conf", "docker-compose.yml"):
            out = run("parse", "--json", name, cwd=self.path)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertNotIn(b"Sup3rSecretPw", out.stdout, name)

    def test_fix_exits_as_check_on_what_remains(self):
        self.write("postgresql.conf", "fsync = off\nwork_mem = '1kB'\n")
        result = run("fix", "--select", "D101,V103", ".", cwd=self.path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"V103", result.stdout)
        self.assertIn(b"fsync = on", (self.path / "postgresql.conf").read_bytes())


if __name__ == "__main__":
    PGLINT = os.path.abspath(sys.argv.pop(1))
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    print(f"{result.testsRun - failed - skipped} passed, {failed} failed, {skipped} skipped")
    sys.exit(1 if failed else 0)
