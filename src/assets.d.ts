// Files imported `with { type: "file" }` resolve to a path (embedded in the compiled binary).
declare module "*.wasm" {
  const path: string;
  export default path;
}
// Query files imported `with { type: "text" }` resolve to their text.
declare module "*.scm" {
  const text: string;
  export default text;
}
