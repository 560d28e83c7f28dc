"""Python's own `ast` as the oracle for `trifecta ast symbols` on Python files.

Reads file paths (one per line) on stdin, prints one JSON object per line:
{"path": ..., "ok": true, "symbols": [[qualified_name, kind, line, end_line], ...]}
or {"path": ..., "ok": false} when Python cannot parse the file.
class -> "class"; a def whose nearest enclosing class/def is a class -> "method"
(also under if/try/with inside the class body); any other def -> "function".
Assignment targets that are plain names (`X = …`, `X: int = …`, `X: int`, names in tuple and list
targets, starred or nested), in a module -> "variable", in a class body -> "field"; in a def: none.
"""
import ast
import json
import sys
import warnings


def target_names(target):
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Starred):
        yield from target_names(target.value)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from target_names(element)


def definitions(tree):
    out = []

    def visit(node, scope, scope_kind):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Assign, ast.AnnAssign)) and scope_kind != "def":
                kind = "field" if scope_kind == "class" else "variable"
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                for target in targets:
                    for name in target_names(target):
                        out.append([".".join(scope + [name]), kind, child.lineno, child.end_lineno])
                continue
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
