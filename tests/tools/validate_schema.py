#!/usr/bin/env python3
"""Validates a JSON or TOML document against a JSON Schema (the draft the schema declares).

usage: validate_schema.py SCHEMA DOCUMENT
Exit status: 0 valid, 1 invalid (errors on stderr), 2 unreadable document, 77 jsonschema missing.
"""
import json
import sys

try:
    import jsonschema
    from jsonschema.validators import validator_for
except ImportError:
    print("jsonschema is not installed", file=sys.stderr)
    sys.exit(77)


def load(path):
    if path.endswith(".toml"):
        import tomllib
        with open(path, "rb") as f:
            return tomllib.load(f)
    with open(path, "rb") as f:
        return json.load(f)


def main():
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, "rb") as f:
        schema = json.load(f)
    try:
        document = load(document_path)
    except Exception as e:  # not TOML / not JSON
        print(f"{document_path}: {e}", file=sys.stderr)
        return 2
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=getattr(cls, "FORMAT_CHECKER", None))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{document_path}: {where}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
