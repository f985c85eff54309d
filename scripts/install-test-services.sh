#!/usr/bin/env bash
# Installs what the test suite needs beyond the PyPI packages of pyproject's [test] extra:
# Debian's Chromium, driven by Playwright in the browser tests (tests/test_browser.py).
# Idempotent; never fails the build: where Chromium cannot be installed the browser tests skip
# and say why.
set -uo pipefail
VENV=${1:-.venv}

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  echo "test services: chromium present ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test services: chromium missing and cannot be installed here (needs root and apt-get);" \
       "browser tests will skip (venv $VENV)"
  exit 0
fi
echo "test services: installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; then
  echo "test services: chromium installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
else
  echo "test services: apt-get could not install chromium; browser tests will skip"
fi
exit 0
