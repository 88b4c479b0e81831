#!/usr/bin/env bash
# npm run sqlmap: runs sqlmap (batch mode, level 3, risk 2, PostgreSQL payloads) against the JSON
# endpoints that take free text: sign-in (POST /trpc/auth.login), person search (people.match) and
# the list filters and cursors (referrals.queue/mine, cases.list, users.list, audit.list).
#
# It starts its own app (an embedded PostgreSQL with demo data in a temporary folder, on a free port),
# signs in as the demo coordinator, admin and auditor, runs sqlmap on each target, prints a summary
# (and the sqlmap version) and removes the temporary folder. Results: bench/results/sqlmap.md.
#
# Needs sqlmap: on Debian or Ubuntu `sudo apt-get install -y sqlmap` (this script does not install it).
# Options (environment): SQLMAP_LEVEL (3), SQLMAP_RISK (2), SQLMAP_KEEP=1 keeps the temporary folder.
set -euo pipefail

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "sqlmap is not installed. On Debian or Ubuntu: sudo apt-get install -y sqlmap" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

LEVEL="${SQLMAP_LEVEL:-3}"
RISK="${SQLMAP_RISK:-2}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jisr-sqlmap.XXXXXX")"
chmod 777 "$WORK" # the embedded PostgreSQL runs as the "postgres" user when started as root
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
ORIGIN="http://127.0.0.1:${PORT}"
APP_PID=""

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -INT "$APP_PID" 2>/dev/null || true # the app stops its embedded PostgreSQL on SIGINT
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [[ "${SQLMAP_KEEP:-0}" == "1" ]]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "Starting Jisr with demo data on ${ORIGIN} ..."
# A high sign-in limit: sqlmap sends thousands of sign-in attempts from one address.
env -u DATABASE_URL JISR_DATA_DIR="$WORK/data" HOST=127.0.0.1 PORT="$PORT" LOG_LEVEL=warn JOBS=off \
  LOGIN_RATE_LIMIT_PER_MINUTE=1000000 node --import tsx src/main.ts >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -fsS "$ORIGIN/healthz" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$ORIGIN/healthz" >/dev/null

PASSWORD="jisr-demo-2026"
# Signs in a demo account and prints its session cookie (name=value).
session() {
  curl -fsS -D - -o /dev/null -X POST "$ORIGIN/trpc/auth.login" \
    -H 'content-type: application/json' -H "origin: $ORIGIN" \
    --data "{\"json\":{\"email\":\"$1\",\"password\":\"$PASSWORD\"}}" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n 1
}
COORDINATOR="$(session coordinator@demo.jisr.local)"
ADMIN="$(session admin@demo.jisr.local)"
AUDITOR="$(session auditor@demo.jisr.local)"
[[ -n "$COORDINATOR" && -n "$ADMIN" && -n "$AUDITOR" ]] || { echo "could not sign in the demo accounts" >&2; exit 1; }

# A tRPC query URL: JSON input, URL-encoded, with sqlmap's injection marker (*) left as it is.
q() { node -e 'console.log(process.argv[1] + "?input=" + encodeURIComponent(JSON.stringify({ json: JSON.parse(process.argv[2]) })).replace(/%2A/gi, "*"))' "$ORIGIN/trpc/$1" "$2"; }

COMMON=(--batch --level="$LEVEL" --risk="$RISK" --dbms=PostgreSQL --time-sec=2 --flush-session --disable-coloring
  --output-dir="$WORK/sqlmap" --answers="custom injection marker=Y")
SUMMARY="$WORK/summary.txt"
: >"$SUMMARY"

# run <name> <sqlmap options...>
run() {
  local name="$1"; shift
  echo; echo "== $name"
  local log="$WORK/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
  sqlmap "${COMMON[@]}" "$@" 2>&1 | tee "$log" | grep -E "injectable|heuristic|CRITICAL|HTTP error codes" || true
  local verdict
  if grep -qE "is vulnerable|sqlmap identified the following injection point" "$log"; then verdict="INJECTABLE (see $log)"
  elif grep -q "all tested parameters do not appear to be injectable" "$log"; then verdict="not injectable"
  else verdict="did not complete: $(grep -m1 -E 'CRITICAL|ERROR' "$log" | sed 's/^\[[^]]*\] //' || true)"
  fi
  local tested; tested="$(grep -c "\[INFO\] testing '" "$log" || true)"
  local codes; codes="$(grep -A8 'HTTP error codes detected' "$log" | grep -E '^[0-9]{3} \(' | paste -sd ',' - || true)"
  printf '%s | %s | %s tests | HTTP errors: %s\n' "$name" "$verdict" "$tested" "${codes:-none}" >>"$SUMMARY"
}

# Mutations need JSON and a same-origin Origin (src/http/security.ts). An unknown e-mail, so the
# demo accounts do not lock; 401 is the normal answer here.
run "auth.login email, password (POST JSON)" -u "$ORIGIN/trpc/auth.login" --method=POST \
  --data='{"json":{"email":"nobody*@demo.jisr.local","password":"not-the-password*"}}' \
  --headers="Origin: $ORIGIN
Content-Type: application/json" --ignore-code=401,429
run "people.match name, birthYear (GET ?input=)" -u "$(q people.match '{"name":"Sami*","birthYear":2009}')" --cookie="$COORDINATOR"
run "people.match name, Arabic script" -u "$(q people.match '{"name":"محمد*"}')" --cookie="$COORDINATOR"
run "referrals.queue cursor" -u "$(q referrals.queue '{"cursor":"2026-01-12T10:00:00.000Z_*","limit":5}')" --cookie="$COORDINATOR"
run "referrals.mine cursor" -u "$(q referrals.mine '{"cursor":"x*","limit":5}')" --cookie="$COORDINATOR"
run "cases.list reference filter" -u "$(q cases.list '{"reference":"DEMO*","limit":5}')" --cookie="$COORDINATOR"
run "users.list search" -u "$(q users.list '{"search":"demo*"}')" --cookie="$ADMIN"
run "audit.list action, entityType, entityId filters" -u "$(q audit.list '{"action":"case.read*","entityType":"Case*","entityId":"x*","limit":5}')" --cookie="$AUDITOR"

echo
echo "== Summary ($(sqlmap --version 2>/dev/null | head -n 1 | tr -d '\r'), level $LEVEL, risk $RISK)"
cat "$SUMMARY"
# The app logs every 5xx (level 50) without its message; none is expected.
failures="$(grep -c '"level":50' "$WORK/app.log" || true)"
echo "app: ${failures:-0} failed requests logged (5xx)"
[[ "${failures:-0}" == "0" ]] || grep '"level":50' "$WORK/app.log" | head -n 5
if grep -q "INJECTABLE" "$SUMMARY"; then exit 1; fi
