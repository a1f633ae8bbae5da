#!/usr/bin/env bash
# npm test: everything CI checks, in order, with a summary at the end.
#   install · Chromium · build · JS budget · lint · typecheck · web unit tests (vitest) · schema/codegen freshness · server Jest
#   (unit + integration on a real PostgreSQL) · smoke test of `npm start` · Playwright e2e
# Without DATABASE_URL the server tests start a throwaway embedded PostgreSQL of their own.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

STEPS=()
RESULTS=()
TIMES=()
START_ALL=$(date +%s)

summary() {
  local total=$(( $(date +%s) - START_ALL )) i
  echo
  echo "================ npm test 汇总 / summary ================"
  for i in "${!STEPS[@]}"; do
    printf '  %-6s %5ss  %s\n' "${RESULTS[$i]}" "${TIMES[$i]}" "${STEPS[$i]}"
  done
  echo "  total  ${total}s"
  echo "========================================================="
}

# step <name> <command…>: runs one step; on failure prints the summary and stops.
step() {
  local name=$1 started code=0
  shift
  echo
  echo "==> $name"
  started=$(date +%s)
  "$@" || code=$?
  STEPS+=("$name")
  TIMES+=($(( $(date +%s) - started )))
  if [ "$code" = 0 ]; then
    RESULTS+=("ok")
  else
    RESULTS+=("FAIL")
    summary
    # what failed, last, where CI's tail of the output still shows it
    if [ -n "${DIGEST:-}" ]; then $DIGEST || true; fi
    echo "失败 / FAILED: $name (exit $code)" >&2
    exit 1
  fi
}

skip() {
  STEPS+=("$1")
  TIMES+=(0)
  RESULTS+=("skip")
  echo
  echo "==> $1: 跳过 / skipped — $2" >&2
}

pnpm_() { bash "$ROOT/scripts/pnpm.sh" "$@"; }

# Chromium for Playwright: Debian's package (never `playwright install`), with CJK fonts for
# readable screenshots. Runs in the background while the build runs; waited for before e2e.
need_chromium() {
  [ -x /usr/bin/chromium ] || return 0
  if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then return 0; fi
  return 1
}
install_chromium() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "需要 root 或 sudo 来安装 chromium" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk
}

step "install dependencies (pnpm install --frozen-lockfile)" bash scripts/ensure-deps.sh

CHROMIUM_PID=""
CHROMIUM_LOG=""
if [ -f e2e/package.json ] && need_chromium; then
  CHROMIUM_LOG=$(mktemp "${TMPDIR:-/tmp}/evs-chromium-XXXXXX.log")
  echo "==> installing chromium + fonts-noto-cjk in the background (log: $CHROMIUM_LOG)"
  install_chromium >"$CHROMIUM_LOG" 2>&1 &
  CHROMIUM_PID=$!
fi

step "build (pnpm -r build)" pnpm_ -r build
step "first-load JS budget (login, home < 500 KB gzip; every route listed)" node apps/web/scripts/bundle-size.mjs
step "lint (pnpm -r lint)" pnpm_ -r lint
step "typecheck (pnpm -r typecheck)" pnpm_ -r typecheck
step "web unit tests (vitest: formatters, offline queue, outbox)" pnpm_ --filter @evs/web test

freshness() {
  node apps/server/dist/scripts/emit-schema.js --check || return 1
  if [ -f apps/web/package.json ] && grep -q '"codegen"' apps/web/package.json; then
    pnpm_ --filter @evs/web codegen || return 1
  fi
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    local paths=(packages/schema/schema.graphql)
    [ -d apps/web/src/gql ] && paths+=(apps/web/src/gql)
    if ! git diff --exit-code --stat -- "${paths[@]}"; then
      echo "生成的文件已过期：请运行 npm run codegen 并提交 / generated files are stale: run npm run codegen and commit" >&2
      return 1
    fi
    # New generated files in a folder that is already committed are stale too.
    if [ -n "$(git ls-files -- apps/web/src/gql)" ] && [ -n "$(git ls-files --others --exclude-standard -- apps/web/src/gql)" ]; then
      git ls-files --others --exclude-standard -- apps/web/src/gql >&2
      echo "codegen 生成了未提交的文件 / codegen produced uncommitted files" >&2
      return 1
    fi
  else
    echo "（不是 git 仓库，跳过 git diff 检查 / not a git checkout: diff check skipped）"
  fi
}
step "schema + codegen freshness" freshness

step "server tests (Jest: unit + integration, real PostgreSQL)" pnpm_ --filter @evs/server test
step "smoke test of npm start (embedded PostgreSQL)" bash scripts/smoke.sh

wait_chromium() {
  wait "$CHROMIUM_PID" && return 0
  tail -n 30 "$CHROMIUM_LOG" >&2
  return 1
}
if [ -n "$CHROMIUM_PID" ]; then
  step "install chromium + fonts-noto-cjk (apt-get)" wait_chromium
fi
if [ -f e2e/package.json ]; then
  rm -f e2e/test-results-json/results.json
  DIGEST="node scripts/e2e-digest.mjs" step "end-to-end (Playwright, Chromium)" bash scripts/test-e2e.sh
else
  skip "end-to-end (Playwright)" "e2e/package.json 不存在 / missing"
fi

summary
# a test that passed only on its retry is named here too
if [ -f e2e/test-results-json/results.json ]; then node scripts/e2e-digest.mjs; fi
echo "全部通过 / all passed"
