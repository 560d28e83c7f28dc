; References of go (captures: src/extract/languages/spec.ts).
