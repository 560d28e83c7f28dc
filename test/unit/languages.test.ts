import { describe, expect, test } from "bun:test";
import { mayReadAs, readsAs, scriptLanguage } from "../../src/languages.ts";

describe("readsAs: a shared extension is read as what the file holds", () => {
  const head = (text: string) => () => text;
  test("a .h holding C++ is C++, one holding C (its extern \"C\" for C++ callers included) is C", () => {
    for (const cpp of ["namespace geo {", "template <typename T>", "class Shape {", "class Shape\n{", "class Shape;", " public:", "using namespace std;", "std::string name();"]) {
      expect([cpp, readsAs("c", "lib/x.h", head(`#pragma once\n${cpp}\n`))]).toEqual([cpp, "cpp"]);
    }
    const c = '#ifdef __cplusplus\nextern "C" {\n#endif\nstruct point { int x; };\nint norm(struct point p); /* public: none */\n';
    expect(readsAs("c", "lib/x.h", head(c))).toBe("c");
    // A comment's prose is no C++: only a line that starts with the construct counts.
    expect(readsAs("c", "lib/x.h", head("/* the class of errors:\n * public: see below */\nint f(void);\n"))).toBe("c");
  });

  test("a .js whose leading comments say @flow is Flow; @flow further down, @noflow or @flowtype is not", () => {
    for (const flow of ["/**\n * Copyright.\n *\n * @flow strict-local\n * @format\n */\n", "// @flow\n", "#!/usr/bin/env node\n/* @flow */\n", "/* licence */\n// @flow strict\n"]) {
      expect([flow, readsAs("javascript", "src/Button.js", head(`${flow}import x from 'y';\n`))]).toEqual([flow, "flow"]);
    }
    for (const plain of ["/** @noflow */\nexport const a = 1;\n", "/** @flowtype */\n", "import x from 'y';\n// @flow\n", "'use strict';\n/* @flow */\n", "/** Flow's docs: see below. */\n"]) {
      expect([plain, readsAs("javascript", "src/Button.js", head(plain))]).toEqual([plain, "javascript"]);
    }
    // Flow claims `.js` only: a `.jsx` or `.mjs` stays JavaScript whatever it says.
    expect(readsAs("javascript", "src/Button.jsx", head("// @flow\n"))).toBe("javascript");
  });

  test("an extension no other language claims keeps its language, and the head is not read for it", () => {
    const never = () => {
      throw new Error("read");
    };
    expect(readsAs("c", "x.c", never)).toBe("c");
    expect(readsAs("cpp", "x.hpp", never)).toBe("cpp");
    expect(readsAs("python", "x.py", never)).toBe("python");
  });

  test("a .h in Objective-C is Objective-C; an @ in a comment or a string is not, nor a .m's head", () => {
    expect(readsAs("c", "ios/Plugin.h", head('#import <Foundation/Foundation.h>\n\n@interface Plugin : NSObject\n@end\n'))).toBe("objc");
    expect(readsAs("c", "ios/Bridged.h", head("@protocol Bridged <NSObject>\n@end\n"))).toBe("objc");
    expect(readsAs("c", "ios/Kit.h", head("//! Version.\nFOUNDATION_EXPORT double KitVersion;\n#import <Kit/Plugin.h>\n"))).toBe("objc");
    expect(readsAs("c", "lib/x.h", head('/* see\n * @interface docs */\nconst char *s = "@end";\nint f(void);\n'))).toBe("c");
    expect(readsAs("c", "lib/x.h", head("namespace geo { class Shape; }\n"))).toBe("cpp");
    expect(readsAs("objc", "ios/Plugin.m", () => "@interface Plugin\n@end\n")).toBe("objc");
  });

  test("scriptLanguage: a #! line's program, directly or through env (-S too); none for a program trifecta does not read", () => {
    const cases: [string, string | null][] = [
      ["#!/bin/bash\n", "bash"],
      ["#!/bin/sh -e\n", "bash"],
      ["#! /usr/bin/env zsh\n", "bash"],
      ["#!/usr/bin/env python3\n", "python"],
      ["#!/usr/bin/env -S python3.11 -u\n", "python"],
      ["#!/usr/local/bin/node --harmony\n", "javascript"],
      ["#!/usr/bin/env ruby\n", "ruby"],
      ["#!/usr/bin/php\n", "php"],
      ["#!/usr/bin/env luajit\n", "lua"],
      ["#!/usr/bin/perl -w\n", null],
      ["# not a shebang\n", null],
      ["all:\n\techo hi\n", null],
    ];
    for (const [head, language] of cases) expect([head, scriptLanguage(head)]).toEqual([head, language]);
  });

  test("scriptLanguage without a #! line: the mode an Emacs mode line (first two lines) or a Vim one names", () => {
    const cases: [string, string | null][] = [
      ["# bash completion for killall(1)  -*- shell-script -*-\n", "bash"],
      ["# -*- mode: Python; coding: utf-8 -*-\n", "python"],
      ["// -*- C++ -*-\n", "cpp"],
      ["# -*- mode: js-mode -*-\n", "javascript"],
      ["# tool\n# vim: set ft=ruby:\n", "ruby"],
      ["# ex: filetype=sh\n", "bash"],
      // No mode in it, a mode trifecta does not read, a mode line below the second line: none.
      ["# -*- coding: utf-8 -*-\nx=1\n", null],
      ["# -*- Perl -*-\n", null],
      ["one\ntwo\n# -*- sh -*-\n", null],
      // A #! line decides, whatever a mode line says.
      ["#!/bin/sh\n# -*- python -*-\n", "bash"],
    ];
    for (const [head, language] of cases) expect([head, scriptLanguage(head)]).toEqual([head, language]);
  });

  test("mayReadAs: what an index may hold for a file its extension gives to a language", () => {
    expect(mayReadAs("c", "x.h", "cpp")).toBe(true);
    expect(mayReadAs("c", "x.h", "c")).toBe(true);
    expect(mayReadAs("c", "x.c", "cpp")).toBe(false);
    expect(mayReadAs("c", "x.h", "python")).toBe(false);
    expect(mayReadAs("c", "x.h", "markdown")).toBe(false);
  });
});
