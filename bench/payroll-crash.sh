#!/usr/bin/env bash
# Crash and resume: N standing orders (200,000 by default), a payroll run for March 2020 stopped dead after two
# chunks (Runtime.halt: no shutdown, no cleanup, as kill -9 leaves it), then the platform restarted on the same
# embedded PostgreSQL: its payroll workers take the chunks left and finish the run; the result is compared line by line
# with an uninterrupted run over the same orders.
# Usage: bench/payroll-crash.sh [N]. Uses a throw-away database under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
DIR=target/bench-payroll-crash
# keys of the throw-away database stay under target/ too (./data is the real platform's)
export SHEBAO_PERSONAL_DATA_KEY_FILE=target/bench-keys/personal-data.key SHEBAO_SEAL_KEYSTORE=target/bench-keys/seal.p12
rm -rf "$DIR"
mvn -B -q -DskipTests package >/dev/null
JAR=$(echo target/shebao-*.jar)   # the repackaged jar; the plain one is *.jar.original
run() {
  java -Duser.timezone=Asia/Shanghai -jar "$JAR" --server.port=0 --shebao.db.embedded.data-dir="$DIR" \
    --shebao.payroll.chunk-orders=50000 --logging.level.root=WARN "$@" | grep '^BENCH' || true
}
run --payroll.crash="$N"
# the dead process left the embedded PostgreSQL running without its owner: stop it, as a reboot would
if [[ -f $DIR/postmaster.pid ]]; then
  kill "$(head -1 "$DIR/postmaster.pid")" 2>/dev/null || true
  sleep 3
fi
run --payroll.crash-resume=true --shebao.payroll.work-delay-ms=1000 --shebao.payroll.work-every-ms=1000
rm -rf "$DIR"
