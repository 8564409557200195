#!/usr/bin/env python3
"""Prints the DEFAULT_FEATURE_FLAGS of a superset/config.py (or an excerpt of it) as JSON: a list
of [flag, default] in the file's order. Read with Python's own parser (ast), not a pattern: the
assignment must be one module-level dict literal of str keys and bool values, each key once
(a repeated key in a dict literal would silently keep the last value). Anything else exits 2.

Usage: extract_feature_flags.py <config.py>
"""
import ast
import json
import sys


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def flags(source):
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Assign):
            targets = node.targets
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "DEFAULT_FEATURE_FLAGS" for t in targets):
            found.append(node)
    if len(found) != 1:
        fail(f"expected one module-level assignment to DEFAULT_FEATURE_FLAGS, found {len(found)}")
    value = found[0].value
    if not isinstance(value, ast.Dict):
        fail(f"line {value.lineno}: DEFAULT_FEATURE_FLAGS is not a dict literal")
    pairs = []
    for key, default in zip(value.keys, value.values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            fail(f"line {default.lineno}: a key that is not a string literal")
        if not (isinstance(default, ast.Constant) and isinstance(default.value, bool)):
            fail(f"line {default.lineno}: {key.value} has a default that is not True or False")
        if any(name == key.value for name, _ in pairs):
            fail(f"line {key.lineno}: {key.value} twice")
        pairs.append([key.value, default.value])
    return pairs


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(flags(f.read())))
