"""List the imports of project code written inside function bodies (issue 12's measure).

python .ci/function_imports.py          # one line per import, then the count
"""

import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "migrations", "tests", ".git"}


def project_packages():
    return {p.parent.name for p in ROOT.glob("*/__init__.py")} | {"bench"}


def function_level_imports(path, packages):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in packages:
                    yield node.lineno, name


def main():
    packages = project_packages()
    count = 0
    for path in sorted(ROOT.rglob("*.py")):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for lineno, name in function_level_imports(path, packages):
            print(f"{path.relative_to(ROOT)}:{lineno}: {name}")
            count += 1
    print(f"{count} function-level imports of project code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
