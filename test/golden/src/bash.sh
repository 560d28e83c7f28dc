#!/usr/bin/env bash
# Print a greeting.
greet() {
  echo "hi $1"
}

function cleanup {
  rm -f /tmp/x
}
