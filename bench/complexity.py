"""Functions in briefing/ over 80 lines or 30 branches: what is left to split.

    uv run python bench/complexity.py [--lines 80] [--branches 30] [--all]

Lines: from the `def` to the function's last line (`ast`), its docstring and comments
included. Branches: ruff's McCabe complexity (rule C901, the one CI runs with its limit of 30;
`noqa` waivers ignored here), so the two never disagree. A nested function is counted in its
own right and inside its parent, as ruff does. Prints one line per function, worst first, and
the count; exits 0 (a report, not a gate: CI's gate is ruff's rule).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "briefing"


def complexities() -> dict[tuple[str, int], int]:
    """(file relative to the repo, line of the def) -> McCabe complexity, from ruff."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(PACKAGE), "--select", "C901", "--ignore-noqa", "--no-cache",
         "--config", "lint.mccabe.max-complexity=0", "--output-format", "json", "--exit-zero"],
        capture_output=True, text=True, check=True, cwd=REPO,
    )
    found = {}
    for item in json.loads(result.stdout):
        match = re.search(r"\((\d+) > 0\)", item["message"])
        if match:
            path = Path(item["filename"]).resolve().relative_to(REPO).as_posix()
            found[(path, item["location"]["row"])] = int(match.group(1))
    return found


def functions() -> list[tuple[str, str, int, int]]:
    """(file, qualified name, line of the def, length in lines) of every function."""
    rows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, prefix: str, relative: str = relative) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    name = f"{prefix}{child.name}"
                    start = child.decorator_list[0].lineno if child.decorator_list else child.lineno
                    rows.append((relative, name, child.lineno, (child.end_lineno or child.lineno) - start + 1))
                    visit(child, name + ".")
                elif isinstance(child, ast.ClassDef):
                    visit(child, f"{prefix}{child.name}.")
                else:
                    visit(child, prefix)

        visit(tree, "")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=80)
    parser.add_argument("--branches", type=int, default=30)
    parser.add_argument("--all", action="store_true", help="every function, not only those over a limit")
    args = parser.parse_args(argv)
    branches = complexities()
    rows = []
    for path, name, line, length in functions():
        complexity = branches.get((path, line), 1)
        if args.all or length > args.lines or complexity > args.branches:
            rows.append((path, name, line, length, complexity))
    rows.sort(key=lambda r: (-max(r[3] / args.lines, r[4] / args.branches), r[0], r[2]))
    for path, name, line, length, complexity in rows:
        over = [f"{length} lines" if length > args.lines else "", f"{complexity} branches" if complexity > args.branches else ""]
        print(f"{path}:{line}  {name}  {length} lines, {complexity} branches  ({', '.join(o for o in over if o) or 'within'})")
    print(f"{len(rows)} function(s) over {args.lines} lines or {args.branches} branches" if not args.all else f"{len(rows)} functions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
