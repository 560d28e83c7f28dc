/** A Markdown section: a heading and the lines up to the next heading of the same or a higher level. */
export interface Section {
  heading: string;
  level: number;
  slug: string;
  line: number;
  end_line: number;
  text: string;
}

export function slugify(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").trim().replace(/\s+/g, "-") || "section";
}

/** A line that can open a paragraph a setext underline turns into a heading (not a list item, quote or code). */
const PARAGRAPH_LINE = /^\s{0,3}(?![-*+]\s|\d+[.)]\s|>|#)\S/;

/**
 * Splits a Markdown document by headings: ATX (`#`…`######`) and setext (a paragraph underlined with
 * `===` for level 1 or `---` for level 2), fenced code blocks and YAML front matter respected.
 */
export function splitSections(source: string): Section[] {
  const lines = source.split("\n");
  const headings: { level: number; heading: string; line: number }[] = [];
  let fence: string | null = null;
  // The paragraph being read (its first line's index), which a setext underline would make a heading.
  let paragraph: number | null = null;
  // Front matter: a first line of `---` up to the next `---` or `...` is metadata, not headings.
  let start = 0;
  if (/^---\s*$/.test(lines[0] ?? "")) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) start = close + 1;
  }
  for (let index = start; index < lines.length; index++) {
    const raw = lines[index]!;
    const fenceMark = /^\s{0,3}(```+|~~~+)/.exec(raw)?.[1];
    if (fenceMark) {
      // CommonMark: a fence closes on a run of the same character at least as long as the one that opened it.
      if (fence === null) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      paragraph = null;
      continue;
    }
    if (fence !== null) continue;
    const match = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (match) {
      headings.push({ level: match[1]!.length, heading: match[2]!, line: index + 1 });
      paragraph = null;
      continue;
    }
    const underline = /^\s{0,3}(=+|-+)\s*$/.exec(raw)?.[1];
    if (underline && paragraph !== null) {
      const text = lines.slice(paragraph, index).map((l) => l.trim()).join(" ");
      headings.push({ level: underline[0] === "=" ? 1 : 2, heading: text, line: paragraph + 1 });
      paragraph = null;
      continue;
    }
    if (raw.trim() === "") paragraph = null;
    else if (paragraph === null && PARAGRAPH_LINE.test(raw)) paragraph = index;
  }
  return sectionsOf(lines, headings);
}

/**
 * Sections from a document's lines and its headings in order: each ends on the line before the next heading of the
 * same or a higher level, blank lines trimmed; slugs made unique by a count.
 */
export function sectionsOf(lines: readonly string[], headings: readonly { level: number; heading: string; line: number }[]): Section[] {
  // Where each section ends: the line before the next heading of the same or a higher level, found
  // in one pass with a stack of open headings (linear in headings: 200k headings in well under a second).
  const nextLine = new Array<number>(headings.length).fill(lines.length + 1);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length > 0 && headings[open.at(-1)!]!.level >= h.level) nextLine[open.pop()!] = h.line;
    open.push(i);
  });
  const seen = new Map<string, number>();
  return headings.map((h, i) => {
    let end = nextLine[i]! - 1;
    while (end > h.line && lines[end - 1]!.trim() === "") end--;
    const base = slugify(h.heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { heading: h.heading, level: h.level, slug: count === 0 ? base : `${base}-${count}`, line: h.line, end_line: end, text: lines.slice(h.line, end).join("\n") };
  });
}
