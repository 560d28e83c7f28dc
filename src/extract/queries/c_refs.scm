; References of c (captures: src/extract/languages/spec.ts).
