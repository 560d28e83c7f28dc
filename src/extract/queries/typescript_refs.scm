; References of typescript (captures: src/extract/languages/spec.ts).
