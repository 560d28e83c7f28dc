/**
 * Single-file components (Vue's `.vue`, Svelte's `.svelte`): their code is in `<script>` blocks (`<script setup
 * lang="ts">`, Svelte's `<script context="module">`), between a template and styles no grammar of ours reads.
 */
const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;

const blank = (text: string) => text.replace(/[^\n]/g, " ");

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
