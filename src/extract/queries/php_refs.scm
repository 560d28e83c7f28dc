; References of php (captures: src/extract/languages/spec.ts).
