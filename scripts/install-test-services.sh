#!/usr/bin/env bash
# Installs what the test suite needs beyond PyPI packages of pyproject's [test] extra:
# currently nothing else; the browser tests add Chromium here.
set -euo pipefail
VENV=${1:-.venv}
echo "test services: none extra yet (venv $VENV)"
