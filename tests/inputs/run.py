#!/usr/bin/env python3
"""The corpus of bad inputs (docs/testing.md, "The bad-input corpus"): every case runs the real
program, and must exit with its code, print its fragment, and print no stack trace.

Two kinds of case:
  stacks/<name>.yaml   a stack file. Its leading comment lines say what must happen:
                         # expect: <fragment>    (one or more; each must appear in the output)
                         # exit: <code>          (default 1)
                         # run: <command>        (default `plan`; `render` runs the render program)
                         # tier: all             (run once per tier: the file with superset:tier set to
                                                  small, medium and large in turn)
  commands.txt         one command line per case:
                         <exit> | <fragment> | <program> <arguments...>
                       <program> is cli (stacks/Cli), render or infra (the Pulumi program itself);
                       {tmp} is a fresh empty folder, {root} the repository, {inputs} this folder.

Usage: run.py [--no-pulumi] [--dotnet-config Debug]. With --no-pulumi, cases of render and infra are
counted and skipped (the Pulumi packages could not be restored), and the run says so.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TIERS = ("small", "medium", "large")

# What .NET prints for an exception nobody handled, and the frames of any printed trace.
TRACE = re.compile(r"Unhandled exception|^\s+at [\w.<>`]+[.(]|--- End of stack trace|Exception: .*\n\s+at ", re.M)


def program(name, config):
    dll = {
        "cli": ROOT / "stacks/Cli/bin" / config / "net10.0/Superset.Cli.dll",
        "render": ROOT / "render/bin" / config / "net10.0/Superset.Render.dll",
        "infra": ROOT / "infra/bin" / config / "net10.0/Superset.Infra.dll",
    }[name]
    if not dll.exists():
        sys.exit(f"{dll} is missing: build the solution first (dotnet build Superset.sln)")
    return ["dotnet", str(dll)]


def header(path):
    expect, code, run, tiers = [], 1, "plan", [None]
    for line in path.read_text().splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(expect|exit|run|tier):\s*(.*?)\s*$", line)
        if not m:
            continue
        key, value = m.groups()
        if key == "expect":
            expect.append(value)
        elif key == "exit":
            code = int(value)
        elif key == "run":
            run = value
        elif key == "tier" and value == "all":
            tiers = list(TIERS)
    if not expect:
        sys.exit(f"{path}: no `# expect:` line; a case that expects nothing cannot fail")
    return expect, code, run, tiers


def with_tier(text, tier):
    lines = [l for l in text.splitlines() if not re.match(r"\s+superset:tier:", l)]
    at = next(i for i, l in enumerate(lines) if l.rstrip() == "config:")
    lines.insert(at + 1, f"  superset:tier: {tier}")
    return "\n".join(lines) + "\n"


def cases(pulumi):
    """(name, argv, cwd, exit, fragments) of every case, and how many were skipped."""
    found, skipped = [], 0
    for path in sorted((HERE / "stacks").glob("*.yaml")):
        expect, code, run, tiers = header(path)
        if run == "render" and not pulumi:
            skipped += len(tiers)
            continue
        for tier in tiers:
            tmp = tempfile.mkdtemp(prefix="input-")
            stack = Path(tmp) / "Pulumi.case.yaml"
            stack.write_text(with_tier(path.read_text(), tier) if tier else path.read_text())
            if run == "render":
                argv = ["render", str(stack), "--out", str(Path(tmp) / "out")]
            else:
                argv = ["cli", *shlex.split(run), str(stack)]
            found.append((f"{path.name}{f' ({tier})' if tier else ''}", argv, tmp, code, [f.replace("{tier}", tier or "") for f in expect]))
    for n, line in enumerate((HERE / "commands.txt").read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, fragment, command = (p.strip() for p in line.split("|", 2))
        tmp = tempfile.mkdtemp(prefix="input-")
        argv = [a.replace("{tmp}", tmp).replace("{root}", str(ROOT)).replace("{inputs}", str(HERE)) for a in shlex.split(command)]
        if argv[0] in ("render", "infra") and not pulumi:
            skipped += 1
            continue
        found.append((f"commands.txt:{n}", argv, str(ROOT), int(code), [fragment.replace("{tmp}", tmp)]))
    return found, skipped


def judge(case, config, env):
    """The problems of one case: a wrong exit code, a missing fragment, a stack trace."""
    name, argv, cwd, code, fragments = case
    result = subprocess.run(program(argv[0], config) + argv[1:], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=300)
    out = result.stdout + result.stderr
    problems = []
    if result.returncode != code:
        problems.append(f"exit {result.returncode}, expected {code}")
    problems += [f"no {f!r} in the output" for f in fragments if f not in out]
    if TRACE.search(out):
        problems.append("a stack trace")
    if not problems:
        return None
    return f"{name}: {'; '.join(problems)}\n  $ {' '.join(argv)}\n" + "".join(f"  | {l}\n" for l in out.splitlines()[-15:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-pulumi", action="store_true")
    parser.add_argument("--dotnet-config", default="Debug")
    args = parser.parse_args()
    env = dict(os.environ, DOTNET_NOLOGO="1", NO_COLOR="1")
    found, skipped = cases(not args.no_pulumi)
    if skipped:
        print(f"{skipped} cases of render and infra skipped: the Pulumi packages could not be restored")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        failures = [f for f in pool.map(lambda c: judge(c, args.dotnet_config, env), found) if f]
    ran = len(found)
    print(f"{ran} bad inputs run, {len(failures)} not answered as expected")
    for f in failures:
        print(f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
