; Bash references (captures: src/extract/languages/spec.ts). A function is called by naming it as
; a command, so every command name is a call; external programs stay unresolved. `$cmd args` is not.
; Control flow (`return`, `break`) and keywords misread around a syntax error are no commands.
((command name: (command_name (word) @reference.call)) (#not-any-of? @reference.call "source" "." "return" "break" "continue" "if" "then" "else" "elif" "fi" "do" "done" "case" "esac" "in" "{" "}" "[" "]" "[[" "]]" "!"))

; `source lib.sh`, `. "./lib.sh"`: the whole file, when named literally.
(command name: (command_name (word) @_source) . argument: [(word) (raw_string) (string . (string_content) .)] @module @reference.import (#any-of? @_source "source" "."))
