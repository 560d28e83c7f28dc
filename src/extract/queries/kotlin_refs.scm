; References of kotlin (captures: src/extract/languages/spec.ts).
