#!/usr/bin/env bash
# Runs exactly the pnpm version pinned in package.json's packageManager, installing it if missing.
set -euo pipefail
want=$(node -p "require('$(cd "$(dirname "$0")/.." && pwd)/package.json').packageManager.split('@')[1]")
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm -v 2>/dev/null)" = "$want" ]; then
  exec pnpm "$@"
fi
exec npx -y "pnpm@$want" "$@"
