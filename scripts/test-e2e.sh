#!/usr/bin/env bash
# Playwright journeys in Debian's Chromium against a freshly started server (own port, fresh data).
# Report: e2e/playwright-report/index.html; traces and screenshots of failures: e2e/test-results/;
# screenshots per role: e2e/screenshots/. Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "[test:e2e] installing Debian's chromium and CJK fonts"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

if ! [ -d node_modules/.pnpm ] || ! [ -x e2e/node_modules/.bin/playwright ]; then
  bash scripts/pnpm.sh install --frozen-lockfile
fi
# rebuild what is missing or older than its sources (E2E_SKIP_BUILD=1 to use the builds as they are)
if [ -z "${E2E_SKIP_BUILD:-}" ]; then
  bash scripts/build-if-stale.sh
fi

cd e2e
exec ./node_modules/.bin/playwright test "$@"
