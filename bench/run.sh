#!/usr/bin/env bash
# bench/run.sh: camel-icloud next to its peers and to the network's limit, over a simulated WAN.
#
# Starts the simulator with a generated library behind a network model (--network: a round trip per request, a
# bandwidth cap per connection and one for the link; docs/simulator-fidelity.md), then, on that one library:
#   full          every client syncs into an empty folder (sign-in with the MFA code included)
#   no-change     every client runs again over its full folder
#   small-change  one photo is added to the library, then every client runs again
# for camel-icloud and, with --peers, icloudpd 1.32.2 and icloud-photos-sync 4.0.0 (Apple-host mode, HTTPS, as
# scripts/peer-check.sh runs them), plus the limit: the same files fetched by one `curl --parallel` process
# (keep-alive) and the computed bound (bytes / link cap + the round trips no client can avoid x latency).
# Each run: wall time, CPU seconds (user + sys of the client's process tree), peak RSS (largest process of the
# tree), requests and body bytes as the simulator counted them. Writes results.csv, chart.png (gnuplot) and
# limit.txt into the output folder and prints the ratios (bench/report.sh, which can also be run again alone). --listing N adds a listing run (metadata only, no
# download) on an N-asset library for camel-icloud and icloudpd: time to list and peak memory (listing.csv).
#
# Usage: bench/run.sh [--network PROFILE] [--peers] [--assets N] [--video-size SIZE] [--listing N] [--out DIR]
#   --network PROFILE  lan, broadband, slow, none or custom:latency-ms=N,per-connection=RATE,link=RATE
#                      (default broadband)
#   --peers            also icloudpd and icloud-photos-sync; needs root (Apple's host names are mapped to 127.0.0.1
#                      in /etc/hosts for the run, restored after; the simulator binds port 443) and the npm registry.
#                      Without it the simulator serves plain HTTP on a free port and only camel-icloud runs.
#   --assets N         generated assets (default 2000; photos are 0.3-3 MB)
#   --video-size SIZE  size of every video's original (default 1M)
#   --listing N        also the listing run on N assets (e.g. 100000); with --peers icloudpd lists too
#   --listing-only     only the listing run (with --listing N)
#   --parallel N       connections of the curl limit (default 16)
#   --out DIR          where results go (default bench/results/<UTC time>-<profile>)
set -euo pipefail
umask 077   # the cookie folders hold sessions

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${CAMEL_ICLOUD_JAR:-$ROOT/target/camel-icloud.jar}"   # another build: CAMEL_ICLOUD_JAR
NETWORK="broadband"
ASSETS=2000
VIDEO_SIZE="1M"
LISTING=0
PARALLEL=16
OUT=""
PEERS=0
LISTING_ONLY=0
ACCOUNT="icloudpd@example.com"   # a salt icloudpd 1.32.2's SRP copes with (see scripts/peer-check.sh)
PASSWORD="peer-Passw0rd"
CODE="246810"
CLIENT_TIMEOUT=7200

while [[ $# -gt 0 ]]; do
  case "$1" in
    --network) NETWORK="${2:?--network needs a profile}"; shift 2 ;;
    --assets) ASSETS="${2:?}"; shift 2 ;;
    --video-size) VIDEO_SIZE="${2:?}"; shift 2 ;;
    --listing) LISTING="${2:?}"; shift 2 ;;
    --parallel) PARALLEL="${2:?}"; shift 2 ;;
    --out) OUT="${2:?}"; shift 2 ;;
    --peers) PEERS=1; shift ;;
    --listing-only) LISTING_ONLY=1; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ASSETS" "$LISTING" "$PARALLEL"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench: --assets, --listing and --parallel take whole numbers" >&2; exit 2; }
done
[[ "$ASSETS" -gt 0 ]] || { echo "bench: --assets must be positive" >&2; exit 2; }

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java curl awk python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed (Debian package: time)"
if [[ "$PEERS" == 1 ]]; then
  [[ "$(id -u)" == 0 ]] || die "--peers needs root (the hosts file is changed and the simulator binds port 443)"
  command -v npm >/dev/null || die "--peers needs npm (the peers are installed from the npm registry)"
fi

OUT="${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-${NETWORK%%:*}}"
mkdir -p "$OUT"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/camel-icloud-bench.XXXXXX")"
WORK="$TMP"
CSV="$OUT/results.csv"
SIM_PID=""
source "$ROOT/scripts/peer-lib.sh"

stop_simulator() {
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=""; fi
}
cleanup() {
  local rc=$?
  local job
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  stop_simulator
  restore_hosts || rc=1
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

if [[ ! -f "$JAR" ]]; then
  log "building $JAR (mvn -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package) || die "the build failed"
fi

# ---------------------------------------------------------------- simulator (plain HTTP, or Apple's hosts on 443)
CA="$WORK/simulator-ca.pem"
CURL_TLS=()
if [[ "$PEERS" == 1 ]]; then
  PORT=443
  HOOK="https://setup.icloud.com"
  CURL_TLS=(--cacert "$CA")
  DOMAIN=(--domain com)
  map_hosts
  for n in "${NAMES[@]}"; do
    [[ "$(getent hosts "$n" | awk '{print $1; exit}')" == 127.0.0.1 ]] || die "$n does not resolve to 127.0.0.1"
  done
else
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  HOOK="http://127.0.0.1:$PORT"
  DOMAIN=(--domain "$HOOK")
fi
hook() { curl -fsS "${CURL_TLS[@]}" "$@"; }

# start_simulator ASSETS LOG: the library of ASSETS assets (seed 7) behind the network model; waits until it answers.
start_simulator() {
  local assets="$1" logfile="$2" args
  args=(simulator --port "$PORT" --account "$ACCOUNT:$PASSWORD:mfa" --mfa-code "$CODE" --assets "$assets" --seed 7
        --video-size "$VIDEO_SIZE" --network "$NETWORK")
  [[ "$PEERS" == 1 ]] && args+=(--apple-hosts --ca-out "$CA")
  rm -f "$CA"
  java -Xmx4g -jar "$JAR" "${args[@]}" > "$logfile" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 1200); do
    if [[ "$PEERS" == 0 || -s "$CA" ]] && hook -o /dev/null "$HOOK/_simulator/state" 2>/dev/null; then
      # Each start makes a new CA: our client trusts it through a PKCS12 store made from the PEM.
      if [[ "$PEERS" == 1 ]]; then
        rm -f "$WORK/truststore.p12"
        keytool -importcert -noprompt -alias simulator-ca -file "$CA" -keystore "$WORK/truststore.p12" \
          -storetype PKCS12 -storepass changeit >/dev/null 2>&1
      fi
      return 0
    fi
    kill -0 "$SIM_PID" 2>/dev/null || die "the simulator stopped: $(tail -5 "$logfile")"
    sleep 0.2
  done
  die "the simulator did not answer within 240 s"
}

log "simulator: $ASSETS assets, network $NETWORK, $([[ "$PEERS" == 1 ]] && echo "Apple-host mode (HTTPS, port 443)" || echo "plain HTTP on $HOOK")"
start_simulator "$ASSETS" "$OUT/simulator.log"
hook "$HOOK/_simulator/network" > "$OUT/network.json"
read -r LATENCY_MS LINK PER_CONN HANDSHAKES < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["latencyMs"], d["linkBytesPerSecond"], d["perConnectionBytesPerSecond"], d["handshakeRoundTrips"])' "$OUT/network.json")

# Signed URLs of every file a full sync fetches (originals, live-photo videos), on the content host.
download_urls() {
  hook "$HOOK/_simulator/download-urls?account=$ACCOUNT" | sed 's#^https://setup\.icloud\.com#https://cvws.icloud-content.com#'
}
download_urls > "$WORK/urls.txt"
FILES=$(wc -l < "$WORK/urls.txt")
BYTES=$(awk '{s += $2} END {printf "%.0f", s}' "$WORK/urls.txt")
log "library: $FILES files to download, $(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1e6}') MB"

# ---------------------------------------------------------------- measuring one run
echo "tool,phase,seconds,cpu_seconds,peak_rss_mb,requests,bytes" > "$CSV"

# measure TOOL PHASE COMMAND...: runs COMMAND (stdin: the MFA code) with the network's counts reset, appends a row.
measure() {
  local tool="$1" phase="$2" rc wall user sys rss requests bytes
  shift 2
  hook -X DELETE -o /dev/null "$HOOK/_simulator/network"
  log "$tool: $phase"
  set +e
  printf '%s\n' "$CODE" | /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" timeout "$CLIENT_TIMEOUT" "$@" \
    > "$OUT/$tool-$phase.log" 2>&1
  rc=$?
  set -e
  read -r wall user sys rss < <(tail -1 "$WORK/time")
  read -r requests bytes < <(hook "$HOOK/_simulator/network" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["requests"], d["bytes"])')
  printf '%s,%s,%.2f,%.2f,%d,%d,%d\n' "$tool" "$phase" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" \
    $(( rss / 1024 )) "$requests" "$bytes" >> "$CSV"
  [[ $rc == 0 ]] || log "WARNING: $tool ($phase) exited with $rc: $(grep -iE 'error' "$OUT/$tool-$phase.log" | tail -1)"
}

# ---------------------------------------------------------------- the clients
JAVA_TLS=()
if [[ "$PEERS" == 1 ]]; then
  JAVA_TLS=(-Djavax.net.ssl.trustStore="$WORK/truststore.p12" -Djavax.net.ssl.trustStorePassword=changeit
            -Djavax.net.ssl.trustStoreType=PKCS12)
  install_clients
  IPS_LOG_FLAGS="--log-level info"
  export CLIENT_TIMEOUT NODE22 IPS_MAIN ACCOUNT PASSWORD CODE CA IPS_LOG_FLAGS
  export -f ips_sync log
fi

# run_client TOOL PHASE [EXTRA FLAGS...]: one run of TOOL into its own folder (kept between phases).
run_client() {
  local tool="$1" phase="$2" watcher
  shift 2
  local dir="$WORK/out/$tool" cookies="$WORK/cookies/$tool"
  mkdir -p "$dir" "$cookies"
  case "$tool" in
    camel-icloud)
      # as users start it: bin/camel-icloud (its class-data archive, written by the full run, serves the later ones)
      CAMEL_ICLOUD_JAR="$JAR" JAVA_OPTS="${JAVA_TLS[*]} ${EXTRA_JAVA_OPTS:-}" XDG_CACHE_HOME="$WORK/cache" \
        measure "$tool" "$phase" "$ROOT/bin/camel-icloud" --username "$ACCOUNT" --password "$PASSWORD" \
        --directory "$dir" --cookie-directory "$cookies" "${DOMAIN[@]}" --no-progress-bar "$@" ;;
    icloudpd)
      mkdir -p "$WORK/icloudpd-tmp"
      trust_certifi_copy "$WORK/icloudpd-tmp" & watcher=$!
      TMPDIR="$WORK/icloudpd-tmp" REQUESTS_CA_BUNDLE="$CA" SSL_CERT_FILE="$CA" measure "$tool" "$phase" \
        "$ICLOUDPD_BIN" --username "$ACCOUNT" --password "$PASSWORD" --directory "$dir" --cookie-directory "$cookies" \
        --domain com --no-progress-bar --threads-num 4 "$@"
      kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true ;;
    icloud-photos-sync)
      measure "$tool" "$phase" bash -c 'ips_sync "$1"' ips "$dir" ;;
  esac
}

TOOLS=(camel-icloud)
[[ "$PEERS" == 1 ]] && TOOLS+=(icloudpd icloud-photos-sync)

# The limit: one curl process, PARALLEL connections kept alive, fetching the files in FILE.
curl_limit() {
  local phase="$1" list="$2"
  mkdir -p "$WORK/curl"
  awk -v dir="$WORK/curl" '{printf "url = \"%s\"\noutput = \"%s/%d\"\n", $1, dir, NR}' "$list" > "$WORK/curl.config"
  measure limit "$phase" curl -fsS --parallel --parallel-max "$PARALLEL" "${CURL_TLS[@]}" -K "$WORK/curl.config"
  rm -rf "$WORK/curl"
}

if [[ "$LISTING_ONLY" == 0 ]]; then
  for tool in "${TOOLS[@]}"; do run_client "$tool" full; done
  curl_limit full "$WORK/urls.txt"
  for tool in "${TOOLS[@]}"; do run_client "$tool" no-change; done
  printf 'limit,no-change,%.2f,,,2,0\n' "$(awk -v l="$LATENCY_MS" -v h="$HANDSHAKES" 'BEGIN {print (h + 2) * l / 1000}')" >> "$CSV"

  log "adding one photo to the library"
  hook -X POST -H 'Content-Type: application/json' -o /dev/null \
    --data '{"fileName":"IMG_BENCH_NEW.JPG","size":2500000}' "$HOOK/_simulator/assets?account=$ACCOUNT"
  download_urls > "$WORK/urls-after.txt"
  # The new file(s): URLs whose path (the token before '?') the first list did not have.
  awk 'NR == FNR {split($1, a, "?"); seen[a[1]] = 1; next} {split($1, a, "?"); if (!(a[1] in seen)) print}' \
    "$WORK/urls.txt" "$WORK/urls-after.txt" > "$WORK/urls-new.txt"
  for tool in "${TOOLS[@]}"; do run_client "$tool" small-change; done
  curl_limit small-change "$WORK/urls-new.txt"
fi

# ---------------------------------------------------------------- listing run (metadata only)
if [[ "$LISTING" -gt 0 ]]; then
  stop_simulator
  log "listing run: $LISTING assets"
  start_simulator "$LISTING" "$OUT/simulator-listing.log"
  echo "tool,assets,seconds,cpu_seconds,peak_rss_mb,peak_heap_mb,requests" > "$OUT/listing.csv"
  list_run() {
    local tool="$1" heap=""
    rm -rf "$WORK/out/$tool" "$WORK/cookies/$tool"
    # JAVA_OPTS, not JAVA_TOOL_OPTIONS: bin/camel-icloud's own -Xlog:disable comes after the latter and silenced it
    CSV="$CSV.listing" EXTRA_JAVA_OPTS="${2:-}" run_client "$tool" listing --only-print-filenames
    if [[ "$tool" == camel-icloud ]]; then
      # The heap's peak: the most it held before any collection (the GC log's "USEDM->AFTERM").
      heap=$(grep -oE '[0-9]+M->' "$WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1 || true)
      [[ -n "$heap" ]] || log "WARNING: no collection in $WORK/gc.log: the heap's peak is unknown"
    fi
    awk -F, -v n="$LISTING" -v heap="$heap" '{printf "%s,%s,%s,%s,%s,%s,%s\n", $1, n, $3, $4, $5, heap, $6}' \
      "$CSV.listing" >> "$OUT/listing.csv"
    rm -f "$CSV.listing"
  }
  list_run camel-icloud "-Xlog:gc:file=$WORK/gc.log"
  [[ "$PEERS" == 1 ]] && list_run icloudpd
fi
stop_simulator

# ---------------------------------------------------------------- report
echo "${NETWORK%%:*} $ASSETS $FILES $BYTES $PARALLEL" > "$OUT/library.txt"
if [[ "$LISTING_ONLY" == 1 ]]; then
  echo "Listing run (metadata only):"; column -t -s, "$OUT/listing.csv"
else
  "$ROOT/bench/report.sh" "$OUT"
fi
echo "Load when done: $(uptime)" | tee "$OUT/load.txt"
log "results in $OUT"
