; References of bash (captures: src/extract/languages/spec.ts).
