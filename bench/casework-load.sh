#!/usr/bin/env bash
# Online case submissions under load: bench/CaseLoad.java drives POST /api/v1/cases (certificate requests as
# citizen.fz) against GET /api/v1/ping for the same time with the same threads, both with one bearer token, on a
# throw-away platform (port 18181, embedded PostgreSQL under target/bench-casework, stopped on exit).
# Usage: bench/casework-load.sh [SECONDS] [THREADS]   (defaults 30 and 8; each phase also has a 5 s warm-up).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}   # not SECONDS: bash's own SECONDS counts up by itself
THREADS=${2:-8}
PORT=18181
DIR=target/bench-casework
# keys of the throw-away database stay under target/ too (./data is the real platform's)
export SHEBAO_PERSONAL_DATA_KEY_FILE=target/bench-keys/personal-data.key SHEBAO_SEAL_KEYSTORE=target/bench-keys/seal.p12
echo "nproc: $(nproc)"

login_status() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" || true; }
if [[ $(login_status) != 000 ]]; then
  echo "port $PORT already answers; stop whatever runs there first" >&2
  exit 1
fi

mvn -q -B -DskipTests package
JAR=
for f in target/shebao-*.jar; do
  if [[ -f $f && $f != *.original ]] && { [[ -z $JAR ]] || [[ $f -nt $JAR ]]; }; then
    JAR=$f
  fi
done
if [[ -z $JAR ]]; then
  echo "no target/shebao-*.jar after the build" >&2
  exit 1
fi

rm -rf "$DIR"
mkdir -p "$DIR"
PID=
stop() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 60); do
      kill -0 "$PID" 2>/dev/null || break
      sleep 1
    done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  if [[ -n $PID ]]; then
    wait "$PID" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "starting $JAR on port $PORT (log: $DIR/platform.log)"
java ${JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -jar "$JAR" --server.port=$PORT \
  --shebao.db.embedded.data-dir="$DIR/pg" --shebao.db.embedded.clean-data-directory=true \
  >"$DIR/platform.log" 2>&1 &
PID=$!

# ready = started and the demo data seeded (readiness turns to ACCEPTING_TRAFFIC after the start-up runners); the
# login page alone answers while the demo users are still being created
ready_status() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health/readiness" || true; }
started=$SECONDS
while true; do
  if [[ $(ready_status) == 200 ]]; then
    echo "platform ready after $((SECONDS - started)) s"
    break
  fi
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "the platform stopped while starting; last lines of $DIR/platform.log:" >&2
    tail -n 30 "$DIR/platform.log" >&2
    exit 1
  fi
  if ((SECONDS - started >= 120)); then
    echo "not ready (no 200 from /actuator/health/readiness) after 120 s; last lines of $DIR/platform.log:" >&2
    tail -n 30 "$DIR/platform.log" >&2
    exit 1
  fi
  sleep 1
done

java bench/CaseLoad.java --base "http://localhost:$PORT" --seconds "$DURATION" --threads "$THREADS"
