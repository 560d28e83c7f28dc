import { expect, test } from "bun:test";
import { splitRstSections } from "../../../src/ctx/rst.ts";

const outline = (source: string) => splitRstSections(source).map((s) => [s.level, s.heading, s.line, s.end_line, s.slug]);

test("reStructuredText titles: underlined (and overlined) text at the margin; levels in the order adornments first appear", () => {
  const doc = ["=========", "Requests", "=========", "", "HTTP for humans.", "", "Installation", "------------", "", "Use pip::", "", "    pip install requests", "    ------------", "", "From source", "~~~~~~~~~~~", "", "Clone it.", "", "Usage", "-----", "", "Call get.", ""].join("\n");
  expect(outline(doc)).toEqual([
    [1, "Requests", 2, 23, "requests"],
    [2, "Installation", 7, 18, "installation"],
    [3, "From source", 15, 18, "from-source"],
    [2, "Usage", 20, 23, "usage"],
  ]);
});

test("not titles: an underline shorter than the text and than four, an indented line, a transition, a lone adornment", () => {
  const doc = ["A long title here", "---", "", "    indented", "    ========", "", "text", "", "----------", "", "Real", "====", "body", ""].join("\n");
  expect(outline(doc)).toEqual([[1, "Real", 11, 13, "real"]]);
  // Shorter than its text but of four characters or more: a title, as docutils reads it (with a warning).
  expect(outline("Download\n~~~~~~\n\nGet it.\n")).toEqual([[1, "Download", 1, 4, "download"]]);
});
