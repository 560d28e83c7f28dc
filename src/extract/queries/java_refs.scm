; References of java (captures: src/extract/languages/spec.ts).
