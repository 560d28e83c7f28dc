import { describe, expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import type { LanguageId } from "../../../src/languages.ts";
import type { ReferenceRecord } from "../../../src/extract/types.ts";

// Each snippet uses every reference kind its language has; a record reads
// `<kind> <name> <line>:<col> from=… receiver=… module=… alias=…` (absent fields left out).
const show = (r: ReferenceRecord) =>
  [`${r.kind} ${r.name} ${r.line}:${r.col}`, r.from && `from=${r.from}`, r.receiver && `receiver=${r.receiver}`, r.module && `module=${r.module}`, r.alias && `alias=${r.alias}`]
    .filter(Boolean)
    .join(" ");

async function references(language: LanguageId, source: string): Promise<string[]> {
  const extraction = await extractSymbols(language, source);
  expect(extraction.parse_status).toBe("ok");
  return extraction.references.map(show);
}

const CASES: { language: LanguageId; covers: string; source: string; expected: string[] }[] = [
  {
    language: "c",
    covers: "includes, calls through pointers, type names and tagged types",
    source: `#include <stdio.h>
#include "util/list.h"
typedef struct node Node;
static size_t count(const Node *head, enum mode m) {
  list_walk(head->next, (Node *) head);
  return head->ops->size(head);
}
`,
    expected: [
        "import * 1:10 module=stdio.h",
        "import * 2:10 module=util/list.h",
        "type node 3:16 from=Node",
        "type Node 4:27 from=count",
        "type mode 4:44 from=count",
        "call list_walk 5:3 from=count",
        "type Node 5:26 from=count",
        "call size 6:21 from=count receiver=head.ops",
    ],
  },
  {
    language: "cpp",
    covers: "using, base classes, qualified and template calls, new, qualified types",
    source: `#include <memory>
using namespace std;
using std::string;
class Shape : public geo::Base, Printable<Shape> {
  void draw() const { this->paint(); Shape::count(); gfx::gl::flush(); }
};
Shape *make(const std::string &name, std::vector<Point> ps) {
  auto s = std::make_shared<Shape>();
  return new Shape(name);
}
`,
    expected: [
        "import * 1:10 module=memory",
        "import * 2:17 module=std",
        "import string 3:12 module=std",
        "inherit Base 4:27 from=Shape receiver=geo",
        "inherit Printable 4:33 from=Shape",
        "type Shape 4:43 from=Shape",
        "call paint 5:29 from=Shape.draw receiver=this",
        "call count 5:45 from=Shape.draw receiver=Shape",
        "call flush 5:63 from=Shape.draw receiver=gfx.gl",
        "type Shape 7:1 from=make",
        "type string 7:24 from=make receiver=std",
        "type vector 7:43 from=make receiver=std",
        "type Point 7:50 from=make",
        "call make_shared 8:17 from=make receiver=std",
        "type Shape 8:29 from=make",
        "call Shape 9:14 from=make",
    ],
  },
  {
    language: "ruby",
    covers: "require, superclass and mixins, calls with and without receiver, constructors",
    source: `require "json"
require_relative "support/io"
class Report < Base::Document
  include Enumerable
  extend Forwardable
  def render(out)
    header(out)
    self.rows.each { |r| out.write(r) }
    Line::Item.new(1)
    Page.new
    JSON.generate(title) if ready?
  end
end
`,
    expected: [
        "import * 1:10 module=json",
        "import * 2:19 module=support/io",
        "inherit Document 3:22 from=Report receiver=Base",
        "inherit Enumerable 4:11 from=Report",
        "inherit Forwardable 5:10 from=Report",
        "call header 7:5 from=Report.render",
        "call rows 8:10 from=Report.render receiver=self",
        "call each 8:15 from=Report.render receiver=self.rows",
        "call write 8:30 from=Report.render receiver=out",
        "call Item 9:11 from=Report.render receiver=Line",
        "call Page 10:5 from=Report.render",
        "call generate 11:10 from=Report.render receiver=JSON",
        "call ready? 11:29 from=Report.render",
    ],
  },
  {
    language: "php",
    covers: "use (aliased, grouped), require, attributes, extends/implements/traits, types, calls, new",
    source: `<?php
namespace App;
use Psr\\Log\\LoggerInterface;
use Foo\\Bar as Baz;
use Foo\\{Qux, Quux as Q};
require_once 'lib/boot.php';
#[Entity]
class Job extends Base implements \\Countable {
    use Retries;
    public function run(LoggerInterface $log): Result {
        helper($this->name);
        $log->info(\\sprintf('%d', 1));
        $r = new Result(Status::OK);
        return self::wrap($r instanceof Partial ? $r : Util\\Fix::apply($r));
    }
}
`,
    expected: [
        "import LoggerInterface 3:13 module=Psr\\Log",
        "import Bar 4:9 module=Foo alias=Baz",
        "import Qux 5:10 module=Foo",
        "import Quux 5:15 module=Foo alias=Q",
        "import * 6:15 module=lib/boot.php",
        "decorator Entity 7:3 from=Job",
        "inherit Base 8:19 from=Job",
        "inherit Countable 8:36 from=Job",
        "inherit Retries 9:9 from=Job",
        "type LoggerInterface 10:25 from=Job.run",
        "type Result 10:48 from=Job.run",
        "call helper 11:9 from=Job.run",
        "call info 12:15 from=Job.run receiver=$log",
        "call sprintf 12:21 from=Job.run",
        "call Result 13:18 from=Job.run",
        "type Status 13:25 from=Job.run",
        "call wrap 14:22 from=Job.run receiver=self",
        "type Partial 14:41 from=Job.run",
        "call apply 14:66 from=Job.run receiver=Util.Fix",
    ],
  },
  {
    language: "swift",
    covers: "imports, attributes and property wrappers, superclass/protocols, types, calls (not subscripts)",
    source: `import Foundation
@testable import Core
final class Store: Base, Codable {
  @Published var items: [Item] = []
  func load(from url: URL) -> Result<Data, Error> {
    let raw = fetch(url)
    self.items.append(Item(raw: raw))
    let first = items[0]
    return Parser.decode(raw)
  }
}
extension Store: Sendable {}
`,
    expected: [
        "import * 1:8 module=Foundation",
        "decorator testable 2:2",
        "import * 2:18 module=Core",
        "inherit Base 3:20 from=Store",
        "inherit Codable 3:26 from=Store",
        "decorator Published 4:4 from=Store.items",
        "type Item 4:26 from=Store.items",
        "type URL 5:23 from=Store.load",
        "type Result 5:31 from=Store.load",
        "type Data 5:38 from=Store.load",
        "type Error 5:44 from=Store.load",
        "call fetch 6:15 from=Store.load",
        "call append 7:16 from=Store.load receiver=self.items",
        "call Item 7:23 from=Store.load",
        "call decode 9:19 from=Store.load receiver=Parser",
        "type Store 12:11 from=Store",
        "inherit Sendable 12:18 from=Store",
    ],
  },
  {
    language: "lua",
    covers: "require with and without a local name, calls through tables and methods",
    source: `local json = require("cjson")
require "strict"
local M = {}
function M.encode(t)
  check(t)
  local s = json.encode(t)
  return buf:append(s), string.rep("-", 3)
end
return M
`,
    expected: [
        "import * 1:23 from=json module=cjson alias=json",
        "import * 2:10 module=strict",
        "call check 5:3 from=M.encode",
        "call encode 6:18 from=M.encode receiver=json",
        "call append 7:14 from=M.encode receiver=buf",
        "call rep 7:32 from=M.encode receiver=string",
    ],
  },
  {
    language: "bash",
    covers: "source of a literal file, command names (functions and programs) as calls, not keywords or $cmd",
    source: `#!/bin/bash
source ./lib/log.sh
. "$HOME/.env"
deploy() {
  log_info "deploying" | tee -a out.log
  if ready; then return 0; fi
  local rev=$(git rev-parse HEAD)
  "$runner" --rev "$rev"
}
deploy "$@"
`,
    expected: [
        "import * 2:8 module=./lib/log.sh",
        "call log_info 5:3 from=deploy",
        "call tee 5:26 from=deploy",
        "call ready 6:6 from=deploy",
        "call git 7:15 from=deploy",
        "call deploy 10:1",
    ],
  },
  {
    language: "zig",
    covers: "@import bound whole or by member, types behind wrappers and error unions, calls, struct literals",
    source: `const std = @import("std");
const Token = @import("tokenizer.zig").Token;
pub const Parser = struct {
    tokens: []const Token,
    alloc: std.mem.Allocator,
    pub fn next(self: *Parser) !?Node {
        const tok = try self.peek();
        std.debug.print("{}", .{tok});
        return Node{ .tag = classify(tok) };
    }
};
`,
    expected: [
        "import * 1:22 from=std module=std alias=std",
        "import Token 2:40 from=Token module=tokenizer.zig",
        "type Token 4:21 from=Parser.tokens",
        "type Allocator 5:20 from=Parser.alloc receiver=std.mem",
        "type Parser 6:24 from=Parser.next",
        "type Node 6:34 from=Parser.next",
        "call peek 7:30 from=Parser.next receiver=self",
        "call print 8:19 from=Parser.next receiver=std.debug",
        "type Node 9:16 from=Parser.next",
        "call classify 9:29 from=Parser.next",
    ],
  },
  {
    language: "dart",
    covers: "imports (as, show, part), annotations, extends/with/implements, prefixed types, calls in flat chains, constructors",
    source: `import 'dart:io';
import 'package:http/http.dart' as http;
import 'src/util.dart' show retry;
part 'client_impl.dart';
@immutable
class Client extends Base<int> with Logging implements Closeable {
  final http.Client inner;
  Future<Response> fetch(Uri url) {
    log('fetch');
    final req = Request('GET', url);
    return retry(() => inner.send(req)).then(Response.fromStream);
  }
}
`,
    expected: [
        "import * 1:8 module=dart:io",
        "import * 2:8 module=package:http/http.dart alias=http",
        "import retry 3:29 module=src/util.dart",
        "import * 4:6 module=client_impl.dart",
        "decorator immutable 5:2 from=Client",
        "inherit Base 6:22 from=Client",
        "type int 6:27 from=Client",
        "inherit Logging 6:37 from=Client",
        "inherit Closeable 6:56 from=Client",
        "type Client 7:14 from=Client.inner receiver=http",
        "type Future 8:3 from=Client.fetch",
        "type Response 8:10 from=Client.fetch",
        "type Uri 8:26 from=Client.fetch",
        "call log 9:5 from=Client.fetch",
        "call Request 10:17 from=Client.fetch",
        "call retry 11:12 from=Client.fetch",
        "call send 11:30 from=Client.fetch receiver=inner",
        "call then 11:41 from=Client.fetch receiver=?",
    ],
  },
  {
    language: "elixir",
    covers: "alias (grouped, as:), import/require/use, @behaviour, calls local and remote (not def heads, attributes or typespecs), structs",
    source: `defmodule Shop.Cart do
  alias Shop.{Item, Price}
  alias Shop.Tax.Rules, as: TaxRules
  import Enum, only: [map: 2]
  require Logger
  use GenServer
  @behaviour Shop.Store
  @spec total(list()) :: Price.t()
  def total(items) when is_list(items) do
    Logger.debug("total")
    items |> map(&price/1) |> TaxRules.apply()
    %Item{name: "x"}
  end
end
`,
    expected: [
        "import Item 2:15 from=Shop.Cart module=Shop",
        "import Price 2:21 from=Shop.Cart module=Shop",
        "import * 3:9 from=Shop.Cart module=Shop.Tax.Rules alias=TaxRules",
        "import * 4:10 from=Shop.Cart module=Enum",
        "import * 5:11 from=Shop.Cart module=Logger",
        "import * 6:7 from=Shop.Cart module=GenServer",
        "inherit Store 7:19 from=Shop.Cart receiver=Shop",
        "call is_list 9:25 from=Shop.Cart.total",
        "call debug 10:12 from=Shop.Cart.total receiver=Logger",
        "call map 11:14 from=Shop.Cart.total",
        "call apply 11:40 from=Shop.Cart.total receiver=TaxRules",
        "type Item 12:6 from=Shop.Cart.total",
    ],
  },
  {
    language: "ocaml",
    covers: "open/include/let open, functor application, calls through module paths, type constructors",
    source: `open Printf
include Base.Util
module Table = Hashtbl.Make (String)
let render (doc : Doc.t) (width : int) : string list =
  let open Layout in
  check doc;
  List.map (fun l -> Doc.line l) (split width doc)
`,
    expected: [
        "import * 1:6 module=Printf",
        "import * 2:9 module=Base.Util",
        "call Make 3:24 from=Table receiver=Hashtbl",
        "type t 4:23 from=render receiver=Doc",
        "type int 4:35 from=render",
        "type string 4:42 from=render",
        "type list 4:49 from=render",
        "import * 5:12 from=render module=Layout",
        "call check 6:3 from=render",
        "call map 7:8 from=render receiver=List",
        "call line 7:26 from=render receiver=Doc",
        "call split 7:35 from=render",
    ],
  },
  {
    language: "ocaml_interface",
    covers: "open, module types named (include, a module's type), types in val and external declarations",
    source: `open Format
include Map.S with type key = string
module Table : Hashtbl.S with type key = Key.t
val render : Doc.t -> int -> string list
external width : t -> int = "caml_width"
`,
    expected: [
        "import * 1:6 module=Format",
        "type S 2:13 receiver=Map",
        "type key 2:25",
        "type string 2:31",
        "type S 3:24 from=Table receiver=Hashtbl",
        "type key 3:36 from=Table",
        "type t 3:46 from=Table receiver=Key",
        "type t 4:18 from=render receiver=Doc",
        "type int 4:23 from=render",
        "type string 4:30 from=render",
        "type list 4:37 from=render",
        "type t 5:18 from=width",
        "type int 5:23 from=width",
    ],
  },
];

describe("reference queries", () => {
  for (const { language, covers, source, expected } of CASES) {
    test(`${language}: ${covers}`, async () => {
      expect(await references(language, source)).toEqual(expected);
    });
  }
});
