; References of ocaml (captures: src/extract/languages/spec.ts).
