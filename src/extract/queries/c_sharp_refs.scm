; References of c_sharp (captures: src/extract/languages/spec.ts).
