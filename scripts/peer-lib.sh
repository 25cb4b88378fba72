#!/usr/bin/env bash
# peer-lib.sh: what scripts/peer-check.sh and bench/run.sh share to run the peers against the simulator in
# Apple-host mode: the hosts-file mapping (always restored), the npm installs of icloudpd 1.32.2 and
# icloud-photos-sync 4.0.0, and how each is fed the simulator's CA and the MFA code. Sourced, never run.
# Callers set: TMP (scratch folder), CA (the simulator's CA in PEM), ACCOUNT, PASSWORD, CODE, CLIENT_TIMEOUT, and
# define log() and die().

HOSTS_FILE="${HOSTS_FILE:-/etc/hosts}"
MARK="# camel-icloud peer-check"
NAMES=(idmsa.apple.com setup.icloud.com www.icloud.com p61-ckdatabasews.icloud.com cvws.icloud-content.com
       idmsa.apple.com.cn setup.icloud.com.cn www.icloud.com.cn p61-ckdatabasews.icloud.com.cn
       cvws.icloud-content.com.cn)

# ---------------------------------------------------------------- hosts file: map, and always restore
HOSTS_BACKUP=""
restore_hosts() {
  if [[ -n "$HOSTS_BACKUP" && -f "$HOSTS_BACKUP" ]]; then
    # Write the contents back in place: /etc/hosts is often a bind mount that cannot be replaced by mv.
    cat "$HOSTS_BACKUP" > "$HOSTS_FILE"
    if cmp -s "$HOSTS_BACKUP" "$HOSTS_FILE"; then
      rm -f "$HOSTS_BACKUP"
      HOSTS_BACKUP=""
    else
      log "ERROR: could not restore $HOSTS_FILE; the original is in $HOSTS_BACKUP"
      return 1
    fi
  fi
}

# A run killed with SIGKILL cannot restore the file: drop its stale block before anything else.
drop_stale_block() {
  if grep -q "^$MARK begin" "$HOSTS_FILE"; then
    log "removing the mapping a killed run left in $HOSTS_FILE"
    local clean; clean="$(sed "/^$MARK begin/,/^$MARK end/d" "$HOSTS_FILE")"
    printf '%s\n' "$clean" > "$HOSTS_FILE"
  fi
}

map_hosts() {
  drop_stale_block
  HOSTS_BACKUP="$(mktemp /tmp/peer-check-hosts.XXXXXX)"
  cp "$HOSTS_FILE" "$HOSTS_BACKUP"
  { echo "$MARK begin"; for n in "${NAMES[@]}"; do echo "127.0.0.1 $n"; done; echo "$MARK end"; } >> "$HOSTS_FILE"
}

# ---------------------------------------------------------------- installs (npm registry only)
install_clients() {
  log "installing icloudpd 1.32.2 and icloud-photos-sync 4.0.0 (+ node 22) from the npm registry"
  mkdir -p "$TMP/npm/icloudpd" "$TMP/npm/ips"
  (cd "$TMP/npm/icloudpd" && npm install --no-audit --no-fund --loglevel=error --prefix . icloudpd@1.32.2 >/dev/null)
  (cd "$TMP/npm/ips" && npm install --no-audit --no-fund --loglevel=error --engine-strict=false --prefix . \
     icloud-photos-sync@4.0.0 node@22 >/dev/null)
  ICLOUDPD_BIN="$(ls "$TMP"/npm/icloudpd/node_modules/@icloudpd/linux-*/bin/icloudpd | head -1)"
  chmod +x "$ICLOUDPD_BIN"
  NODE22="$TMP/npm/ips/node_modules/node/bin/node"
  IPS_MAIN="$TMP/npm/ips/node_modules/icloud-photos-sync/bin/main.js"
}

# icloudpd is a PyInstaller one-file binary (wrapped by staticx). REQUESTS_CA_BUNDLE reaches every call made
# through its requests Session, but the HSA2 page and the SMS calls (A5, A7, A8 of icloud-protocol.md §2.2) are
# sent as bare prepared requests (Session.send), which ignore the environment and trust only the bundled certifi
# file. That file only exists once the binary has unpacked itself into TMPDIR, so a watcher adds the simulator's
# CA to this run's private copy as soon as it is complete (before Python has imported requests). The binary
# on disk is not changed.
trust_certifi_copy() {
  local tmpdir="$1" i f s1 s2
  for i in $(seq 1 3000); do
    for f in "$tmpdir"/_MEI*/certifi/cacert.pem; do
      if [[ -f "$f" && ! -f "$f.peer-check" ]]; then
        s1=$(stat -c %s "$f"); sleep 0.005; s2=$(stat -c %s "$f")
        if [[ "$s1" == "$s2" ]] && tail -c 40 "$f" | grep -q 'END CERTIFICATE'; then
          cat "$CA" >> "$f"; touch "$f.peer-check"; return 0
        fi
      fi
    done
    sleep 0.01
  done
}

# icloud-photos-sync asks for the MFA code through its own web server: POST /api/mfa?code=NNNNNN on --port,
# accepted only while it waits for a code. Node 22 comes from the npm registry's `node` package (the tool
# requires Node >= 22).
ips_sync() {
  local dir="$1" port=$(( 20000 + RANDOM % 20000 )) pid poster rc
  # IPS_LOG_FLAGS: peer-check logs everything (what each request did); the benchmark logs at info.
  # shellcheck disable=SC2086
  NODE_EXTRA_CA_CERTS="$CA" timeout --foreground "$CLIENT_TIMEOUT" "$NODE22" "$IPS_MAIN" --username "$ACCOUNT" \
    --password "$PASSWORD" --data-dir "$dir" --port "$port" ${IPS_LOG_FLAGS:---log-to-cli --log-level debug --enable-network-capture} sync &
  pid=$!
  # The code is posted from the side, so the run ends the moment the client does (a later run needs no code).
  ( local answer i
    for i in $(seq 1 240); do
      sleep 0.5
      kill -0 "$pid" 2>/dev/null || exit 0
      answer=$(curl -s -X POST "http://127.0.0.1:$port/api/mfa?code=$CODE" 2>/dev/null) || continue
      echo "[peer-check] MFA code posted: $answer"
      [[ "$answer" == *"Read MFA code"* ]] && exit 0
    done ) &
  poster=$!
  wait "$pid"; rc=$?
  kill "$poster" 2>/dev/null; wait "$poster" 2>/dev/null
  return "$rc"
}
