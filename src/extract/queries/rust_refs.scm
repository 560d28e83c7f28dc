; References of rust (captures: src/extract/languages/spec.ts).
