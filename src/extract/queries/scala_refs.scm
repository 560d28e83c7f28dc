; References of scala (captures: src/extract/languages/spec.ts).
