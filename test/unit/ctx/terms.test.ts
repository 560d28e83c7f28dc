import { describe, expect, test } from "bun:test";
import { ftsQuery, identifierWords, nameTerms, queryWords, stem } from "../../../src/ctx/terms.ts";

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

describe("queryWords", () => {
  test("drops stop words and keeps order", () => {
    expect(queryWords("how to parse the args")).toEqual(["parse", "args"]);
  });

  test("all stop words: keeps them rather than returning nothing", () => {
    expect(queryWords("the a of")).toEqual(["the", "a", "of"]);
  });

  test("splits identifiers, adds their compacted whole, no repeats", () => {
    expect(queryWords("ParseArgs")).toEqual(["parse", "args", "parseargs"]);
    expect(queryWords("parseArgs parse args")).toEqual(["parse", "args", "parseargs"]);
  });

  test("stop words inside identifiers are dropped too", () => {
    expect(queryWords("getValue")).toEqual(["value", "getvalue"]);
  });

  test("whitespace only: no words", () => {
    expect(queryWords("   ")).toEqual([]);
  });
});

describe("ftsQuery", () => {
  test("quotes every word, doubling inner quotes, joined by OR", () => {
    expect(ftsQuery(['say"hi', "NOT"], () => false)).toBe('"say""hi" OR "NOT"');
  });

  test("rare words of three letters or more become prefixes", () => {
    expect(ftsQuery(["ab", "tar"], () => true)).toBe('"ab" OR "tar"*');
    expect(ftsQuery(["tar"], () => false)).toBe('"tar"');
  });

  test("isRare is asked with the quoted word", () => {
    const asked: string[] = [];
    ftsQuery(["heap", "x"], (q) => {
      asked.push(q);
      return false;
    });
    expect(asked).toEqual(['"heap"']);
  });

  test("no words: empty expression", () => {
    expect(ftsQuery([], () => true)).toBe("");
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
