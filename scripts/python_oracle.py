"""Python's own `ast` as the oracle for `trifecta ast symbols` on Python files.

Reads file paths (one per line) on stdin, prints one JSON object per line:
{"path": ..., "ok": true, "symbols": [[qualified_name, kind, line, end_line], ...]}
or {"path": ..., "ok": false} when Python cannot parse the file.
class -> "class"; a def whose nearest enclosing class/def is a class -> "method"
(also under if/try/with inside the class body); any other def -> "function".
"""
import ast
import json
import sys
import warnings


def definitions(tree):
    out = []

    def visit(node, scope, scope_kind):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                kind = "class"
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "method" if scope_kind == "class" else "function"
            else:
                visit(child, scope, scope_kind)
                continue
            qualified = ".".join(scope + [child.name])
            out.append([qualified, kind, child.lineno, child.end_lineno])
            visit(child, scope + [child.name], "class" if kind == "class" else "def")

    visit(tree, [], None)
    return out


def main():
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), filename=path)
        except (SyntaxError, ValueError):
            print(json.dumps({"path": path, "ok": False}))
            continue
        print(json.dumps({"path": path, "ok": True, "symbols": definitions(tree)}))


if __name__ == "__main__":
    main()
