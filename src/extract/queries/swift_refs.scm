; References of swift (captures: src/extract/languages/spec.ts).
