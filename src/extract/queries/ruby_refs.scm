; References of ruby (captures: src/extract/languages/spec.ts).
