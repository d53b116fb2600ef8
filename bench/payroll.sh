#!/usr/bin/env bash
# Monthly payroll against a raw COPY: N standing orders (1,000,000 by default; 10,000,000 works, with time and disk),
# a full run for March 2020 in Fuzhou (payment lines, suspensions, ledger postings), then a raw COPY of the very same
# payment rows into an empty, index-free table, in the same run on the same embedded PostgreSQL.
# Usage: bench/payroll.sh [N] [platform arguments, e.g. --shebao.payroll.workers=2]. Uses a throw-away database under
# target/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
shift || true
DIR=target/bench-payroll
# keys of the throw-away database stay under target/ too (./data is the real platform's)
export SHEBAO_PERSONAL_DATA_KEY_FILE=target/bench-keys/personal-data.key SHEBAO_SEAL_KEYSTORE=target/bench-keys/seal.p12
rm -rf "$DIR"
mvn -B -q -DskipTests package >/dev/null
JAR=$(echo target/shebao-*.jar)   # the repackaged jar; the plain one is *.jar.original
java ${JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -jar "$JAR" --server.port=0 --shebao.db.embedded.data-dir="$DIR" \
  --payroll.bench="$N" --shebao.payroll.work-delay-ms=86400000 --logging.level.root=WARN "$@" | grep '^BENCH'
rm -rf "$DIR"
