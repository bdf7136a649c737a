#!/usr/bin/env bash
# Set up a fresh clone: a virtual environment with graphkit and its test dependencies, and
# Debian's chromium for the browser tests (apt, when we are root or have sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[${GRAPHKIT_EXTRAS:-test,dask,shacl}]"
if [ "${GRAPHKIT_BROWSER:-1}" = "1" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  if [ -z "$SUDO" ] || command -v sudo >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the browser tests" >&2
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium missing and no root: browser tests will be skipped" >&2
  fi
fi
