#!/usr/bin/env bash
# Smoke test of the start command's embedded mode (run after a build):
#   1. first start in a fresh DATA_DIR: /healthz ok, GraphQL login as baoan, `me` answers;
#   2. SIGTERM: the app exits 0 and no PostgreSQL of that data folder remains;
#   3. second start on the same data: no reseed (same users and units), login works;
#   4. SIGKILL of the app (PostgreSQL left orphaned), then a start that recovers and answers.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DATA_DIR
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/evs-smoke-XXXXXX")
chmod 755 "$DATA_DIR"
LOG="$DATA_DIR/app.log"
APP_PID=""
PG_CLUSTER="$DATA_DIR/pg"

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
export PORT EMBEDDED_PG_PORT
PORT=$(free_port)
EMBEDDED_PG_PORT=$(free_port)
export SEED_DEMO=true LOG_LEVEL=info
unset DATABASE_URL
# A first start initialises the cluster and loads the demo data; slow CI machines need headroom.
START_TIMEOUT=${SMOKE_START_TIMEOUT:-180}

fail() {
  echo "SMOKE FAIL: $*" >&2
  echo "---- app log (last 40 lines) ----" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  local pid
  pid=$(postmaster_pid)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -INT "$pid" 2>/dev/null || true; sleep 2; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

postmaster_pid() { [ -f "$PG_CLUSTER/postmaster.pid" ] && head -n1 "$PG_CLUSTER/postmaster.pid" || true; }

# Processes whose command line names the cluster folder (the postmaster runs `postgres -D <dir>`).
cluster_processes() {
  local p
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' 2>/dev/null <"$p/cmdline" | grep -qF -- "$PG_CLUSTER"; then basename "$p"; fi
  done
}

start_app() {
  node "$ROOT/apps/server/dist/main.js" >>"$LOG" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 $(( START_TIMEOUT * 2 ))); do
    if node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>r.json()).then(j=>process.exit(j.status==='ok'?0:1),()=>process.exit(1))" 2>/dev/null; then
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited during start-up"
    sleep 0.5
  done
  fail "/healthz did not answer ok within $START_TIMEOUT s"
}

# Logs in over GraphQL and prints `me` as JSON.
login_me() {
  node - "$PORT" "$1" <<'JS'
const [port, username] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}/graphql`;
const post = (body, cookie) => fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});
(async () => {
  const login = await post({
    query: 'mutation($i: LoginInput!) { login(input: $i) { username } }',
    variables: { i: { username, password: 'Demo@2026' } },
  });
  const body = await login.json();
  if (body.errors) throw new Error(`login: ${JSON.stringify(body.errors)}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await (await post({ query: '{ me { username role unit { name } } }' }, cookie)).json();
  if (me.errors) throw new Error(`me: ${JSON.stringify(me.errors)}`);
  console.log(JSON.stringify(me.data.me));
})().catch((e) => { console.error(e.message); process.exit(1); });
JS
}

# Users and units in the embedded database, e.g. "15 17".
counts() {
  (cd "$ROOT/apps/server" && node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: 'postgres://postgres:postgres@127.0.0.1:$EMBEDDED_PG_PORT/evs' });
    c.connect()
      .then(() => c.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM units) AS units'))
      .then((r) => { console.log(r.rows[0].users + ' ' + r.rows[0].units); return c.end(); })
      .catch((e) => { console.error(e.message); process.exit(1); });")
}

stop_app() {
  local pg_pid code=0
  pg_pid=$(postmaster_pid)
  kill -TERM "$APP_PID"
  wait "$APP_PID" || code=$?
  APP_PID=""
  [ "$code" = 0 ] || fail "the app exited with $code after SIGTERM"
  [ -z "$pg_pid" ] || ! kill -0 "$pg_pid" 2>/dev/null || fail "PostgreSQL $pg_pid still runs after the app stopped"
  local left
  left=$(cluster_processes)
  [ -z "$left" ] || fail "processes of $PG_CLUSTER remain: $left"
}

echo "smoke: DATA_DIR=$DATA_DIR PORT=$PORT"

echo "smoke: 1/4 first start (initdb, migrations, demo data)"
t0=$(date +%s)
start_app
echo "smoke:     up in $(( $(date +%s) - t0 )) s"
me=$(login_me baoan) || fail "login as baoan"
echo "smoke:     me = $me"
echo "$me" | grep -q '"username":"baoan"' || fail "me is not baoan"
before=$(counts) || fail "counting users"
echo "smoke:     users/units = $before"

echo "smoke: 2/4 SIGTERM stops the app and its PostgreSQL"
stop_app

echo "smoke: 3/4 second start on the same data does not reseed"
start_app
after=$(counts) || fail "counting users"
[ "$after" = "$before" ] || fail "users/units changed from $before to $after: reseeded?"
login_me leader >/dev/null || fail "login as leader after restart"
[ "$(grep -c "初始数据已载入" "$LOG")" = 1 ] || fail "the seed did not run exactly once"

echo "smoke: 4/4 SIGKILL leaves PostgreSQL orphaned; the next start recovers"
orphan=$(postmaster_pid)
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
kill -0 "$orphan" 2>/dev/null || echo "smoke:     (PostgreSQL $orphan exited with the app; recovery of the stale lock is tested instead)"
t0=$(date +%s)
start_app
echo "smoke:     recovered and up in $(( $(date +%s) - t0 )) s"
login_me baoan >/dev/null || fail "login after recovery"
[ "$(counts)" = "$before" ] || fail "data changed after recovery"
! kill -0 "$orphan" 2>/dev/null || [ "$orphan" = "$(postmaster_pid)" ] || fail "orphan PostgreSQL $orphan still runs"
stop_app

echo "smoke: OK"
