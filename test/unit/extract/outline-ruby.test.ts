import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

const outline = async (source: string) => (await extractSymbols("ruby", source)).symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.parent}`);

// Ruby's stdlib csv.rb defines CSV.parse, CSV.foreach, … inside `class << self`: the same singleton
// methods `def self.parse` defines, so they get the same names; `class << other` still names `other`.
test("methods in `class << self` belong to the class, as `def self.x` ones do", async () => {
  const source = `class CSV
  def self.instance
  end

  class << self
    def parse(str)
    end
  end
end

class << Config
  def load
  end
end

module Bundler
  class << self
    def configure
    end
  end
end
`;
  expect(await outline(source)).toEqual([
    "1 class CSV | null",
    "2 method CSV.instance | CSV",
    "6 method CSV.parse | CSV",
    "12 method Config.load | Config",
    "16 module Bundler | null",
    "18 method Bundler.configure | Bundler",
  ]);
});
