import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

// Dart 3 as package:http writes it: an unnamed `library;` directive (an error to the grammar: every such file read
// `partial`), an extension type with its members, named, factory and const constructors, operators, async bodies.
const SOURCE = `library;

import 'dart:async';

extension type Meters(double value) {
  Meters operator +(Meters other) => Meters(value + other.value);
}

class Client {
  Client.named();
  factory Client() => Client.named();
  const Client.zero();

  Future<void> send(String body) async {}
}
`;

test("Dart: library;, extension types, constructors by their own names, operators, async", async () => {
  const extraction = await extractSymbols("dart", SOURCE);
  expect([extraction.parse_status, extraction.parse_errors]).toEqual(["ok", 0]);
  expect(extraction.symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name}${s.async ? " async" : ""}`)).toEqual([
    "5 class Meters",
    "6 method Meters.operator +",
    "9 class Client",
    "10 constructor Client.named",
    "11 constructor Client.Client",
    "12 constructor Client.zero",
    "14 method Client.send async",
  ]);
});
