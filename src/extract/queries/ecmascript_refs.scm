; References of ecmascript (captures: src/extract/languages/spec.ts).
