"""Jedi as the references oracle for bench/references.ts (Python).

    python3 references-jedi.py ROOT [--budget SECONDS] [--common N] < files.txt > oracle.json
    python3 references-jedi.py ROOT --goto < positions.json > definitions.json

ROOT is the segment; stdin lists its .py files (relative, one a line). For every top-level function and
class, and every method of a top-level class (but the dunders: their uses are implicit), Jedi's
get_references (scope "project") gives its uses; each use inside ROOT is written with its 1-based line and
column, its kind as the Python grammar says (import, call, decorator, inherit, type, other) and whether it
is a definition (an import binds a name).

A method with a common name (get, render, close) makes Jedi infer every use of that name in the project:
seconds each, for a handful of uses it can prove. A method whose name is written more than `--common` times
(default 100) in the tree's .py files is not queried; it is written with an "error" and left out of the scoring.
(Interrupting a query on a timer instead leaves Jedi's caches broken for the queries after it.) A budget in
seconds stops the whole run early (the output then says "complete": false) so a slow machine still ends.

get_references finds uses by the definition's name, so it misses a use through an alias (`from m import f
as g; g()`). `--goto` checks such positions the other way: for each [file, line, col] (1-based) it writes
where Jedi's goto (imports followed) lands inside ROOT, as a list of [file, line, col] of the names.
"""

import collections
import json
import os
import re
import sys
import time

import jedi
import parso

CALL_OPENER = "("


def ancestor_kind(leaf):
    """How the name at `leaf` is used, from the parso tree around it."""
    node = leaf
    while node.parent is not None:
        parent = node.parent
        kind = parent.type
        if kind in ("import_from", "import_name"):
            return "import"
        if kind == "decorator":
            if leaf is decorator_name(parent):
                return "decorator"
            break  # an argument of the decorator's call
        if kind == "classdef":
            # class Name ( arglist ) : suite: only the bases are inheritance.
            children = parent.children
            if node is not children[1] and node is not children[-1] and node.type != "suite":
                return "inherit"
            break
        if kind == "tfpdef" and node is parent.children[-1]:
            return "type"
        if kind == "funcdef":
            i = parent.children.index(node)
            if i > 0 and getattr(parent.children[i - 1], "value", None) == "->":
                return "type"
            break
        if kind == "annassign" and node is parent.children[1]:
            return "type"
        if kind in ("suite", "file_input", "simple_stmt", "expr_stmt", "lambdef"):
            break
        node = parent
    return "call" if is_call(leaf) else "other"


def decorator_name(decorator):
    """The name a decorator applies: `b` of `@a.b` and of `@a.b(...)`."""
    expr = decorator.children[1]
    if expr.type == "name":
        return expr
    if expr.type == "dotted_name":
        return expr.children[-1]
    if expr.type in ("atom_expr", "power"):
        parts = expr.children
        if parts[-1].type == "trailer" and parts[-1].children[0] == CALL_OPENER:
            parts = parts[:-1]
        last = parts[-1]
        if last.type == "trailer":
            return last.children[1]
        return last if last.type == "name" else None
    return None


def is_call(leaf):
    """`f(...)`, `a.f(...)`: the name is what the call applies to."""
    parent = leaf.parent
    if parent is None:
        return False
    if parent.type == "trailer" and parent.children[0] == "." and parent.children[1] is leaf:
        following = parent.get_next_sibling()
    elif parent.type in ("atom_expr", "power") and parent.children[0] is leaf:
        following = leaf.get_next_sibling()
    else:
        return False
    return following is not None and following.type == "trailer" and following.children[0] == CALL_OPENER


def definitions(module):
    """(qualified name, kind, name leaf) of top-level functions and classes and the methods of those classes."""
    out = []
    for node in module.iter_funcdefs():
        out.append((node.name.value, "function", node.name))
    for cls in module.iter_classdefs():
        out.append((cls.name.value, "class", cls.name))
        for method in cls.iter_funcdefs():
            if not (method.name.value.startswith("__") and method.name.value.endswith("__")):
                out.append((f"{cls.name.value}.{method.name.value}", "method", method.name))
    return out


def name_counts(root):
    """How many times each word is written in the tree's .py files."""
    counts = collections.Counter()
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    counts.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f.read()))
    return counts


def project_of(root):
    """A Jedi project where the tree's packages are found in ROOT only: an installed copy of the same
    package elsewhere on sys.path (Debian's Django in dist-packages) would take its imports."""
    tops = set(os.listdir(root))
    elsewhere = [p for p in sys.path if p and os.path.isdir(p) and os.path.realpath(p) != os.path.realpath(root)
                 and not tops.intersection(os.listdir(p))]
    return jedi.Project(root, sys_path=[root, *elsewhere], smart_sys_path=False)


def goto(root):
    project = project_of(root)
    positions = json.load(sys.stdin)
    scripts = {}
    out = []
    for rel, line, col in positions:
        if rel not in scripts:
            path = f"{root}/{rel}"
            with open(path, encoding="utf-8", errors="replace") as f:
                scripts[rel] = jedi.Script(f.read(), path=path, project=project)
        try:
            names = scripts[rel].goto(line, col - 1, follow_imports=True)
        except Exception:  # an inference error is "lands nowhere", not the end of the run
            names = []
        landed = []
        for name in names:
            if name.module_path is None or name.line is None or not str(name.module_path).startswith(root + "/"):
                continue
            landed.append([str(name.module_path)[len(root) + 1:], name.line, name.column + 1])
        out.append(landed)
    json.dump(out, sys.stdout)


def main():
    root = sys.argv[1].rstrip("/")
    if "--goto" in sys.argv:
        goto(root)
        return
    budget = float(sys.argv[sys.argv.index("--budget") + 1]) if "--budget" in sys.argv else float("inf")
    common = int(sys.argv[sys.argv.index("--common") + 1]) if "--common" in sys.argv else 100
    counts = name_counts(root)
    files = [line.strip() for line in sys.stdin if line.strip()]
    project = project_of(root)
    grammar = parso.load_grammar()
    started = time.monotonic()
    out = []
    complete = True
    for rel in files:
        if time.monotonic() - started > budget:
            complete = False
            break
        path = f"{root}/{rel}"
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
        script = jedi.Script(source, path=path, project=project)
        for qualified, kind, leaf in definitions(grammar.parse(source)):
            line, col = leaf.start_pos
            if kind == "method" and counts[leaf.value] > common:
                out.append({"file": rel, "line": line, "col": col + 1, "name": leaf.value, "qualified_name": qualified,
                            "kind": kind, "error": f"not queried: the name is written {counts[leaf.value]} times", "references": []})
                continue
            try:
                found = script.get_references(line, col, scope="project")
            except Exception as e:  # one failing inference must not end the run
                out.append({"file": rel, "line": line, "col": col + 1, "name": leaf.value, "qualified_name": qualified,
                            "kind": kind, "error": f"{type(e).__name__}: {e}", "references": []})
                continue
            references = []
            for ref in found:
                if ref.module_path is None or ref.line is None:
                    continue
                ref_path = str(ref.module_path)
                if not ref_path.startswith(root + "/"):
                    continue
                ref_rel = ref_path[len(root) + 1:]
                if ref_rel == rel and ref.line == line and ref.column == col:
                    continue  # the definition itself
                tree_name = getattr(ref._name, "tree_name", None)
                references.append({"file": ref_rel, "line": ref.line, "col": ref.column + 1,
                                   "kind": ancestor_kind(tree_name) if tree_name is not None else "other",
                                   "definition": bool(ref.is_definition())})
            references.sort(key=lambda r: (r["file"], r["line"], r["col"]))
            out.append({"file": rel, "line": line, "col": col + 1, "name": leaf.value, "qualified_name": qualified,
                        "kind": kind, "references": references})
    json.dump({"tool": f"jedi {jedi.__version__}", "complete": complete, "seconds": round(time.monotonic() - started, 1),
               "definitions": out}, sys.stdout)


if __name__ == "__main__":
    main()
