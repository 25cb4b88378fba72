#!/usr/bin/env bash
# bench/run.sh: how fast camel-icloud syncs, next to what the loopback allows, on a generated library.
#
# Builds the jar if missing, starts the simulator (plain HTTP on 127.0.0.1) with a generated library, then in one
# run measures:
#   full       our full sync into an empty folder (wall time, MB/s, assets/s, peak RSS, peak heap)
#   curl       the same files fetched by curl, in parallel (xargs -P), from fresh signed URLs: the loopback limit
#   no-change  a second run over the full folder (signs in with the stored session, lists, writes nothing)
#   poll       the requests one no-change pass of watch mode makes (simulator's /_simulator/stats)
# and prints a table, writes results.csv and (with gnuplot) chart.png into the output folder.
#
# Usage: bench/run.sh [--assets N] [--video-size SIZE] [--jobs J] [--port P] [--out DIR] [--peers]
#   --assets N        generated assets (default 2000; 10000 for the full size)
#   --video-size SIZE size of every video's original (default 1M; photos are 0.3-3 MB: 2000 assets = 3.5 GB)
#   --jobs J          parallel curl downloads (default 8)
#   --out DIR         where results go (default bench/results/<UTC time>)
#   --peers           also run icloudpd 1.32.2 and icloud-photos-sync 4.0.0 through scripts/peer-check.sh (root,
#                     npm registry; it maps Apple's host names in /etc/hosts for the run and restores the file)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/camel-icloud.jar"
ASSETS=2000
VIDEO_SIZE="1M"
JOBS=8
PORT=0
OUT=""
PEERS=0
USER_ID="bench@example.com"
PASSWORD="bench-pw"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --assets) ASSETS="$2"; shift 2 ;;
    --video-size) VIDEO_SIZE="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --peers) PEERS=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ASSETS" =~ ^[0-9]+$ && "$ASSETS" -gt 0 ]] || { echo "bench: --assets needs a positive number" >&2; exit 2; }

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java curl xargs awk; do command -v "$tool" >/dev/null || die "$tool is needed"; done

OUT="${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/camel-icloud-bench.XXXXXX")"
SIM_PID=""
cleanup() {
  [[ -n "$SIM_PID" ]] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -f "$JAR" ]]; then
  log "building $JAR (mvn -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package) || die "the build failed"
fi

# ---------------------------------------------------------------- simulator
if [[ "$PORT" == 0 ]]; then
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo 18080)"
fi
BASE="http://127.0.0.1:$PORT"
SIM_ARGS=(simulator --port "$PORT" --assets "$ASSETS" --seed 1 --srp-iterations 1000
          --account "$USER_ID:$PASSWORD:nomfa")
[[ -n "$VIDEO_SIZE" ]] && SIM_ARGS+=(--video-size "$VIDEO_SIZE")
log "starting the simulator with $ASSETS assets on $BASE"
java -Xmx2g -jar "$JAR" "${SIM_ARGS[@]}" > "$OUT/simulator.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$OUT/simulator.log" 2>/dev/null && break
  kill -0 "$SIM_PID" 2>/dev/null || die "the simulator stopped: $(tail -5 "$OUT/simulator.log")"
  sleep 0.2
done
grep -q "listening on" "$OUT/simulator.log" || die "the simulator did not start in 120 s"

curl -fsS "$BASE/_simulator/download-urls?account=$USER_ID" > "$WORK/urls.txt"
FILES=$(wc -l < "$WORK/urls.txt")
BYTES=$(awk '{s += $2} END {printf "%d", s}' "$WORK/urls.txt")
MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1048576}')
log "library: $ASSETS assets, $FILES files to download, $MB MiB"

now() { date +%s.%N; }
stats_reset() { curl -fsS -X DELETE "$BASE/_simulator/stats" > /dev/null; }
stats_total() { curl -fsS "$BASE/_simulator/stats" | awk -F': ' '/"total"/ {gsub(/[ ,]/, "", $2); print $2; exit}'; }

# Peak RSS (VmHWM) and peak heap (jstat: survivor + eden + old used) of a running JVM, sampled twice a second.
watch_memory() {
  local pid="$1" file="$2" rss=0 heap=0 v
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$v" && "$v" -gt "$rss" ]] && rss="$v"
    if command -v jstat >/dev/null; then
      v=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 {printf "%d", $3 + $4 + $6 + $8}' || true)
      [[ -n "$v" && "$v" -gt "$heap" ]] && heap="$v"
    fi
    echo "$rss $heap" > "$file"
    sleep 0.5
  done
}

# Runs our CLI; sets RUN_SECONDS, RUN_RSS_MB, RUN_HEAP_MB, RUN_REQUESTS.
run_sync() {
  local name="$1"; shift
  stats_reset
  local t0; t0=$(now)
  java -jar "$JAR" --username "$USER_ID" --password "$PASSWORD" --domain "$BASE" \
    --cookie-directory "$WORK/cookies" --directory "$WORK/photos" --no-progress-bar "$@" > "$OUT/$name.log" 2>&1 &
  local pid=$!
  watch_memory "$pid" "$WORK/$name.mem" &
  local watcher=$!
  wait "$pid" || die "$name: camel-icloud failed: $(grep -E 'ERROR' "$OUT/$name.log" | tail -1)"
  RUN_SECONDS=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}')
  wait "$watcher" 2>/dev/null || true
  read -r rss heap < "$WORK/$name.mem" || { rss=0; heap=0; }
  RUN_RSS_MB=$(( rss / 1024 )); RUN_HEAP_MB=$(( heap / 1024 ))
  RUN_REQUESTS=$(stats_total)
}

# ---------------------------------------------------------------- (a) full sync
log "(a) full sync with camel-icloud"
run_sync full
FULL=("$RUN_SECONDS" "$RUN_RSS_MB" "$RUN_HEAP_MB" "$RUN_REQUESTS")
GOT=$(find "$WORK/photos" -type f ! -name '*.part' | wc -l)
[[ "$GOT" -eq "$FILES" ]] || log "WARNING: $GOT files in the folder, the library lists $FILES"

# ---------------------------------------------------------------- (b) curl, the loopback limit
log "(b) the same $FILES files with curl, $JOBS at a time"
mkdir -p "$WORK/curl"
stats_reset
t0=$(now)
awk '{print NR, $1}' "$WORK/urls.txt" | xargs -P "$JOBS" -n 2 sh -c 'curl -fsS -o "$0/$1" "$2"' "$WORK/curl"
CURL_SECONDS=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}')
CURL_REQUESTS=$(stats_total)
CURL_BYTES=$(du -sb "$WORK/curl" | awk '{print $1}')
rm -rf "$WORK/curl"

# ---------------------------------------------------------------- (c) no-change run
log "(c) second run, nothing changed"
run_sync nochange
NOCHANGE=("$RUN_SECONDS" "$RUN_RSS_MB" "$RUN_HEAP_MB" "$RUN_REQUESTS")

# ---------------------------------------------------------------- (d) one no-change poll in watch mode
log "(d) requests of one no-change watch poll"
java -jar "$JAR" --username "$USER_ID" --password "$PASSWORD" --domain "$BASE" --cookie-directory "$WORK/cookies" \
  --directory "$WORK/photos" --no-progress-bar --watch-with-interval 2 > "$OUT/watch.log" 2>&1 &
WATCH_PID=$!
waits() { grep -c "Waiting for" "$OUT/watch.log" 2>/dev/null || true; }
for _ in $(seq 1 600); do [[ "$(waits)" -ge 1 ]] && break; sleep 0.2; done
stats_reset
for _ in $(seq 1 600); do [[ "$(waits)" -ge 2 ]] && break; sleep 0.2; done
POLL_REQUESTS=$(stats_total)
curl -fsS "$BASE/_simulator/stats" > "$OUT/poll-requests.json"
kill "$WATCH_PID" 2>/dev/null; wait "$WATCH_PID" 2>/dev/null || true
[[ "$(waits)" -ge 2 ]] || log "WARNING: watch mode did not finish two passes; the poll count is partial"

# ---------------------------------------------------------------- results
mbps() { awk -v b="$BYTES" -v s="$1" 'BEGIN {printf "%.1f", (s > 0 ? b / 1048576 / s : 0)}'; }
aps() { awk -v n="$ASSETS" -v s="$1" 'BEGIN {printf "%.1f", (s > 0 ? n / s : 0)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (a > 0 ? b / a : 0)}'; }
{
  echo "run,seconds,mb_per_s,assets_per_s,ratio_to_curl,requests,peak_rss_mb,peak_heap_mb"
  echo "camel-icloud full,${FULL[0]},$(mbps "${FULL[0]}"),$(aps "${FULL[0]}"),$(ratio "${FULL[0]}" "$CURL_SECONDS"),${FULL[3]},${FULL[1]},${FULL[2]}"
  echo "curl -P $JOBS,$CURL_SECONDS,$(mbps "$CURL_SECONDS"),$(aps "$CURL_SECONDS"),1.00,$CURL_REQUESTS,,"
  echo "camel-icloud no-change,${NOCHANGE[0]},,$(aps "${NOCHANGE[0]}"),,${NOCHANGE[3]},${NOCHANGE[1]},${NOCHANGE[2]}"
  echo "watch poll (no change),,,,,$POLL_REQUESTS,,"
} > "$OUT/results.csv"

echo
echo "camel-icloud benchmark: $ASSETS assets, $FILES files, $MB MiB (simulator on loopback, $(nproc) cores)"
column -t -s, "$OUT/results.csv" 2>/dev/null || cat "$OUT/results.csv"
echo "(ratio_to_curl: curl's time / ours; 1.00 = as fast as the loopback allows)"
[[ "$CURL_BYTES" -ge "$BYTES" ]] || log "WARNING: curl fetched $CURL_BYTES of $BYTES bytes"

# ---------------------------------------------------------------- chart
if ! command -v gnuplot >/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  log "installing gnuplot-nox (Debian) for the chart"
  apt-get install -y -qq gnuplot-nox >/dev/null 2>&1 || log "could not install gnuplot"
fi
if command -v gnuplot >/dev/null; then
  gnuplot <<GP
set terminal pngcairo size 900,500 noenhanced
set output "$OUT/chart.png"
set datafile separator ","
set title "camel-icloud: $ASSETS assets, $MB MiB on loopback"
set style data histograms
set style fill solid 0.8
set ylabel "seconds (lower is better)"
set yrange [0:*]
set key off
plot "$OUT/results.csv" every ::1::3 using 2:xtic(1) lc rgb "#3b7dd8"
GP
  log "chart: $OUT/chart.png"
else
  log "no gnuplot: chart skipped (apt-get install gnuplot-nox, then run again)"
fi

# ---------------------------------------------------------------- peers (optional)
if [[ "$PEERS" == 1 ]]; then
  [[ "$(id -u)" == 0 ]] || die "--peers needs root (peer-check.sh maps host names and binds port 443)"
  log "peers: icloudpd 1.32.2 and icloud-photos-sync 4.0.0 via scripts/peer-check.sh on $ASSETS assets"
  kill "$SIM_PID" 2>/dev/null; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=""
  PEER_ASSETS="$ASSETS" PEER_TIMEOUT=3600 "$ROOT/scripts/peer-check.sh" > "$OUT/peers.log" 2>&1 || log "peer-check reported a problem (see peers.log)"
  ours=$(awk '$1 == "OK" && $2 == "camel-icloud" && $NF ~ /^[0-9]+s$/ {t=$NF} END {sub(/s$/, "", t); print t}' "$OUT/peers.log")
  echo
  echo "Peers on the same library (Apple-host mode, HTTPS, sign-in with MFA included):"
  awk -v ours="$ours" '($1 == "OK" || $1 == "FAIL") && $NF ~ /^[0-9]+s$/ {t=$NF; sub(/s$/, "", t); r = (ours > 0 ? sprintf("%.2fx our time", t / ours) : ""); printf "  %-20s %6ss  %s\n", $2, t, r}' "$OUT/peers.log"
fi
log "results in $OUT"
