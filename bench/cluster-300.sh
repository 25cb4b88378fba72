#!/usr/bin/env bash
# bench/cluster-300.sh: cluster mode at a few hundred accounts, on one machine.
#
# Starts (in one helper JVM, test scope: bench/ClusterBenchServers) the simulator with N accounts of small libraries,
# a ZooKeeper (Curator's TestingServer), an embedded PostgreSQL and S3Proxy; then NODES node JVMs of
# target/camel-icloud.jar as the Camel application, each with the same application.properties and one S3 route per
# account (as ClusterIT's nodes). It measures:
#   full       time until every account's library is recorded in PostgreSQL (first, full sync)
#   window     then, for WINDOW seconds of incremental polls (every route polls again DELAY ms after its last pass):
#              polls per node, the time one full round of incremental polls takes (accounts / polls per second),
#              per-node heap after a GC (jcmd) and CPU seconds, PostgreSQL transactions and row writes (pg_stat_database,
#              pg_stat_user_tables) per poll, ZooKeeper's znodes and watches (mntr)
# Writes results.txt (and every node's log) into the output folder.
#
# Usage: bench/cluster-300.sh [--accounts N] [--assets N] [--nodes N] [--delay MS] [--window S] [--heap SIZE]
#                             [--out DIR]
#   defaults: 300 accounts, 3 assets each, 3 nodes, delay 1000 ms, window 120 s, heap 384m per node
# Needs: target/camel-icloud.jar and the test classes (mvn -B package -DskipTests; mvn -B test-compile), psql, bc, jcmd.
set -euo pipefail
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/camel-icloud.jar"
ACCOUNTS=300
ASSETS=3
NODES=3
DELAY=1000
WINDOW=120
HEAP=384m
SHARDS=64
OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --accounts) ACCOUNTS="${2:?}"; shift 2 ;;
    --assets) ASSETS="${2:?}"; shift 2 ;;
    --nodes) NODES="${2:?}"; shift 2 ;;
    --delay) DELAY="${2:?}"; shift 2 ;;
    --window) WINDOW="${2:?}"; shift 2 ;;
    --heap) HEAP="${2:?}"; shift 2 ;;
    --out) OUT="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "cluster-300: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f "$JAR" ]] || { echo "cluster-300: no $JAR; build it: mvn -B package -DskipTests" >&2; exit 2; }
[[ -d "$ROOT/target/test-classes/io/github/camelicloud/bench" ]] || {
  echo "cluster-300: no test classes; run: mvn -B test-compile" >&2; exit 2; }
OUT="${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-cluster-$ACCOUNTS}"
mkdir -p "$OUT"
echo "cluster-300: $ACCOUNTS accounts x $ASSETS assets over $NODES nodes; results in $OUT"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  exec 3>&- 2>/dev/null || true
}
trap cleanup EXIT

(cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null)
mkfifo "$OUT/servers.in"
java -Xmx768m -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/classpath.txt")" \
  io.github.camelicloud.bench.ClusterBenchServers "$OUT" "$ACCOUNTS" "$ASSETS" <"$OUT/servers.in" >"$OUT/servers.log" 2>&1 &
SERVERS=$!
PIDS+=("$SERVERS")
exec 3>"$OUT/servers.in"   # the servers run until this closes
for _ in $(seq 600); do [[ -f "$OUT/servers.env" ]] && break; kill -0 "$SERVERS" || { cat "$OUT/servers.log"; exit 1; }; sleep 0.5; done
# shellcheck disable=SC1091
source "$OUT/servers.env"
PSQL=(psql -X -q -t -A "postgresql://postgres@127.0.0.1:$PG_PORT/postgres")
head -c 32 /dev/urandom | base64 >"$OUT/cluster.key"

routes() {
  for ((i = 0; i < ACCOUNTS; i++)); do cat <<YAML
- beans:
    - name: s3a$i
      type: "#class:io.github.camelicloud.app.routes.S3Mirror"
      properties: {bucket: bench, prefix: a$i/, endpoint: "$S3_ENDPOINT", region: us-east-1, accessKey: $S3_ACCESS_KEY, secretKey: $S3_SECRET_KEY}
- route:
    id: icloud-a$i
    routePolicy: s3a$i
    from:
      uri: icloud:photos
      parameters: {username: "bench$i@example.com", password: pw, domain: "$APPLE_URL", cookieDirectory: cookies, delay: $DELAY, initialDelay: 1000, maxRetries: 1, retryDelaySeconds: 1, idempotentRepository: "#s3a$i"}
      steps:
        - process: {ref: s3a$i}
YAML
  done
}

START=$(date +%s.%N)
for ((n = 1; n <= NODES; n++)); do
  dir="$OUT/node-$n"
  mkdir -p "$dir/routes"
  cat >"$dir/application.properties" <<PROPS
camel.main.name = node-$n
camel.main.routes-include-pattern = file:routes/*.camel.yaml
icloud.cluster.zookeeper = $ZOOKEEPER
icloud.cluster.node-id = node-$n
icloud.cluster.shards = $SHARDS
icloud.cluster.session-timeout-ms = 20000
icloud.cluster.key-file = $OUT/cluster.key
icloud.state.jdbc-url = $JDBC_URL
PROPS
  routes >"$dir/routes/accounts.camel.yaml"
  (cd "$dir" && exec java "-Xmx$HEAP" -XX:+UseSerialGC -jar "$JAR" >"$dir/node.log" 2>&1) &
  PIDS+=("$!")
done
NODE_PIDS=("${PIDS[@]:1}")

echo "cluster-300: waiting for the first full sync of every account"
last=-1; stable=0
while true; do
  for pid in "${NODE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a node exited; see $OUT/node-*/node.log" >&2; exit 1; }; done
  row=$("${PSQL[@]}" -c "SELECT count(DISTINCT record_name) || ' ' || count(*) FROM delivered_file" 2>/dev/null || echo "0 0")
  read -r records files <<<"$row"
  if [[ "$records" -ge "$ACCOUNTS" && "$files" -eq "$last" ]]; then stable=$((stable + 1)); else stable=0; fi
  last=$files
  [[ $stable -ge 5 ]] && break
  sleep 2
done
FULL=$(echo "$(date +%s.%N) - $START - 10" | bc)

cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_writes() { "${PSQL[@]}" -c "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = 'postgres'" | tr '|' ' '; }
polls() { grep -c "Looking up " "$OUT/node-$1/node.log" || true; }
mntr() { (exec 5<>"/dev/tcp/127.0.0.1/$ZOOKEEPER_PORT" && echo mntr >&5 && timeout 3 cat <&5) 2>/dev/null | awk -v k="$1" '$1 == k {print $2}'; }

declare -A CPU0 POLLS0
for ((n = 1; n <= NODES; n++)); do CPU0[$n]=$(cpu "${NODE_PIDS[$((n - 1))]}"); POLLS0[$n]=$(polls "$n"); done
read -r XACT0 TUP0 <<<"$(pg_writes)"
"${PSQL[@]}" -c "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables ORDER BY 1" >"$OUT/tables-0.txt"
echo "cluster-300: first sync done in ${FULL} s; measuring $WINDOW s of incremental polls"
sleep "$WINDOW"
read -r XACT1 TUP1 <<<"$(pg_writes)"
"${PSQL[@]}" -c "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables ORDER BY 1" >"$OUT/tables-1.txt"

{
  echo "accounts=$ACCOUNTS assets=$ASSETS nodes=$NODES delay_ms=$DELAY window_s=$WINDOW heap=$HEAP shards=$SHARDS"
  echo "full_sync_s=$FULL"
  total=0
  for ((n = 1; n <= NODES; n++)); do
    pid=${NODE_PIDS[$((n - 1))]}
    p=$(( $(polls "$n") - POLLS0[$n] )); total=$((total + p))
    c=$(echo "$(cpu "$pid") - ${CPU0[$n]}" | bc)
    heap=$(jcmd "$pid" GC.run >/dev/null 2>&1; jcmd "$pid" GC.heap_info 2>/dev/null | awk '/def new generation|tenured generation/ {gsub("K","",$6); s += $6} END {printf "%.0f", s / 1024}')
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    led=$(grep -c "leads shard" "$OUT/node-$n/node.log" || true)
    echo "node-$n polls=$p cpu_s=$c cpu_per_poll_ms=$(echo "scale=1; 1000 * $c / ($p + 0.0001)" | bc) heap_used_mb=$heap rss_mb=$rss shards_taken=$led"
  done
  echo "polls_total=$total polls_per_s=$(echo "scale=2; $total / $WINDOW" | bc)"
  echo "round_s=$(echo "scale=1; $ACCOUNTS * $WINDOW / ($total + 0.0001)" | bc)  (every account polled once)"
  echo "pg_xact_per_poll=$(echo "scale=2; ($XACT1 - $XACT0) / ($total + 0.0001)" | bc) pg_row_writes_per_poll=$(echo "scale=2; ($TUP1 - $TUP0) / ($total + 0.0001)" | bc)"
  echo "pg row writes per table in the window:"
  join -t '|' "$OUT/tables-0.txt" "$OUT/tables-1.txt" | awk -F'|' '{d = $3 - $2; if (d > 0) print "  " $1 " " d}'
  echo "zookeeper znodes=$(mntr zk_znode_count) watches=$(mntr zk_watch_count) ephemerals=$(mntr zk_ephemerals_count)"
} | tee "$OUT/results.txt"
