#!/usr/bin/env bash
# Demo-data load rate: N generated persons (with enrollments and yearly contribution histories) through the
# platform's COPY loader, against a raw COPY of the very same rows into empty, index-free tables, in the same run.
# Usage: bench/demo-load.sh [N]   (default 200000; e.g. 1000000). Uses a throw-away database under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
DIR=target/bench-pg
# keys of the throw-away database stay under target/ too (./data is the real platform's)
export SHEBAO_PERSONAL_DATA_KEY_FILE=target/bench-keys/personal-data.key SHEBAO_SEAL_KEYSTORE=target/bench-keys/seal.p12
rm -rf "$DIR"
mvn -B -q -DskipTests package >/dev/null
java -Duser.timezone=Asia/Shanghai -jar target/shebao-*.jar --server.port=0 --shebao.db.embedded.data-dir="$DIR" \
  --demo.persons="$N" --demo.bench=true --demo.exit=true --logging.level.root=WARN | grep '^BENCH'
rm -rf "$DIR"
