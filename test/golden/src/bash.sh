#!/usr/bin/env bash
# Print a greeting.
greet() {
  echo "hi $1"
}

function cleanup {
  rm -f /tmp/x
}

VERSION=1.0
export INSTALL_DIR=/opt/app
