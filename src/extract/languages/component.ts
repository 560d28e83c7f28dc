import { blank } from "./code.ts";
/**
 * Single-file components (Vue's `.vue`, Svelte's `.svelte`, Astro's `.astro`): their code is in `<script>` blocks
 * (`<script setup lang="ts">`, Svelte's `<script context="module">`) and, in Astro's, a frontmatter between `---`
 * fences, beside a template and styles no grammar of ours reads.
 */
const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;


/** The component with everything but its script blocks' content blanked: spaces for characters, newlines kept. */
export function scriptBlocks(text: string): string {
  let code = "";
  let at = 0;
  for (const block of text.matchAll(SCRIPT_BLOCK)) {
    const start = block.index + block[1]!.length;
    code += blank(text.slice(at, start)) + block[2]!;
    at = start + block[2]!.length;
  }
  return code + blank(text.slice(at));
}

/** Astro's frontmatter: `---` on the first line, the component's TypeScript, `---` on a line of its own. */
const FRONTMATTER = /^(\s*---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))/;

/** An Astro component with everything but its frontmatter's content and its script blocks' blanked. */
export function astroCode(text: string): string {
  const fence = FRONTMATTER.exec(text);
  if (!fence) return scriptBlocks(text);
  return blank(fence[1]!) + fence[2]! + blank(fence[3]!) + scriptBlocks(text.slice(fence[0].length));
}
