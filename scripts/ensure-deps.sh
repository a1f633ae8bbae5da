#!/usr/bin/env bash
# Installs the workspace's dependencies exactly as locked. pnpm itself comes through scripts/pnpm.sh
# (npx pnpm@<packageManager version> when it is not installed); a warm install takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/pnpm.sh install --frozen-lockfile
