import { sectionsOf, type Section } from "./markdown.ts";

/**
 * reStructuredText's section titles (Sphinx docs, Python's `README.rst`): a line of text at the margin underlined,
 * and perhaps overlined, with one punctuation character repeated (as long as the text, or at least four times). Levels follow the
 * order in which the document first uses each adornment (`=` over and under, then `-` under, …), as docutils
 * reads them. An indented line (a literal block, a directive's body) is never a title.
 */
const ADORNMENT = /^([!-/:-@[-`{-~])\1+\s*$/;

export function splitRstSections(source: string): Section[] {
  const lines = source.split("\n");
  const styles: string[] = [];
  const headings: { level: number; heading: string; line: number }[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const title = lines[index]!.trimEnd();
    const under = ADORNMENT.exec(lines[index + 1]!);
    // docutils takes an underline shorter than its text, with a warning, from four characters on.
    if (!under || title === "" || /^\s/.test(title) || ADORNMENT.test(title) || lines[index + 1]!.trimEnd().length < Math.min(title.length, 4)) continue;
    const over = index > 0 && lines[index - 1]!.trimEnd() === lines[index + 1]!.trimEnd();
    const style = `${under[1]}${over ? "^" : ""}`;
    if (!styles.includes(style)) styles.push(style);
    headings.push({ level: styles.indexOf(style) + 1, heading: title, line: index + 1 });
    index++;
  }
  return sectionsOf(lines, headings);
}
