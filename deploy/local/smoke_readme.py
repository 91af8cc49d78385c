"""Runs the README's walk-throughs against the running local stack and checks what the README shows.

Every ```bash block of the walk-through sections is run, in order, in one bash process from the
repository root. A block is cut into steps at its comment lines ("# Hire: ..."): the step's name is
that comment. A comment line indented by three spaces ("#   {"status":"TENDERING"}") states output
of the step above it: it must appear in what the step printed, where "..." stands for anything.
A step that exits non-zero, or misses one of its stated outputs, fails with its name.
"""
import os
import re
import subprocess
import sys

SECTIONS = (
    "## Calling the API with curl",
    "## The workforce with curl",
    "## A project's life with curl",
    "## A provincial dashboard with curl",
)
MARK = "@@smoke-step"


def blocks(readme):
    """(section, code) of every bash block under the walk-through sections, in README order."""
    section, in_block, code, found = None, False, [], []
    for line in readme.splitlines():
        if not in_block and line.startswith("## "):
            section = line if line.startswith(SECTIONS) else None
        elif section and not in_block and line.strip() == "```bash":
            in_block, code = True, []
        elif in_block and line.strip() == "```":
            in_block = False
            found.append((section, code))
        elif in_block:
            code.append(line)
    return found


def steps(section, code):
    """Cuts a block into steps: (name, lines to run, stated outputs)."""
    result, name, body, expected = [], section.lstrip("# "), [], []
    previous_was_comment = False
    for line in code:
        stated = re.match(r"^#   (\S.*)$", line)
        heading = re.match(r"^# (\S.*)$", line)
        if stated:
            expected.append(stated.group(1).strip())
            continue
        if heading and not previous_was_comment and (body or expected):
            result.append((name, body, expected))
            body, expected = [], []
        if heading and not previous_was_comment:
            name = heading.group(1)
        previous_was_comment = bool(heading)
        body.append(line)
    if body or expected:
        result.append((name, body, expected))
    return result


def pattern(stated):
    parts = [re.escape(p.strip()) for p in stated.split("...")]
    return re.compile(r".*?".join(p for p in parts if p) if parts else "")


def main(readme_path):
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()
    plan = [s for section, code in blocks(readme) for s in steps(section, code)]
    if not plan:
        print("smoke: no walk-through found in " + readme_path, file=sys.stderr)
        return 2
    script = ["set -u"]
    for i, (name, body, _) in enumerate(plan):
        script.append(f"printf '\\n{MARK} {i} start\\n'")
        script.extend(body)
        # The newline first: a step's last output may not end its line.
        script.append(f"printf '\\n{MARK} {i} rc=%s\\n' \"$?\"")
    run = subprocess.run(["bash", "-c", "\n".join(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, cwd=os.path.dirname(os.path.abspath(readme_path)), timeout=900)
    outputs, current, codes = {}, None, {}
    for line in run.stdout.splitlines():
        m = re.match(rf"^{MARK} (\d+) (start|rc=(\d+))$", line)
        if m:
            current = int(m.group(1)) if m.group(2) == "start" else None
            if m.group(3) is not None:
                codes[int(m.group(1))] = int(m.group(3))
            continue
        if current is not None:
            outputs.setdefault(current, []).append(line)
    failures, checks = [], 0
    for i, (name, body, expected) in enumerate(plan):
        out = "\n".join(outputs.get(i, []))
        if i not in codes:
            failures.append((name, "did not finish (the walk-through stopped before or inside it)", out))
            break
        if codes[i] != 0:
            failures.append((name, f"exited {codes[i]}", out))
            continue
        for stated in expected:
            checks += 1
            if not pattern(stated).search(out):
                failures.append((name, f"printed no `{stated}`", out))
        print(f"  ok  {name}")
        if os.environ.get("SMOKE_VERBOSE"):
            print("\n".join("      | " + line for line in out.splitlines() if line.strip()))
    for name, why, out in failures:
        tail = "\n".join(out.splitlines()[-15:])
        print(f"FAILED step \"{name}\": {why}\n--- its output (last lines) ---\n{tail}\n---", file=sys.stderr)
    if failures:
        print(f"smoke: {len(failures)} README step(s) differ from the product", file=sys.stderr)
        return 1
    print(f"smoke: the README's {len(plan)} walk-through steps behave as written ({checks} stated outputs checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
