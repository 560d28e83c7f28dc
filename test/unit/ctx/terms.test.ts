import { describe, expect, test } from "bun:test";
import { ftsQuery, identifierWords, nameTerms, queryTerms, stem } from "../../../src/ctx/terms.ts";

const terms = (text: string[]) => ({ text, names: [], abbreviations: [] });

describe("identifierWords", () => {
  test("camelCase, snake_case, acronyms, digits", () => {
    expect(identifierWords("parseArgs")).toEqual(["parse", "args"]);
    expect(identifierWords("parse_args")).toEqual(["parse", "args"]);
    expect(identifierWords("HTTPServer")).toEqual(["http", "server"]);
    expect(identifierWords("XMLHttpRequest")).toEqual(["xml", "http", "request"]);
    expect(identifierWords("get2D")).toEqual(["get2", "d"]);
  });

  test("punctuation only separates; nothing left gives no words", () => {
    expect(identifierWords("__init__")).toEqual(["init"]);
    expect(identifierWords("a.b-c$d")).toEqual(["a", "b", "c", "d"]);
    expect(identifierWords("___")).toEqual([]);
    expect(identifierWords("")).toEqual([]);
  });

  test("a run of capitals ends before the last one when a small letter follows; other letters than ASCII separate", () => {
    expect(identifierWords("ABCDef")).toEqual(["abc", "def"]);
    expect(identifierWords("aBCd")).toEqual(["a", "b", "cd"]);
    expect(identifierWords("IOError2")).toEqual(["io", "error2"]);
    expect(identifierWords("utf8Decode")).toEqual(["utf8", "decode"]);
    expect(identifierWords("größeBerechnen")).toEqual(["gr", "e", "berechnen"]);
    expect(identifierWords("A")).toEqual(["a"]);
  });
});

describe("nameTerms", () => {
  test("every part's words, then the compacted whole of multi-word parts", () => {
    expect(nameTerms("HttpServer.serve_forever")).toBe("http server serve forever httpserver serveforever");
  });

  test("single-word parts are not repeated as wholes", () => {
    expect(nameTerms("os.path")).toBe("os path");
    expect(nameTerms("Foo.barBaz")).toBe("foo bar baz barbaz");
  });
});

describe("queryTerms", () => {
  test("a word with letters beyond ASCII is one word, as the full-text index reads it, not its ASCII letters", () => {
    expect(queryTerms("ünïcödé 日本語")).toEqual({ text: ["ünïcödé", "日本語"], names: [], abbreviations: [] });
    expect(queryTerms("«café» parse_args")).toEqual({ text: ["café", "parse", "args", "parseargs"], names: [], abbreviations: [] });
  });

  test("drops filler, keeps order; code words apart, for names", () => {
    // A code word right after filler is the question's grammar ("how to", "where is", "I need to"); elsewhere it is one.
    expect(queryTerms("how to parse the args")).toEqual({ text: ["parse", "args"], names: [], abbreviations: [] });
    expect(queryTerms("where is the config parser")).toEqual({ text: ["config", "parser"], names: [], abbreviations: [] });
    expect(queryTerms("I need to read a file")).toEqual({ text: ["read", "file"], names: [], abbreviations: [] });
    expect(queryTerms("is empty list")).toEqual({ text: ["empty", "list"], names: ["is"], abbreviations: [] });
    expect(queryTerms("how to get all items")).toEqual({ text: ["items"], names: ["get", "all"], abbreviations: [] });
    // What code is, and a request's verb before it, are grammar too; a verb or `class` asked about is not.
    expect(queryTerms("find the function that parses json").text).toEqual(["parses", "json"]);
    expect(queryTerms("show me the method to read a file").text).toEqual(["read", "file"]);
    expect(queryTerms("find the first match").text).toEqual(["find", "first", "match"]);
    expect(queryTerms("load a class by name")).toEqual({ text: ["load", "class", "name"], names: ["by"], abbreviations: [] });
    expect(queryTerms("convert a date to a string")).toEqual({ text: ["convert", "date", "string", "str"], names: ["to"], abbreviations: ["str"] });
    expect(queryTerms("replace all matches")).toEqual({ text: ["replace", "matches"], names: ["all"], abbreviations: [] });
  });

  test("filler only: kept rather than nothing; code words only: searched everywhere", () => {
    expect(queryTerms("the a").text).toEqual(["the", "a"]);
    expect(queryTerms("get all")).toEqual({ text: ["get", "all"], names: [], abbreviations: [] });
  });

  test("splits identifiers, adds their compacted whole, no repeats", () => {
    expect(queryTerms("ParseArgs").text).toEqual(["parse", "args", "parseargs"]);
    expect(queryTerms("parseArgs parse args").text).toEqual(["parse", "args", "parseargs"]);
    expect(queryTerms("getValue")).toEqual({ text: ["value", "getvalue", "val"], names: ["get"], abbreviations: ["val"] });
  });

  test("the vocabulary adds the abbreviations code spells words with", () => {
    expect(queryTerms("integer directory")).toEqual({ text: ["integer", "directory", "int", "dir"], names: [], abbreviations: ["int", "dir"] });
  });

  test("whitespace only: no words", () => {
    expect(queryTerms("   ")).toEqual({ text: [], names: [], abbreviations: [] });
  });
});

describe("ftsQuery", () => {
  test("quotes every word, doubling inner quotes: one phrase each", () => {
    expect(ftsQuery({ text: ['say"hi', "NOT"], names: ["get"], abbreviations: [] }, () => false)).toEqual(['"say""hi"', '"NOT"', 'names : "get"']);
  });

  test("rare words of three letters or more become prefixes", () => {
    expect(ftsQuery(terms(["ab", "tar"]), () => true)).toEqual(['"ab"', '"tar"*']);
    expect(ftsQuery(terms(["tar"]), () => false)).toEqual(['"tar"']);
  });

  test("isRare is asked with the quoted word", () => {
    const asked: string[] = [];
    ftsQuery(terms(["heap", "x"]), (q) => {
      asked.push(q);
      return false;
    });
    expect(asked).toEqual(['"heap"']);
  });

  test("no words: no phrases", () => {
    expect(ftsQuery(terms([]), () => true)).toEqual([]);
  });
});

describe("stem", () => {
  test("strips a suffix, then keeps at most length-3 characters (at least 3)", () => {
    expect(stem("running")).toBe("runn");
    expect(stem("parsers")).toBe("pars");
    expect(stem("parsed")).toBe("par");
    expect(stem("cats")).toBe("cat");
    expect(stem("tree")).toBe("tre");
  });

  test("short words", () => {
    expect(stem("is")).toBe("i");
    expect(stem("s")).toBe("s");
    expect(stem("ing")).toBe("ing");
  });

  test("related forms meet", () => {
    expect(stem("parse")).toBe(stem("parsing").slice(0, 3));
    expect(stem("files")).toBe(stem("file"));
  });
});
