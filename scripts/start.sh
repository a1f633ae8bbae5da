#!/usr/bin/env bash
# npm start: install what is missing, build everything, then serve the SPA and the GraphQL API on
# http://localhost:${PORT:-4000}. Without DATABASE_URL the app runs its own embedded PostgreSQL with
# the data in ${DATA_DIR:-.data}; the first start migrates and loads the demo data, later ones reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> 安装依赖"
bash scripts/ensure-deps.sh
echo "==> 构建（pnpm -r build）"
bash scripts/pnpm.sh -r build
echo "==> 启动 http://localhost:${PORT:-4000}"
# as the Docker image runs it (see the Dockerfile): production mode (graphql-js, Express and Apollo
# without their development checks) and a larger young generation for the API's garbage
export NODE_ENV="${NODE_ENV:-production}"
exec node --max-semi-space-size=64 apps/server/dist/main.js
