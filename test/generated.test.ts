import { describe, expect, test } from "bun:test";
import { explainGenerated, generatedReason, GitAttributes, HEAD_BYTES } from "../src/ctx/generated.ts";

/** The reason for a whole file given as text (its head is the file itself, or its first HEAD_BYTES). */
const reason = (fileRel: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return generatedReason(fileRel, bytes.subarray(0, HEAD_BYTES), bytes.length);
};

const LICENSE = "/*! Select2 4.0.13 | https://github.com/select2/select2/blob/master/LICENSE.md */\n";
/** Minified-looking code: statements glued together, short names, hardly a blank. */
function minified(chars: number): string {
  const piece = 'function(e,t){"use strict";var n=e.fn.select2,r=t.extend({},n.defaults);return e.each(r,function(i,o){o&&(n[i]=o)}),n}';
  return "!".concat(piece.repeat(Math.ceil(chars / piece.length))).slice(0, chars);
}
/** Ordinary hand-written code: short indented lines. */
function ordinary(lines: number): string {
  let out = "";
  for (let i = 0; i < lines; i++) out += `export function handler${i}(request, response) {\n  return response.send(request.body.item${i});\n}\n\n`;
  return out;
}

describe("minified, by name", () => {
  test.each(["vendor/select2/select2.full.min.js", "static/jquery.min.js", "css/site.min.css", "dist/lib.min.mjs", "dist/lib.min.cjs", "a/B.MIN.JS"])("%s", (fileRel) => {
    expect(explainGenerated(fileRel, "var a = 1;\n", 11)).toMatchObject({ reason: "minified", rule: "minified_name" });
  });

  test.each(["lodash/min.js", "src/heap-min.js", "dist/app.bundle.js", "src/admin.js", "src/min.ts", "docs/x.min.md"])("%s is not", (fileRel) => {
    expect(reason(fileRel, ordinary(3))).toBeNull();
  });
});

describe("minified, by its lines", () => {
  test("a one-line bundle after a licence comment", () => {
    expect(explainGenerated("vendor/select2.full.js", LICENSE + minified(79_000), 79_100)).toMatchObject({ reason: "minified", rule: "minified_lines" });
  });

  test("a small minified file of three lines (select2's i18n files)", () => {
    const file = `${LICENSE}!function(){if(jQuery&&jQuery.fn&&jQuery.fn.select2&&jQuery.fn.select2.amd)var e=jQuery.fn.select2.amd;e.define("select2/i18n/cs",[],function(){function e(e,n){switch(e){case 2:return n?"dva":"dvě";case 3:return"tři";case 4:return"čtyři"}return""}return{errorLoading:function(){return"Výsledky nemohly být načteny."},inputTooLong:function(n){var t=n.input.length-n.maximum;return 1==t?"Prosím, zadejte o jeden znak méně.":t<=4?"Prosím, zadejte o "+e(t,!0)+" znaky méně.":"Prosím, zadejte o "+t+" znaků méně."},noResults:function(){return"Nenalezeny žádné položky."},searching:function(){return"Vyhledávání…"}}}),e.define,e.require}();\n`;
    expect(reason("admin/js/vendor/select2/i18n/cs.js", file)).toBe("minified");
  });

  test("a head cut in the middle of its only line still counts that line", () => {
    const head = new TextEncoder().encode(minified(HEAD_BYTES));
    expect(generatedReason("static/app.js", head, 250_000)).toBe("minified");
  });

  test("a string head is read as its UTF-8 bytes", () => {
    const text = LICENSE + minified(5000);
    expect(generatedReason("x.js", text, text.length)).toBe("minified");
  });

  test("only the first HEAD_BYTES are read", () => {
    const file = ordinary(200) + minified(50_000);
    expect(file.indexOf("!function")).toBeGreaterThan(HEAD_BYTES);
    expect(generatedReason("x.js", file, file.length)).toBeNull();
  });

  test("tsc's long `exports.a = exports.b = … = void 0;` line is not minified", () => {
    const names = Array.from({ length: 60 }, (_, i) => `exports.operatorNumber${i}`);
    const file = `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n${names.join(" = ")} = void 0;\nvar a_1 = require("./a");\n`;
    expect(reason("dist/cjs/index.js", file)).toBeNull();
  });

  test("a one-line re-export (zod's v4/mini/checks.js) is not minified", () => {
    const names = Array.from({ length: 40 }, (_, i) => `_check${i} as check${i}`);
    expect(reason("v4/mini/checks.js", `export { ${names.join(", ")} } from "../core/index.js";\n`)).toBeNull();
  });

  test("a readable bundle with a licence comment (typescript/lib/typescript.js) is not minified", () => {
    const file = `/*! *****************************************************************************\nCopyright (c) Microsoft Corporation. All rights reserved.\n***************************************************************************** */\n\nvar ts = {}; ((module) => {\n"use strict";\n${ordinary(300)}`;
    expect(reason("lib/typescript.js", file)).toBeNull();
  });

  test("one long regular expression among ordinary lines (cidr-regex) is not minified", () => {
    const regex = `const v4 = /${"(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)".repeat(30)}/;\n`;
    expect(regex.length).toBeGreaterThan(1000);
    expect(reason("dist/index.js", `"use strict";\n${regex}${ordinary(10)}`)).toBeNull();
  });

  test("long data lines in other languages are not looked at (Go's sha512_test.go)", () => {
    const hex = `\t\t"${"0123456789abcdef".repeat(60)}",\n`;
    const file = `package sha512\n\nvar golden = []string{\n${hex.repeat(10)}}\n`;
    expect(reason("crypto/sha512/sha512_test.go", file)).toBeNull();
    expect(reason("resources/Launcher.java", `class L { String s = "${"\\u30D0".repeat(2000)}"; }\n`)).toBeNull();
  });
});

describe("Go's `Code generated … DO NOT EDIT.` line", () => {
  test("before the package clause", () => {
    const file = `// Code generated by "stringer -type=Op -trimprefix=O node.go"; DO NOT EDIT.\n\npackage ir\n\nimport "strconv"\n`;
    expect(explainGenerated("cmd/compile/internal/ir/op_string.go", file, file.length)).toMatchObject({ reason: "generated", rule: "go_header" });
  });

  test("after a copyright comment and build constraints", () => {
    const file = `// Copyright 2009 The Go Authors. All rights reserved.\n\n//go:build linux && amd64\n\n// mkerrors.sh -Wall -Werror -static -I/tmp/include -m64\n// Code generated by the command above; DO NOT EDIT.\n\npackage syscall\n`;
    expect(reason("syscall/zerrors_linux_amd64.go", file)).toBe("generated");
  });

  test("with CRLF line ends", () => {
    expect(reason("gen.go", "// Code generated by protoc-gen-go. DO NOT EDIT.\r\n\r\npackage pb\r\n")).toBe("generated");
  });

  test("not after the package clause, where generators keep it in a template (crypto/md5/gen.go)", () => {
    const file = `//go:build ignore\n\n// This program generates md5block.go\n\npackage main\n\nconst program = \`\n// Code generated by go run gen.go -output md5block.go; DO NOT EDIT.\n\npackage md5\n\`\n`;
    expect(reason("crypto/md5/gen.go", file)).toBeNull();
  });

  test("only in its exact form", () => {
    for (const line of ["// Code generated by mockgen. DO NOT EDIT", "// code generated by hand; DO NOT EDIT.", " // Code generated by x. DO NOT EDIT.", "// Code generated by x. Do not edit.", "/* Code generated by x. DO NOT EDIT. */"]) {
      expect(reason("x.go", `${line}\n\npackage x\n`)).toBeNull();
    }
  });

  test("a cut last line of the head is no marker", () => {
    const head = new TextEncoder().encode("// Code generated by x. DO NOT EDIT.");
    expect(generatedReason("x.go", head, 10_000)).toBeNull();
    expect(generatedReason("x.go", head, head.length)).toBe("generated");
  });
});

describe("generator markers in the leading comments", () => {
  test("protoc's Python header after the coding line", () => {
    const file = `# -*- coding: utf-8 -*-\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\n# source: google/appengine/datastore/action.proto\n"""Generated protocol buffer code."""\nfrom google.protobuf import descriptor as _descriptor\n`;
    expect(explainGenerated("datastore/action_pb2.py", file, file.length)).toMatchObject({ reason: "generated", rule: "header_marker" });
  });

  test("protoc's Java header", () => {
    expect(reason("com/example/Person.java", `// Generated by the protocol buffer compiler.  DO NOT EDIT!\n// source: person.proto\n\npackage com.example;\n`)).toBe("generated");
  });

  test("Go's line in TypeScript compiled by tsc, after the `use strict` directive (protoc-gen-ts_proto)", () => {
    const file = `"use strict";\n// Code generated by protoc-gen-ts_proto. DO NOT EDIT.\n// versions:\n//   protoc-gen-ts_proto  v2.11.5\n// source: envelope.proto\nObject.defineProperty(exports, "__esModule", { value: true });\n`;
    expect(reason("dist/__generated__/envelope.js", file)).toBe("generated");
    expect(reason("queries.py", `# Code generated by sqlc. DO NOT EDIT.\n# versions:\n#   sqlc v1.25.0\nimport dataclasses\n`)).toBe("generated");
  });

  test("`@generated` in a block comment (Relay) and in a Python docstring (mypy-protobuf)", () => {
    expect(reason("__generated__/AppQuery.graphql.ts", `/**\n * @generated SignedSource<<0f9a3b2c1d>>\n * @lightSyntaxTransform\n * @nogrep\n */\n\n/* tslint:disable */\nimport { ConcreteRequest } from 'relay-runtime';\n`)).toBe("generated");
    expect(reason("google/protobuf/any_pb2.pyi", `"""\n@generated by mypy-protobuf.  Do not edit manually!\nisort:skip_file\n"""\nimport builtins\n`)).toBe("generated");
    expect(reason("gen/api_pb.ts", `// @generated by protoc-gen-es v1.10.0 with parameter "target=ts"\n// @generated from file api.proto (package api, syntax proto3)\nimport { Message } from "@bufbuild/protobuf";\n`)).toBe("generated");
  });

  test("no marker after the first line of code (http/cookiejar.py's string, EMF's javadoc)", () => {
    const cookiejar = `r"""HTTP cookie handling for web clients."""\n\nimport os\n\nNETSCAPE_HEADER_TEXT =  """\\\n# Netscape HTTP Cookie File\n# This is a generated file!  Do not edit.\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\n"""\n`;
    expect(reason("http/cookiejar.py", cookiejar)).toBeNull();
    expect(reason("model/Library.java", `package model;\n\n/**\n * A library.\n * @generated\n */\npublic interface Library {}\n`)).toBeNull();
    expect(reason("gen.py", `import sys\n# Code generated by mkfoo. DO NOT EDIT.\n`)).toBeNull();
  });

  test("free-form phrases are no markers (java.base's java/nio/CharBuffer.java, Python's stringprep.py)", () => {
    const charBuffer = `/*\n * Copyright (c) 2000, 2021, Oracle and/or its affiliates. All rights reserved.\n */\n\n// -- This file was mechanically generated: Do not edit! -- //\n\npackage java.nio;\n`;
    expect(reason("java/nio/CharBuffer.java", charBuffer)).toBeNull();
    expect(reason("stringprep.py", `# This file is generated by mkstringprep.py. DO NOT EDIT.\n"""Library that exposes various tables found in the StringPrep RFC 3454."""\n`)).toBeNull();
    expect(reason("lib/x.js", `/* eslint-disable */\n// auto-generated, do not edit\nmodule.exports = {};\n`)).toBeNull();
  });

  test("`@generated` must be the word", () => {
    expect(reason("x.ts", `// Contact: admin@generatedsite.com\nexport const a = 1;\n`)).toBeNull();
    expect(reason("x.ts", `// Files marked as not @generatedly made\nexport const a = 1;\n`)).toBeNull();
  });

  test("ordinary sources of every surveyed language are not caught", () => {
    expect(reason("pkg/mod.py", `#!/usr/bin/env python3\n"""Tools."""\n\nimport os\n\n\ndef main():\n    pass\n`)).toBeNull();
    expect(reason("src/x.ts", `// Copyright 2024\n\n${ordinary(5)}`)).toBeNull();
    expect(reason("A.java", `/*\n * Licensed under GPL.\n */\npackage a;\n\npublic class A {}\n`)).toBeNull();
    expect(reason("x.go", `// Package x does things.\npackage x\n`)).toBeNull();
  });
});

describe("GitAttributes", () => {
  test("linguist-generated and linguist-vendored, set and unset", () => {
    const attributes = GitAttributes.parse(
      ["# comment", "*.pb.go linguist-generated", "dist/** linguist-generated=true", "third_party/** linguist-vendored", "*.min.js -linguist-generated", "docs/*.js linguist-generated=false", "src/gen.ts text eol=lf linguist-generated=1", "*.txt text"].join("\n"),
      "",
    );
    expect(attributes.generated("api/user.pb.go")).toBe(true);
    expect(attributes.generated("dist/a/b.js")).toBe(true);
    expect(attributes.generated("third_party/lib/x.py")).toBe(true);
    expect(attributes.generated("static/jquery.min.js")).toBe(false);
    expect(attributes.generated("docs/x.js")).toBe(false);
    expect(attributes.generated("src/gen.ts")).toBe(true);
    expect(attributes.generated("notes.txt")).toBeNull();
    expect(attributes.generated("src/app.ts")).toBeNull();
  });

  test("the last matching line decides, per attribute; `!attr` makes it unspecified again", () => {
    const attributes = GitAttributes.parse(["gen/** linguist-generated", "gen/keep.go -linguist-generated", "gen/reset.go !linguist-generated", "gen/other.go text"].join("\n"), "");
    expect(attributes.generated("gen/x.go")).toBe(true);
    expect(attributes.generated("gen/keep.go")).toBe(false);
    expect(attributes.generated("gen/reset.go")).toBeNull();
    expect(attributes.generated("gen/other.go")).toBe(true);
  });

  test("vendored wins; not vendored says nothing about generated", () => {
    const attributes = GitAttributes.parse(["lib/** linguist-vendored -linguist-generated", "*.js -linguist-vendored"].join("\n"), "");
    expect(attributes.generated("lib/a.py")).toBe(true);
    expect(attributes.generated("app/a.js")).toBeNull();
  });

  test("a pattern with a slash is anchored to the file's directory; one without matches at any depth", () => {
    const attributes = GitAttributes.parse(["/top.js linguist-generated", "a/b.js linguist-generated", "deep.js linguist-generated", "**/gen/*.ts linguist-generated"].join("\n"), "web");
    expect(attributes.generated("web/top.js")).toBe(true);
    expect(attributes.generated("web/x/top.js")).toBeNull();
    expect(attributes.generated("top.js")).toBeNull();
    expect(attributes.generated("web/a/b.js")).toBe(true);
    expect(attributes.generated("web/x/a/b.js")).toBeNull();
    expect(attributes.generated("web/x/y/deep.js")).toBe(true);
    expect(attributes.generated("deep.js")).toBeNull(); // outside web/
    expect(attributes.generated("web/gen/a.ts")).toBe(true);
    expect(attributes.generated("web/x/gen/a.ts")).toBe(true);
  });

  test("no negated patterns; a directory pattern does not reach the files in it", () => {
    const attributes = GitAttributes.parse(["!keep.js linguist-generated", "vendor linguist-vendored", "build/ linguist-generated", "gen/* linguist-generated"].join("\n"), "");
    expect(attributes.generated("keep.js")).toBeNull();
    expect(attributes.generated("vendor/x.js")).toBeNull();
    expect(attributes.generated("vendor")).toBe(true);
    expect(attributes.generated("build/x.js")).toBeNull();
    expect(attributes.generated("gen/a.js")).toBe(true);
    expect(attributes.generated("gen/sub/a.js")).toBeNull(); // `*` stops at a slash
  });

  test("a deeper file's lines win over its parent's", () => {
    const attributes = GitAttributes.parse("*.js linguist-generated\n", "").withFile("hand.js -linguist-generated\n", "src");
    expect(attributes.generated("src/hand.js")).toBe(false);
    expect(attributes.generated("src/other.js")).toBe(true);
    expect(attributes.generated("hand.js")).toBe(true);
  });

  test("quoted patterns, character classes, CRLF, macro definitions", () => {
    const attributes = GitAttributes.parse(['"my files/*.js" linguist-generated', "[attr]gen linguist-generated", "x[0-9].py linguist-generated", "*.cs  linguist-generated\r", ""].join("\r\n"), "");
    expect(attributes.generated("my files/a.js")).toBe(true);
    expect(attributes.generated("x1.py")).toBe(true);
    expect(attributes.generated("xa.py")).toBeNull();
    expect(attributes.generated("A.cs")).toBe(true);
  });

  test("no rule: null, and an empty file changes nothing", () => {
    expect(GitAttributes.EMPTY.generated("a.js")).toBeNull();
    const root = GitAttributes.parse("*.js linguist-generated\n", "");
    expect(root.withFile("# nothing here\n*.md text\n", "docs")).toBe(root);
  });
});
