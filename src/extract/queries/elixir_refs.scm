; References of elixir (captures: src/extract/languages/spec.ts).
