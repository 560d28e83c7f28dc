import { expect, test } from "bun:test";
import { astroCode, scriptBlocks } from "../../../src/extract/languages/component.ts";

test("a component's code is its script blocks' content at the file's offsets; template, styles and tags are blanks, lines kept", () => {
  const component = '<template>\n  <p>{{ x }}</p>\n</template>\n<script context="module">\nexport const a = 1;\n</script>\n<SCRIPT lang="ts">let b = "é";</SCRIPT >\n<style>p { color: red }</style>\n';
  const code = scriptBlocks(component);
  expect(code.length).toBe(component.length);
  expect(code.split("\n").length).toBe(component.split("\n").length);
  expect(code.indexOf("export const a = 1;")).toBe(component.indexOf("export const a = 1;"));
  expect(code.indexOf('let b = "é";')).toBe(component.indexOf('let b = "é";'));
  expect(code.replace(/\s+/g, " ").trim()).toBe('export const a = 1; let b = "é";');
  // No script block: nothing is code.
  expect(scriptBlocks("<template><div/></template>\n").trim()).toBe("");
});

test("an Astro component's code is its frontmatter and its script blocks, at the file's offsets; without fences, its script blocks", () => {
  const component = "---\nconst { title = 'x' } = Astro.props;\n---\n<h1>{title}</h1>\n<p>--- not a fence</p>\n<script>\nlet open = false;\n</script>\n";
  const code = astroCode(component);
  expect(code.length).toBe(component.length);
  expect(code.split("\n").length).toBe(component.split("\n").length);
  expect(code.indexOf("const { title")).toBe(component.indexOf("const { title"));
  expect(code.indexOf("let open")).toBe(component.indexOf("let open"));
  expect(code.replace(/\s+/g, " ").trim()).toBe("const { title = 'x' } = Astro.props; let open = false;");
  expect(astroCode("<h1>---</h1>\n<script>let a = 1;</script>\n").trim()).toBe("let a = 1;");
});
