#!/usr/bin/env bash
# Two platform processes on one PostgreSQL (issue 18, item 4). Uses the machine's PostgreSQL server binaries (a
# throw-away cluster under target/bench-cluster, fsync and synchronous_commit on, as the platform's own), two JVMs of
# the platform's jar on it, and N generated standing orders in Fuzhou (default 1,000,000). Four payroll runs of the
# same orders, each started by finance through the screens:
#   1. 2024-01 on node A alone: the single-node reference, and its time;
#   2. 2024-02 on nodes A and B (started on B, A joins): the time with two nodes;
#   3. 2024-03 on A and B, B killed with kill -9 while it holds a chunk in a transaction; A finishes; the finance
#      user who signed in on B continues on A with the same cookie;
#   4. 2024-04 on A, the database restarted (pg_ctl restart -m fast) mid-run; A's workers take the chunks again.
# Runs 2-4 are compared with run 1 line by line (order, kind, amount, flags): 0 differences, 0 orders paid twice,
# the run booked once, and the bank's credits in the ledger equal the lines. Prints BENCH lines; exits 1 on any
# difference. Usage: bench/cluster.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
DIR=$PWD/target/bench-cluster
PORT_DB=54339 PORT_A=18281 PORT_B=18282
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}
[[ -x $PG_BIN/initdb ]] || { echo "bench/cluster.sh needs PostgreSQL's server programs (initdb, pg_ctl): none found"; exit 2; }
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_() { PGPASSWORD=shebao "$PG_BIN/psql" -h 127.0.0.1 -p $PORT_DB -U shebao -d shebao -qAtX -v ON_ERROR_STOP=1 "$@"; }
# other roles' activity (which node is inside a transaction) is visible to the cluster's superuser only
psql_super() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p $PORT_DB -d shebao -qAtX -v ON_ERROR_STOP=1 "$@"; }
say() { echo "BENCH cluster: $*"; }

rm -rf "$DIR"; mkdir -p "$DIR"
[[ $(id -u) == 0 ]] && chown postgres "$DIR"
mvn -B -q -DskipTests package >/dev/null
JAR=$(echo target/shebao-*.jar)
say "nproc $(nproc); $N standing orders; PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"

# --- the database: the machine's server, settings as the embedded one's -------------------------------------------
as_pg "$PG_BIN/initdb" -D "$DIR/pg" -E UTF8 --locale=C -A trust >/dev/null
DB_OPTS="-p $PORT_DB -k $DIR -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
-c max_connections=200 -c shared_buffers=256MB -c max_wal_size=4GB -c timezone=Asia/Shanghai"
db() { as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -o "$DB_OPTS" -l "$DIR/pg.log" -w "$@" >/dev/null; }
db start
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 2
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p $PORT_DB -d postgres -qc "CREATE ROLE shebao LOGIN CREATEDB PASSWORD 'shebao'"
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p $PORT_DB -d postgres -qc "CREATE ROLE shebao_app LOGIN PASSWORD 'shebao_app'"
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p $PORT_DB -d postgres -qc "CREATE DATABASE shebao OWNER shebao"

# --- the nodes --------------------------------------------------------------------------------------------------------
node() { # name port: starts a node in the background, its PID in NODE_PID
  SHEBAO_DB_URL="jdbc:postgresql://127.0.0.1:$PORT_DB/shebao?ApplicationName=shebao-node-$1" \
  SHEBAO_DB_USER=shebao_app SHEBAO_DB_PASSWORD=shebao_app SHEBAO_DB_OWNER_USER=shebao SHEBAO_DB_OWNER_PASSWORD=shebao \
  SHEBAO_PERSONAL_DATA_KEY_FILE=$DIR/keys/personal-data.key SHEBAO_SEAL_KEYSTORE=$DIR/keys/seal.p12 \
    java ${JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -jar "$JAR" --server.port="$2" --logging.level.root=WARN \
    --shebao.demo.base-persons=400 --shebao.payroll.work-delay-ms=1000 --shebao.payroll.work-every-ms=1000 \
    >"$DIR/node-$1.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$NODE_PID" 2>/dev/null || { echo "node $1 stopped; its log:"; tail -30 "$DIR/node-$1.log"; exit 2; }
    sleep 1
  done
  echo "node $1 not ready after 180 s"; exit 2
}
login() { # jar port user: signs in through the login form
  local csrf
  csrf=$(curl -s -c "$1" -b "$1" "http://127.0.0.1:$2/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "username=$3" --data-urlencode "password=Shebao@2020" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$2/login"
}
start_run() { # jar port month: finance starts Fuzhou's run on the payroll page; prints the run's id
  local csrf location
  csrf=$(curl -s -c "$1" -b "$1" "http://127.0.0.1:$2/payroll" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$1" -b "$1" --data-urlencode "region=350100" \
    --data-urlencode "month=$3" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$2/payroll/runs")
  [[ $location =~ /payroll/runs/([0-9]+)$ ]] || { echo "the run for $3 was not started (answer: $location)"; exit 2; }
  echo "${BASH_REMATCH[1]}"
}
wait_done() { # run: waits for COMPLETED (10 minutes at most)
  for _ in $(seq 1 1200); do
    [[ $(psql_ -c "SELECT status FROM payroll_run WHERE id = $1" 2>/dev/null) == COMPLETED ]] && return 0
    sleep 0.5
  done
  echo "run $1 not completed within 10 minutes"; exit 2
}
seconds() { psql_ -c "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 2) FROM payroll_run WHERE id = $1"; }
FAILED=0
check() { # run reference label: line-by-line comparison, doubles, booking
  local diff twice entries booked lines
  diff=$(psql_ -c "SELECT count(*) FROM (
      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = $1 AND person_id >= 1000000000
       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = $2 AND person_id >= 1000000000)
      UNION ALL
      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = $2 AND person_id >= 1000000000
       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = $1 AND person_id >= 1000000000)) d")
  twice=$(psql_ -c "SELECT count(*) - count(DISTINCT (order_id, kind)) FROM payroll_line WHERE run_id = $1")
  lines=$(psql_ -c "SELECT count(*) FROM payroll_line WHERE run_id = $1")
  entries=$(psql_ -c "SELECT count(*) FROM ledger_journal WHERE source = 'payroll-run:$1'")
  booked=$(psql_ -c "SELECT (SELECT sum(l.credit) FROM ledger_line l JOIN ledger_journal j ON j.id = l.journal_id
      WHERE j.source = 'payroll-run:$1' AND l.account = '1002') = (SELECT sum(amount) FROM payroll_line WHERE run_id = $1)")
  say "$3: $lines lines; against the single-node run: $diff differences; $twice paid twice; ledger entries $entries; bank credit = lines: $booked"
  [[ $diff == 0 && $twice == 0 && $entries == 1 && $booked == t ]] || FAILED=1
}
by_node() { psql_ -c "SELECT string_agg(CASE WHEN done_by LIKE '$2@%' THEN 'B' ELSE 'A' END || ' ' || n || ' chunks', ', ' ORDER BY 1)
    FROM (SELECT done_by, count(*) n FROM payroll_chunk WHERE run_id = $1 AND done_at IS NOT NULL GROUP BY done_by) c"; }

node A $PORT_A; PID_A=$NODE_PID
psql_ -c "INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month, certified_until,
       bank_account, account_name, flags)
    SELECT 1000000000 + g, '350100', 'PENSION', CASE WHEN g % 10 = 0 THEN 'PREPAYMENT' ELSE 'REGULAR' END,
           CASE WHEN g % 10 = 0 THEN 1800.00 ELSE 1500 + (g % 3000) * 0.37 END, DATE '2019-01-01', DATE '2030-12-31',
           '62220' || lpad(g::text, 14, '0'), '受益人' || g,
           CASE WHEN g % 10 = 0 THEN 'PENSION_PREPAYMENT:N-1b,FJ-1.3' ELSE '' END
      FROM generate_series(1, $N) g; ANALYZE payroll_order"

# 1. one node
login "$DIR/a.jar" $PORT_A fz.finance
R1=$(start_run "$DIR/a.jar" $PORT_A 2024-01); wait_done "$R1"
T1=$(seconds "$R1")
say "run 1 (2024-01), node A alone: $(psql_ -c "SELECT count(*) FROM payroll_line WHERE run_id = $R1") lines in $T1 s"

# 2. two nodes
node B $PORT_B; PID_B=$NODE_PID
login "$DIR/b.jar" $PORT_B fz.finance
R2=$(start_run "$DIR/b.jar" $PORT_B 2024-02); wait_done "$R2"
T2=$(seconds "$R2")
say "run 2 (2024-02), started on B, A joins: $T2 s ($(by_node "$R2" "$PID_B")); time two nodes / one node = $(awk "BEGIN{printf \"%.2f\", $T2 / $T1}")"
check "$R2" "$R1" "run 2"

# 3. two nodes, B killed mid-chunk
R3=$(start_run "$DIR/b.jar" $PORT_B 2024-03)
IN_TX=no
for _ in $(seq 1 2000); do
  done_b=$(psql_ -c "SELECT count(*) FROM payroll_chunk WHERE run_id = $R3 AND done_by LIKE '$PID_B@%'")
  busy_b=$(psql_super -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'shebao-node-B' AND xact_start IS NOT NULL
                     AND query ILIKE '%payroll%'")
  if (( done_b >= 2 && busy_b > 0 )); then IN_TX=yes; break; fi
  [[ $(psql_ -c "SELECT status FROM payroll_run WHERE id = $R3") == COMPLETED ]] && break
  sleep 0.01
done
kill -9 "$PID_B"; wait "$PID_B" 2>/dev/null || true
say "run 3 (2024-03): node B killed with kill -9 after $done_b chunks, while in a payroll transaction: $IN_TX"
page=$(curl -s -o /dev/null -w '%{http_code}' -b "$DIR/b.jar" "http://127.0.0.1:$PORT_A/payroll/runs/$R3")
say "run 3: the finance user signed in on B opens the run on A with the same cookie: HTTP $page (200: the session survived)"
[[ $page == 200 && $IN_TX == yes ]] || FAILED=1
wait_done "$R3"
say "run 3: finished by A in $(seconds "$R3") s ($(by_node "$R3" "$PID_B"))"
check "$R3" "$R1" "run 3"

# 4. the database restarted during a run
R4=$(start_run "$DIR/a.jar" $PORT_A 2024-04)
for _ in $(seq 1 2000); do
  (( $(psql_ -c "SELECT count(*) FROM payroll_chunk WHERE run_id = $R4 AND done_at IS NOT NULL") >= 2 )) && break
  sleep 0.01
done
before=$(psql_ -c "SELECT count(*) FROM payroll_chunk WHERE run_id = $R4 AND done_at IS NOT NULL")
db restart -m fast
say "run 4 (2024-04): PostgreSQL restarted after $before chunks"
wait_done "$R4"
say "run 4: finished by A in $(seconds "$R4") s"
check "$R4" "$R1" "run 4"
[[ $(curl -s -o /dev/null -w '%{http_code}' -b "$DIR/a.jar" "http://127.0.0.1:$PORT_A/payroll/runs/$R4") == 200 ]] || FAILED=1

say "result: $([[ $FAILED == 0 ]] && echo 'all checks passed' || echo 'FAILED')"
exit $FAILED
