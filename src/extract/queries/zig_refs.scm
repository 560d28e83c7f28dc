; References of zig (captures: src/extract/languages/spec.ts).
