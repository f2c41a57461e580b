#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (idempotent; skips what is already there):
#   chromium, chromium-driver  - the real headless browser for page tests (Playwright drives /usr/bin/chromium)
#   postgresql                 - a real PostgreSQL server for the PostgreSQL store's contract tests
#   fonts-dejavu-core          - so screenshots render text
#   sqlite3                    - the SQLite backup command docs/DEPLOYMENT.md shows (run by DeploymentGuideTests)
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-deps: done"
