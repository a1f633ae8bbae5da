#!/usr/bin/env bash
# Builds the server (with the shared schema package) and the web app when their output is missing or
# older than their sources; a no-op otherwise. Used by the e2e run and the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."

stale() { # <output file> <source dirs...>
  local out=$1; shift
  [ ! -f "$out" ] || [ -n "$(find "$@" -newer "$out" -type f -print -quit 2>/dev/null)" ]
}
if stale apps/server/dist/main.js apps/server/src packages/schema/src; then
  bash scripts/pnpm.sh --filter @evs/schema --filter @evs/server build
fi
if stale apps/web/dist/index.html apps/web/src apps/web/index.html apps/web/vite.config.ts packages/schema/src; then
  bash scripts/pnpm.sh --filter @evs/web exec vite build
fi
