#!/usr/bin/env bash
# crash-check.sh: kill -9 the sync at random moments, restart, and check nothing is ever left half-done.
#
# Starts the simulator (from the jar) and the test S3 and SFTP servers (test classes: S3Proxy and MINA SSHD, run
# by destinations.TestServersMain), then ROUNDS times starts a sync into a local folder + an S3 bucket + an SFTP
# folder at once and kills it with SIGKILL after a random delay. A last run goes to the end; then every
# destination must hold exactly the manifest's files, byte for byte: no partial file under a final name, none
# missing, no duplicate, and no state entry (remote destinations' delivered records) for a file the destination lacks.
#
# Usage: scripts/crash-check.sh [--rounds N] [--assets N] [--seed S] [--max-delay SECONDS] [--keep]
# Exit status 0 when every destination is exact. Takes a few minutes (20 rounds, 30 assets).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/camel-icloud.jar"
ROUNDS=20
ASSETS=30
SEED="${RANDOM}"
MAX_DELAY=15
KEEP=0
USER_ID="crash@example.com"
PASSWORD="crash-pw"
BUCKET="crash"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --assets) ASSETS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --max-delay) MAX_DELAY="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "crash-check: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf '[crash-check] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/camel-icloud-crash.XXXXXX")"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ "$KEEP" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

cd "$ROOT"
if [[ ! -f "$JAR" ]]; then
  log "building the jar"; mvn -B -q -DskipTests package || die "build failed"
fi
if [[ ! -f target/test-classes/io/github/camelicloud/destinations/TestServersMain.class ]]; then
  log "compiling the test servers"; mvn -B -q test-compile || die "test-compile failed"
fi
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" > /dev/null \
  || die "cannot resolve the test classpath"
TEST_CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
log "simulator: $ASSETS assets (seed $SEED) on $BASE; S3 + SFTP test servers; $ROUNDS rounds of kill -9"
java -jar "$JAR" simulator --port "$PORT" --assets "$ASSETS" --seed "$SEED" --video-size 2M --srp-iterations 1000 \
  --account "$USER_ID:$PASSWORD:nomfa" > "$WORK/simulator.log" 2>&1 &
PIDS+=($!)
java -cp "$TEST_CP" io.github.camelicloud.destinations.TestServersMain "$WORK/servers" "$BUCKET" \
  > "$WORK/servers.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do
  grep -q "listening on" "$WORK/simulator.log" 2>/dev/null && [[ -f "$WORK/servers/servers.env" ]] && break
  sleep 0.2
done
grep -q "listening on" "$WORK/simulator.log" || die "the simulator did not start: $(tail -3 "$WORK/simulator.log")"
[[ -f "$WORK/servers/servers.env" ]] || die "the test servers did not start: $(tail -3 "$WORK/servers.log")"
# shellcheck disable=SC1091
source "$WORK/servers/servers.env"

sync_cmd() {
  AWS_ACCESS_KEY_ID=access-key-1 AWS_SECRET_ACCESS_KEY=secret-key-1 SFTP_PASSWORD="$SFTP_PASSWORD" exec \
    java -jar "$JAR" --username "$USER_ID" --password "$PASSWORD" --domain "$BASE" \
    --cookie-directory "$WORK/cookies" --state-directory "$WORK/state" --directory "$WORK/folder" \
    --s3-bucket "$BUCKET" --s3-endpoint "$S3_ENDPOINT" --s3-region us-east-1 \
    --sftp-uri "sftp://$SFTP_USER@127.0.0.1:$SFTP_PORT/photos" --sftp-known-hosts "$KNOWN_HOSTS" \
    --no-progress-bar --retry-delay 1
}

killed=0; finished=0
for round in $(seq 1 "$ROUNDS"); do
  # New photos every round, so each run has downloads and uploads to interrupt (not just a no-change pass).
  for i in 1 2 3 4; do
    curl -fsS -X POST "$BASE/_simulator/assets?account=$USER_ID" -H 'Content-Type: application/json' \
      -d "{\"fileName\":\"CRASH_${round}_$i.JPG\",\"size\":6000000}" > /dev/null || die "cannot add an asset"
  done
  delay=$(awk -v seed="$SEED$round" -v max="$MAX_DELAY" 'BEGIN {srand(seed); printf "%.1f", 2 + rand() * (max - 2)}')
  sync_cmd > "$WORK/round-$round.log" 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    killed=$((killed + 1)); wait "$pid" 2>/dev/null || true
    log "round $round: killed after ${delay}s ($(grep -cE 'Downloaded|Uploaded' "$WORK/round-$round.log" || true) lines of progress)"
  else
    wait "$pid" 2>/dev/null && finished=$((finished + 1)) || true
    log "round $round: the sync ended before the kill at ${delay}s"
  fi
done

log "final run, to the end"
( sync_cmd ) > "$WORK/final.log" 2>&1 || die "the final run failed: $(grep ERROR "$WORK/final.log" | tail -2)"
curl -fsS "$BASE/_simulator/manifest?account=$USER_ID" > "$WORK/manifest.json"

set +e
python3 - "$WORK/manifest.json" "$WORK/folder" "$S3_BLOBS/$BUCKET" "$SFTP_ROOT/photos" "$WORK/state" <<'PY'
import hashlib, json, os, sys
manifest, folder, s3, sftp, state = sys.argv[1:6]
m = json.load(open(manifest))
expected = {}   # sha256 -> count
by_checksum = {}
for a in m["assets"]:
    for v in a["versions"].values():
        by_checksum[v["fileChecksum"]] = v["sha256"]
    if a["zone"] != "PrimarySync" or a["hidden"] or a["deleted"]:
        continue
    vs = a["versions"]
    expected[vs["resOriginal"]["sha256"]] = expected.get(vs["resOriginal"]["sha256"], 0) + 1
    if "resOriginalVidCompl" in vs and a["itemType"] != "com.apple.quicktime-movie":
        h = vs["resOriginalVidCompl"]["sha256"]
        expected[h] = expected.get(h, 0) + 1

def scan(root):
    files, partial = {}, []
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            if n.endswith(".part") or n.startswith(".") and "part" in n:
                partial.append(os.path.relpath(p, root)); continue
            h = hashlib.sha256()
            with open(p, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            files.setdefault(h.hexdigest(), []).append(os.path.relpath(p, root))
    return files, partial

failed = False
for name, root, kind in (("folder", folder, None), ("S3", s3, "s3"), ("SFTP", sftp, "sftp")):
    files, partial = scan(root)
    missing = [h for h in expected if h not in files]
    dup = {h: p for h, p in files.items() if h in expected and len(p) > expected[h]}
    foreign = {h: p for h, p in files.items() if h not in expected}
    problems = []
    if missing: problems.append("%d missing" % len(missing))
    if dup: problems.append("%d duplicated: %s" % (len(dup), list(dup.values())[:3]))
    if foreign: problems.append("%d with wrong bytes (partial under a final name?): %s" % (len(foreign), list(foreign.values())[:3]))
    if partial: problems.append("%d temporary files left: %s" % (len(partial), partial[:3]))
    if kind:
        entries = 0
        for f in os.listdir(state) if os.path.isdir(state) else []:
            if not f.startswith(kind + "-"):
                continue
            for line in open(os.path.join(state, f)):
                key = line.strip()
                if not key:
                    continue
                entries += 1
                sha = by_checksum.get(key.split(":")[-1])
                if sha is None or sha not in files:
                    problems.append("state entry %s without its file" % key[:40])
        state_note = ", %d state entries" % entries
    else:
        state_note = ""
    total = sum(len(p) for p in files.values())
    if problems:
        failed = True
        print("FAIL %-6s %s" % (name, "; ".join(problems[:5])))
    else:
        print("OK   %-6s %d files, exactly the manifest (%d expected)%s" % (name, total, sum(expected.values()), state_note))
sys.exit(1 if failed else 0)
PY
rc=$?
set -e
log "$killed rounds killed mid-run, $finished ended before the kill"
exit $rc
