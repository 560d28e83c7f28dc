; References of lua (captures: src/extract/languages/spec.ts).
