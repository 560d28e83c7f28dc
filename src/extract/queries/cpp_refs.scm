; References of cpp (captures: src/extract/languages/spec.ts).
