// go/types as the references oracle for bench/references.ts (Go).
//
//	go run ./bench/references-go ROOT IMPORT_PATH... > oracle.json
//
// ROOT is the segment: a copy of GOROOT/src folders, so a package's import path is its folder under ROOT.
// Each named package is type-checked from ROOT's files for this platform (go/build's file choice, tests left
// out); any other import is type-checked from GOROOT's source the same way, so that each package is one
// types.Package however it is reached (the toolchain's importers would make a second go/constant for a
// package outside the list that imports one inside it). Every use (types.Info.Uses) of a package-level function, type, or a
// method of a package-level type is written with its 1-based line and column and its kind from the syntax
// around it: call (the called name, conversions included), inherit (an embedded field), type, other.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

type ref struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Kind       string `json:"kind"`
	Definition bool   `json:"definition"`
}

type def struct {
	File          string `json:"file"`
	Line          int    `json:"line"`
	Col           int    `json:"col"`
	Name          string `json:"name"`
	QualifiedName string `json:"qualified_name"`
	Kind          string `json:"kind"`
	References    []ref  `json:"references"`
	Error         string `json:"error,omitempty"`
}

type checked struct {
	pkg   *types.Package
	files []*ast.File
	info  *types.Info
}

type loader struct {
	root   string // the segment
	goroot string // GOROOT/src, for the packages outside it
	fset   *token.FileSet
	wanted map[string]bool
	done   map[string]*checked
	errors []string // in the wanted packages
}

func (l *loader) Import(path string) (*types.Package, error) { return l.ImportFrom(path, "", 0) }

func (l *loader) ImportFrom(path, _ string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	c, err := l.check(path)
	if err != nil {
		return nil, err
	}
	return c.pkg, nil
}

func (l *loader) check(path string) (*checked, error) {
	if c, ok := l.done[path]; ok {
		return c, nil
	}
	dir := filepath.Join(l.goroot, filepath.FromSlash(path))
	if l.wanted[path] {
		dir = filepath.Join(l.root, filepath.FromSlash(path))
	} else if _, err := os.Stat(dir); err != nil {
		dir = filepath.Join(l.goroot, "vendor", filepath.FromSlash(path))
	}
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(l.fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: l, Error: func(e error) {
		if l.wanted[path] {
			l.errors = append(l.errors, e.Error())
		}
	}}
	pkg, _ := conf.Check(path, l.fset, files, info)
	c := &checked{pkg: pkg, files: files, info: info}
	l.done[path] = c
	return c, nil
}

// useKind says how the identifier at the end of `stack` (its ancestors, outermost first) is used.
func useKind(stack []ast.Node, obj types.Object) string {
	ident := stack[len(stack)-1]
	callee := ident
	parentAt := len(stack) - 2
	if sel, ok := stack[parentAt].(*ast.SelectorExpr); ok && sel.Sel == ident {
		callee = sel
		parentAt--
	}
	if parentAt >= 0 {
		switch p := stack[parentAt].(type) {
		case *ast.CallExpr:
			if p.Fun == callee {
				return "call"
			}
		case *ast.Field:
			if len(p.Names) == 0 && p.Type == callee && parentAt >= 2 {
				switch stack[parentAt-2].(type) {
				case *ast.StructType, *ast.InterfaceType:
					return "inherit"
				}
			}
		case *ast.StarExpr:
			// An embedded *T.
			if parentAt >= 3 {
				if f, ok := stack[parentAt-1].(*ast.Field); ok && len(f.Names) == 0 {
					if _, ok := stack[parentAt-3].(*ast.StructType); ok {
						return "inherit"
					}
				}
			}
		}
	}
	if _, ok := obj.(*types.TypeName); ok {
		return "type"
	}
	return "other"
}

func main() {
	started := time.Now()
	root, _ := filepath.Abs(os.Args[1])
	paths := os.Args[2:]
	fset := token.NewFileSet()
	l := &loader{root: root, goroot: filepath.Join(build.Default.GOROOT, "src"), fset: fset, wanted: map[string]bool{}, done: map[string]*checked{}}
	for _, p := range paths {
		l.wanted[p] = true
	}
	rel := func(pos token.Pos) (string, int, int) {
		p := fset.Position(pos)
		r, _ := filepath.Rel(root, p.Filename)
		return filepath.ToSlash(r), p.Line, p.Column
	}
	// The definitions: package-level functions and types, and methods of package-level named types.
	defs := map[types.Object]*def{}
	var order []*def
	for _, p := range paths {
		c, err := l.check(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", p, err)
			continue
		}
		scope := c.pkg.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			add := func(o types.Object, qualified, kind string) {
				f, line, col := rel(o.Pos())
				if !strings.HasSuffix(f, ".go") || strings.HasPrefix(f, "..") {
					return
				}
				d := &def{File: f, Line: line, Col: col, Name: o.Name(), QualifiedName: qualified, Kind: kind, References: []ref{}}
				defs[o] = d
				order = append(order, d)
			}
			switch o := obj.(type) {
			case *types.Func:
				add(o, o.Name(), "function")
			case *types.TypeName:
				add(o, o.Name(), "type")
				if named, ok := o.Type().(*types.Named); ok {
					for i := 0; i < named.NumMethods(); i++ {
						m := named.Method(i)
						add(m, o.Name()+"."+m.Name(), "method")
					}
					if iface, ok := named.Underlying().(*types.Interface); ok {
						for i := 0; i < iface.NumExplicitMethods(); i++ {
							m := iface.ExplicitMethod(i)
							add(m, o.Name()+"."+m.Name(), "method")
						}
					}
				}
			}
		}
	}
	// Every use of those, from the syntax of each package.
	for _, p := range paths {
		c := l.done[p]
		if c == nil {
			continue
		}
		for _, f := range c.files {
			var stack []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				ident, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := c.info.Uses[ident]
				if obj == nil {
					return true
				}
				if fn, ok := obj.(*types.Func); ok {
					obj = fn.Origin()
				}
				d := defs[obj]
				if d == nil {
					return true
				}
				file, line, col := rel(ident.Pos())
				d.References = append(d.References, ref{File: file, Line: line, Col: col, Kind: useKind(stack, obj)})
				return true
			})
		}
	}
	for _, d := range order {
		sort.Slice(d.References, func(i, j int) bool {
			a, b := d.References[i], d.References[j]
			if a.File != b.File {
				return a.File < b.File
			}
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
	}
	if len(l.errors) > 0 {
		fmt.Fprintf(os.Stderr, "%d type errors, first: %s\n", len(l.errors), l.errors[0])
	}
	// The files read: a file for another platform (`_windows.go`, a build tag) is not, and its uses are unknown.
	var read []string
	for _, p := range paths {
		if c := l.done[p]; c != nil {
			for _, f := range c.files {
				name, _, _ := rel(f.Pos())
				read = append(read, name)
			}
		}
	}
	sort.Strings(read)
	out := map[string]any{"tool": "go/types " + runtime.Version(), "complete": len(l.errors) == 0,
		"seconds": time.Since(started).Seconds(), "definitions": order, "files": read}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
