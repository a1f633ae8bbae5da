#!/usr/bin/env bash
# Smoke test of the start command's embedded mode (run after a build):
#   1. first start in a fresh DATA_DIR: /healthz ok, GraphQL login as baoan, `me` answers;
#   2. SIGTERM: the app exits 0 and no PostgreSQL of that data folder remains;
#   3. second start on the same data: no reseed (same users and units), login works;
#   4. SIGKILL of the app (PostgreSQL left orphaned), then a start that recovers and answers;
#   5. a second app on the same DATA_DIR refuses to start (Chinese message) and the first keeps serving;
#   6. SIGTERM with 30 logins in flight: /readyz turns 503 first, every login accepted is served, exit 0;
#   7. a postmaster.pid naming an unrelated live process: the start leaves that process alone.
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
# On SIGTERM /readyz answers 503 this long before the listener closes (step 6 watches it).
export SHUTDOWN_DELAY_MS=1000
unset DATABASE_URL
# A first start initialises the cluster and loads the demo data; slow CI machines need headroom.
START_TIMEOUT=${SMOKE_START_TIMEOUT:-180}

fail() {
  echo "SMOKE FAIL: $*" >&2
  echo "---- app log (last 40 lines) ----" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

BYSTANDER=""
cleanup() {
  if [ -n "$BYSTANDER" ]; then kill "$BYSTANDER" 2>/dev/null || true; fi
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

echo "smoke: 1/7 first start (initdb, migrations, demo data)"
t0=$(date +%s)
start_app
echo "smoke:     up in $(( $(date +%s) - t0 )) s"
me=$(login_me baoan) || fail "login as baoan"
echo "smoke:     me = $me"
echo "$me" | grep -q '"username":"baoan"' || fail "me is not baoan"
before=$(counts) || fail "counting users"
echo "smoke:     users/units = $before"

echo "smoke: 2/7 SIGTERM stops the app and its PostgreSQL"
stop_app

echo "smoke: 3/7 second start on the same data does not reseed"
start_app
after=$(counts) || fail "counting users"
[ "$after" = "$before" ] || fail "users/units changed from $before to $after: reseeded?"
login_me leader >/dev/null || fail "login as leader after restart"
[ "$(grep -c "初始数据已载入" "$LOG")" = 1 ] || fail "the seed did not run exactly once"

echo "smoke: 4/7 SIGKILL leaves PostgreSQL orphaned; the next start recovers"
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

echo "smoke: 5/7 a second app on the same DATA_DIR refuses to start; the first keeps serving"
first_pm=$(postmaster_pid)
second_log="$DATA_DIR/second.log"
code=0
PORT=$(free_port) timeout 60 node "$ROOT/apps/server/dist/main.js" >"$second_log" 2>&1 || code=$?
[ "$code" != 0 ] && [ "$code" != 124 ] || fail "the second instance did not refuse (exit $code)"
grep -q "正被另一个运行中的实例使用" "$second_log" || { cat "$second_log" >&2; fail "the second instance's message does not say why"; }
[ "$(postmaster_pid)" = "$first_pm" ] && kill -0 "$first_pm" || fail "the first instance's PostgreSQL was disturbed"
login_me baoan >/dev/null || fail "the first instance stopped serving"

echo "smoke: 6/7 SIGTERM with 30 logins in flight: readiness 503 first, all served, exit 0"
drain=$(node - "$PORT" "$APP_PID" <<'JS'
const [port, pid] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const login = (i) => fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { username } }', variables: { i: { username: i % 2 ? 'baoan' : 'leader', password: 'Demo@2026' } } }),
}).then(async (r) => ((await r.json()).data?.login?.username ? 'served' : `http ${r.status}`), (e) => `reset (${e.cause?.code ?? e.message})`);
(async () => {
  const inFlight = Array.from({ length: 30 }, (_, i) => login(i));
  await new Promise((r) => setTimeout(r, 100));
  process.kill(Number(pid), 'SIGTERM');
  const signalled = Date.now();
  let readiness503 = null;
  for (let i = 0; i < 40 && readiness503 === null; i++) {
    const status = await fetch(`${base}/readyz`).then((r) => r.status, () => 'refused');
    if (status === 503) readiness503 = Date.now() - signalled;
    else await new Promise((r) => setTimeout(r, 25));
  }
  const results = await Promise.all(inFlight);
  const count = (x) => results.filter((r) => r === x).length;
  console.log(JSON.stringify({ sent: 30, served: count('served'), notServed: results.filter((r) => r !== 'served'), readiness503AfterMs: readiness503 }));
})();
JS
) || fail "drain client"
echo "smoke:     $drain"
echo "$drain" | grep -q '"served":30' || fail "requests in flight were not all served: $drain"
echo "$drain" | grep -q '"readiness503AfterMs":[0-9]' || fail "/readyz did not answer 503 while stopping"
pg_pid=$(postmaster_pid)
code=0
wait "$APP_PID" || code=$?
APP_PID=""
[ "$code" = 0 ] || fail "the app exited with $code after SIGTERM"
[ -z "$pg_pid" ] || ! kill -0 "$pg_pid" 2>/dev/null || fail "PostgreSQL $pg_pid still runs after the app stopped"
grep '"inFlightAtSignal"' "$LOG" | tail -n 1 | sed 's/^/smoke:     /'

echo "smoke: 7/7 a postmaster.pid naming an unrelated live process is left alone"
sleep 120 &
BYSTANDER=$!
printf '%s\n%s\n' "$BYSTANDER" "$PG_CLUSTER" >"$PG_CLUSTER/postmaster.pid"
start_app
kill -0 "$BYSTANDER" || fail "the start killed an unrelated process ($BYSTANDER) named by postmaster.pid"
kill "$BYSTANDER"
wait "$BYSTANDER" 2>/dev/null || true
login_me baoan >/dev/null || fail "login after the start"
stop_app

echo "smoke: OK"
