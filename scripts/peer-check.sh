#!/usr/bin/env bash
# peer-check.sh: real third-party iCloud clients, unmodified, against the simulator in Apple-host mode.
#
# Maps Apple's host names to 127.0.0.1 in the hosts file for the run (restored on success, failure and
# Ctrl-C), starts `camel-icloud simulator --apple-hosts --port 443` with a 200-asset library and an MFA
# account, installs icloudpd 1.32.2 and icloud-photos-sync 4.0.0 from the npm registry into a temporary
# folder, runs each (and our own client) against it, feeding the MFA code, and compares what each downloaded
# with the simulator's manifest. One summary line per client; exit status non-zero on any mismatch.
#
# Usage: sudo scripts/peer-check.sh [--self-test] [--keep] [--only icloudpd|ips|camel-icloud]
#   --self-test   only check that the hosts file is restored after success, failure and SIGINT
#   --keep        keep the temporary folder (downloads, logs) for inspection
#   --serve       map the hosts and run the simulator until interrupted (to try a client by hand)
# Environment: PEER_TMP (temporary folder, default mktemp), PEER_ASSETS (200), PEER_TIMEOUT (seconds per
# client, 300), HOSTS_FILE (/etc/hosts), PEER_FLAGS (the account's simulator flags, default mfa; e.g.
# PEER_FLAGS=mfa,hsa2-409 to see how each client copes with one of Apple's 2026 changes).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=peer-lib.sh
source "$ROOT/scripts/peer-lib.sh"
# The simulator gives half of its accounts (by a hash of the email) a salt starting with a zero byte, the
# padding trap of icloud-protocol.md §3.3 (Apple: 1 salt in 256). icloudpd 1.32.2's bundled SRP still fails on
# those (401 at signin/complete, see docs/simulator-fidelity.md), so the check uses an account whose salt
# does not start with 00; PEER_ACCOUNT=peer@example.com shows the failure.
ACCOUNT="${PEER_ACCOUNT:-icloudpd@example.com}"
PASSWORD="peer-Passw0rd"
CODE="246810"
ASSETS="${PEER_ASSETS:-200}"
FLAGS="${PEER_FLAGS:-mfa}"
CLIENT_TIMEOUT="${PEER_TIMEOUT:-300}"

log() { printf '[peer-check] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- self-test of the restore
# A child maps the names and then succeeds, fails, or hangs until SIGINT/SIGTERM; each time the hosts file
# must come back byte for byte.
hosts_probe() {
  local mode="$1"
  trap 'restore_hosts' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  map_hosts
  grep -q "127.0.0.1 idmsa.apple.com$" "$HOSTS_FILE" || exit 3
  echo mapped
  case "$mode" in
    ok) exit 0 ;;
    fail) false ;;            # set -e: fails like any step of the real run
    hang) sleep 30 & SLEEPER=$!; trap 'kill $SLEEPER 2>/dev/null; exit 130' INT
          trap 'kill $SLEEPER 2>/dev/null; exit 143' TERM; wait $SLEEPER ;;
  esac
  exit 0
}

self_test() {
  drop_stale_block
  local before; before="$(mktemp)"; cp "$HOSTS_FILE" "$before"
  local mode rc out pid
  for mode in ok fail hang-int hang-term; do
    case "$mode" in
      ok|fail) set +e; out="$(bash "$0" --hosts-probe "$mode" 2>&1)"; rc=$?; set -e ;;
      hang-*)
        local fifo; fifo="$(mktemp -u)"; mkfifo "$fifo"
        # A non-interactive shell starts background children with SIGINT ignored (and a script started in
        # the background inherits that): --default-signal gives the probe a real Ctrl-C to trap.
        env --default-signal=INT,TERM bash "$0" --hosts-probe hang > "$fifo" 2>&1 & pid=$!
        read -r out < "$fifo"; rm -f "$fifo"
        grep -q "127.0.0.1 idmsa.apple.com$" "$HOSTS_FILE" || { log "self-test: names not mapped while running"; return 1; }
        kill "-${mode#hang-}" "$pid"; set +e; wait "$pid"; rc=$?; set -e ;;
    esac
    if [[ "$out" != mapped* ]]; then log "self-test $mode: probe did not map the hosts ($out)"; return 1; fi
    if ! cmp -s "$before" "$HOSTS_FILE"; then
      log "self-test $mode: hosts file NOT restored (rc=$rc); restoring it from $before"
      cat "$before" > "$HOSTS_FILE"; return 1
    fi
    case "$mode" in hang-int) [[ $rc == 130 ]] ;; hang-term) [[ $rc == 143 ]] ;; ok) [[ $rc == 0 ]] ;; fail) [[ $rc != 0 ]] ;; esac \
      || { log "self-test $mode: unexpected exit status $rc"; return 1; }
    log "self-test: hosts file restored after '$mode' (exit $rc)"
  done
  rm -f "$before"
}

case "${1:-}" in
  --hosts-probe) hosts_probe "$2" ;;
esac

SELF_TEST_ONLY=0; KEEP=0; ONLY=""; SERVE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --self-test) SELF_TEST_ONLY=1 ;;
    --keep) KEEP=1 ;;
    --serve) SERVE=1 ;;
    --only) ONLY="$2"; shift ;;
    *) die "unknown argument: $1" ;;
  esac
  shift
done

[[ "$(id -u)" == 0 ]] || die "run as root (the hosts file is changed and the simulator binds port 443)"
self_test || die "hosts-file self-test failed"
if [[ "$SELF_TEST_ONLY" == 1 ]]; then log "self-test passed"; exit 0; fi

# ---------------------------------------------------------------- the run
START=$(date +%s)
TMP="${PEER_TMP:-$(mktemp -d /tmp/peer-check.XXXXXX)}"
mkdir -p "$TMP"
SIM_PID=""
cleanup() {
  local rc=$?
  # Our own background jobs (simulator, a client still running after Ctrl-C), by process id.
  local job
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  restore_hosts || rc=1
  if ! grep -q "$MARK" "$HOSTS_FILE"; then :; else log "ERROR: $HOSTS_FILE still carries the peer-check mapping"; rc=1; fi
  if [[ "$KEEP" == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

JAR="$ROOT/target/camel-icloud.jar"
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -q -DskipTests package) || die "build failed"
fi

map_hosts
for n in "${NAMES[@]}"; do
  [[ "$(getent hosts "$n" | awk '{print $1; exit}')" == 127.0.0.1 ]] || die "$n does not resolve to 127.0.0.1"
done

CA="$TMP/simulator-ca.pem"
log "starting the simulator (Apple hosts, port 443, $ASSETS assets)"
cat > "$TMP/logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %msg%n</pattern></encoder>
  </appender>
  <!-- Dispatcher at DEBUG: one line per request (method, path, status), what each client exercised -->
  <logger name="io.github.camelicloud.simulator" level="DEBUG"/>
  <root level="INFO"><appender-ref ref="OUT"/></root>
</configuration>
XML
java -Dlogback.configurationFile="$TMP/logback.xml" -jar "$JAR" simulator --apple-hosts --port 443 --ca-out "$CA" --account "$ACCOUNT:$PASSWORD:$FLAGS" \
  --mfa-code "$CODE" --assets "$ASSETS" --seed 7 > "$TMP/simulator.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 120); do
  if [[ -s "$CA" ]] && curl -sf --cacert "$CA" -o /dev/null https://setup.icloud.com/_simulator/state; then break; fi
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$TMP/simulator.log" >&2; die "the simulator exited"; }
  sleep 0.5
done
curl -sf --cacert "$CA" -o "$TMP/manifest.json" "https://setup.icloud.com/_simulator/manifest?account=$ACCOUNT" \
  || die "no manifest"
if [[ "$SERVE" == 1 ]]; then
  log "serving: CA $CA, log $TMP/simulator.log, account $ACCOUNT / $PASSWORD, code $CODE; Ctrl-C to stop"
  wait "$SIM_PID"; exit 0
fi

# ---------------------------------------------------------------- comparison with the manifest
# mode "names": icloudpd's layout (file name = asset's fileName, maybe with a -SIZE/id suffix);
# mode "ips": icloud-photos-sync's layout (_All-Photos/<checksum>.<ext>).
compare() {
  local client="$1" dir="$2" mode="$3" secs="$4"
  python3 - "$TMP/manifest.json" "$dir" "$mode" "$client" "$secs" <<'PY'
import hashlib, json, os, re, sys
manifest, root, mode, client, secs = sys.argv[1:6]
m = json.load(open(manifest))
primary = m["libraries"][0]["zone"]  # PrimarySync, or the migrated name of primary-zone=NAME
assets = [a for a in m["assets"] if a["zone"] == primary and not a["hidden"] and not a["deleted"]]
unnamed = []
if mode == "ips":
    # icloud-photos-sync cannot handle a master without filenameEnc (it reads master.fields.filenameEnc and
    # skips the asset with "Cannot read properties of undefined"); Apple does serve such masters (icloud-protocol.md
    # §6.8, icloudpd names them from the record name), so the simulator keeps them and the check counts them apart.
    unnamed = [a for a in assets if a["fileName"] is None]
    assets = [a for a in assets if a["fileName"] is not None]
files = {}
for d, _, names in os.walk(root):
    for n in names:
        p = os.path.join(d, n)
        if os.path.islink(p) or n.startswith(".") or n.endswith((".part", ".xmp")):
            continue
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        files.setdefault(h.hexdigest(), []).append(p)
all_versions = {v["sha256"] for a in m["assets"] for v in a["versions"].values()}
problems = []
matched = 0
for a in assets:
    orig = a["versions"].get("resOriginal")
    if orig is None:
        problems.append("no original in manifest for " + a["id"]); continue
    paths = files.get(orig["sha256"], [])
    if not paths:
        problems.append("missing original of %s (%s)" % (a["fileName"], a["id"])); continue
    if mode == "ips":
        import base64
        want = orig["fileChecksum"].replace("+", "-").replace("/", "_")
        if not any(os.path.splitext(os.path.basename(p))[0] == want for p in paths):
            problems.append("original of %s saved as %s" % (a["id"], [os.path.basename(p) for p in paths]))
            continue
    if mode == "names":
        # icloudpd's default naming: non-ASCII characters dropped (no --keep-unicode-in-filenames); a name clash
        # adds "-SIZE" before the extension. Leading/trailing blanks are not compared (see the layout note below).
        def norm(n):
            return n.encode("ascii", "ignore").decode().strip().lower()
        stem, ext = os.path.splitext(norm(a["fileName"] or ""))
        ok = a["fileName"] is None or any(norm(os.path.basename(p)).startswith(stem)
                 and norm(os.path.basename(p)).endswith(ext) for p in paths)
        if not ok:
            problems.append("original of %s saved as %s" % (a["fileName"], [os.path.basename(p) for p in paths]))
            continue
    matched += 1
unknown = [p for sha, ps in files.items() if sha not in all_versions for p in ps]
if unknown:
    problems.append("%d file(s) not in the manifest, e.g. %s" % (len(unknown), unknown[:3]))
nfiles = sum(len(v) for v in files.values())
status = "OK  " if not problems else "FAIL"
note = "" if not unnamed else " (+%d without filenameEnc, which this client skips)" % len(unnamed)
print("%s %-18s %3d/%d originals equal to the manifest (SHA-256, names)%s, %d files on disk, %ss%s" % (
    status, client, matched, len(assets), note, nfiles, secs, "" if not problems else ": " + "; ".join(problems[:4])))
sys.exit(0 if not problems else 1)
PY
}

SUMMARY=()
FAILED=0
record() { SUMMARY+=("$1"); }

run_icloudpd() {
  local dir="$TMP/out/icloudpd" cookies="$TMP/cookies/icloudpd" tmpdir="$TMP/icloudpd-tmp" t0 rc watcher
  mkdir -p "$dir" "$cookies" "$tmpdir"
  t0=$(date +%s)
  log "icloudpd: sign-in (SRP), MFA code on stdin, download"
  trust_certifi_copy "$tmpdir" & watcher=$!
  set +e
  printf '%s\n' "$CODE" | TMPDIR="$tmpdir" REQUESTS_CA_BUNDLE="$CA" SSL_CERT_FILE="$CA" \
    timeout --foreground "$CLIENT_TIMEOUT" "$ICLOUDPD_BIN" --username "$ACCOUNT" --password "$PASSWORD" --directory "$dir" \
    --cookie-directory "$cookies" --domain com --no-progress-bar --threads-num 4 > "$TMP/icloudpd.log" 2>&1
  rc=$?
  kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
  # icloudpd exits 0 after some failures (a refused password is only logged): look at its last words too.
  grep -q "All photos and videos have been downloaded" "$TMP/icloudpd.log" || [[ $rc != 0 ]] || rc=99
  set -e
  if [[ $rc != 0 ]]; then
    record "FAIL icloudpd      exit $rc after $(( $(date +%s) - t0 ))s: $(grep -E 'ERROR|Error|error' "$TMP/icloudpd.log" | tail -1)"
    tail -30 "$TMP/icloudpd.log" >&2; FAILED=1; return
  fi
  if line=$(compare icloudpd "$dir" names $(( $(date +%s) - t0 ))); then record "$line"; else record "$line"; FAILED=1; fi
}

run_camel() {
  local dir="$TMP/out/camel-icloud" cookies="$TMP/cookies/camel-icloud" t0 rc
  mkdir -p "$dir" "$cookies"
  rm -f "$TMP/truststore.p12"
  keytool -importcert -noprompt -alias simulator-ca -file "$CA" -keystore "$TMP/truststore.p12" \
    -storetype PKCS12 -storepass changeit >/dev/null 2>&1
  t0=$(date +%s)
  log "camel-icloud: sign-in, MFA code on stdin, download"
  set +e
  printf '%s\n' "$CODE" | timeout --foreground "$CLIENT_TIMEOUT" java -Djavax.net.ssl.trustStore="$TMP/truststore.p12" \
    -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12 -jar "$JAR" \
    --username "$ACCOUNT" --password "$PASSWORD" --directory "$dir" --cookie-directory "$cookies" --domain com \
    --no-progress-bar > "$TMP/camel-icloud.log" 2>&1
  rc=$?
  set -e
  if [[ $rc != 0 ]]; then
    record "FAIL camel-icloud  exit $rc after $(( $(date +%s) - t0 ))s: $(grep -E 'ERROR|Error|error' "$TMP/camel-icloud.log" | tail -1)"
    tail -30 "$TMP/camel-icloud.log" >&2; FAILED=1; return
  fi
  if line=$(compare camel-icloud "$dir" names $(( $(date +%s) - t0 ))); then record "$line"; else record "$line"; FAILED=1; fi
}

run_ips() {
  local dir="$TMP/out/icloud-photos-sync" t0 rc
  mkdir -p "$dir"
  t0=$(date +%s)
  log "icloud-photos-sync: sign-in, MFA code through its local MFA server, download"
  IPS_RAN=1
  set +e
  ips_sync "$dir" > "$TMP/ips.log" 2>&1
  rc=$?
  set -e
  if [[ $rc != 0 ]]; then
    record "FAIL icloud-photos-sync exit $rc after $(( $(date +%s) - t0 ))s: $(grep -iE 'error' "$TMP/ips.log" | tail -1)"
    tail -30 "$TMP/ips.log" >&2; FAILED=1; return
  fi
  grep -q "Completed sync" "$TMP/ips.log" || { record "FAIL icloud-photos-sync did not complete its sync (see ips.log)"; FAILED=1; return; }
  if line=$(compare icloud-photos-sync "$dir/_All-Photos" ips $(( $(date +%s) - t0 ))); then record "$line"; else record "$line"; FAILED=1; fi
}

install_clients
[[ -z "$ONLY" || "$ONLY" == icloudpd ]] && run_icloudpd
[[ -z "$ONLY" || "$ONLY" == ips ]] && run_ips
[[ -z "$ONLY" || "$ONLY" == camel-icloud ]] && run_camel

# Same layout as icloudpd is camel-icloud's promise (README): report any relative path that differs.
if [[ -d "$TMP/out/icloudpd" && -d "$TMP/out/camel-icloud" ]]; then
  layout=$(diff <(cd "$TMP/out/icloudpd" && find . -type f ! -name '*.part' | sort) \
                <(cd "$TMP/out/camel-icloud" && find . -type f ! -name '*.part' | sort) | grep '^[<>]' || true)
  if [[ -n "$layout" ]]; then
    record "NOTE camel-icloud's folder layout differs from icloudpd's in $(grep -c '^<' <<<"$layout") path(s): $(head -4 <<<"$layout" | tr '\n' ' ')"
  else
    record "OK   camel-icloud and icloudpd wrote the same $(cd "$TMP/out/icloudpd" && find . -type f | wc -l) paths"
  fi
fi

echo "peer-check against the simulator in Apple-host mode ($ASSETS assets, flags $FLAGS), $(( $(date +%s) - START ))s:"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
exit "$FAILED"
