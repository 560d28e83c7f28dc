; References of dart (captures: src/extract/languages/spec.ts).
