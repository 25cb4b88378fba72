#!/bin/bash
# The container's entry point (/usr/local/bin/camel-icloud).
#   camel-icloud [ARGS]   the command line (icloudpd's flags), e.g. --username me@icloud.com --directory /data
#   camel-icloud          no arguments: the Camel application mode, with /config/application.properties and
#                         /config/routes/ when /config has them, else the bundled ones (configured by environment)
# Started as root (the default) it runs the program as PUID:PGID (default 1000:1000), never as root; started with
# --user UID:GID it runs as that user. Sessions and records live in /config/.camel-icloud (the user's home).
set -euo pipefail

fail() {
  echo "camel-icloud: $1" >&2
  exit 2
}

if [[ $(id -u) == 0 ]]; then
  [[ $PUID =~ ^[0-9]+$ && $PGID =~ ^[0-9]+$ ]] || fail "PUID and PGID must be numeric ids (now PUID=$PUID PGID=$PGID)"
  [[ $PUID != 0 ]] || fail "PUID=0 would run the program as root; use the id of the user owning your folders (id -u)"
  warn() { echo "camel-icloud: could not give $1 to $PUID:$PGID; the program may not be able to write there" >&2; }
  # /config is the container's own: it goes to PUID:PGID; /data only when empty (a fresh volume: a folder with photos
  # keeps its owner); the sessions and records follow PUID/PGID when they change
  if [[ $(stat -c %u:%g /config) != "$PUID:$PGID" ]]; then chown "$PUID:$PGID" /config || warn /config; fi
  if [[ -z $(ls -A /data) && $(stat -c %u:%g /data) != "$PUID:$PGID" ]]; then chown "$PUID:$PGID" /data || warn /data; fi
  if [[ -d /config/.camel-icloud ]]; then chown -R "$PUID:$PGID" /config/.camel-icloud || warn /config/.camel-icloud; fi
  exec setpriv --reuid="$PUID" --regid="$PGID" --clear-groups --no-new-privs -- "$0" "$@"
fi

if [[ -n ${UMASK:-} ]]; then
  [[ $UMASK =~ ^[0-7]{3,4}$ ]] || fail "UMASK must be octal, such as 022 or 002 (now UMASK=$UMASK)"
  umask "$UMASK"
fi
export HOME=/config
# the class-data archive the image build wrote (Containerfile): mapped, not loaded from the jar; its warnings (an
# archive a JAVA_OPTS option makes unusable is skipped) stay out of the output
cds=()
if [[ ${CAMEL_ICLOUD_CDS:-on} != off && -r /opt/camel-icloud/camel-icloud.jsa ]]; then
  cds=(-XX:SharedArchiveFile=/opt/camel-icloud/camel-icloud.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# C2 compiles after 3x the default calls, as bin/camel-icloud (less CPU per short run); JAVA_OPTS can set them back
jit=(-XX:Tier4InvocationThreshold=15000 -XX:Tier4CompileThreshold=45000)
java=(java "${cds[@]}" "${jit[@]}" -Duser.home=/config ${JAVA_OPTS:-} -jar /opt/camel-icloud/camel-icloud.jar)

if (( $# == 0 )); then
  if [[ -f /config/application.properties ]]; then
    cd /config
  else
    cd /opt/camel-icloud/defaults
  fi
  if [[ -n ${HEALTH_PORT:-} ]]; then # camel-main's management server; JVM properties win over application.properties
    exec java -Dcamel.management.enabled=true -Dcamel.management.host=127.0.0.1 \
      -Dcamel.management.port="$HEALTH_PORT" -Dcamel.management.healthCheckEnabled=true "${java[@]:1}"
  fi
  exec "${java[@]}"
fi

# the sync command gets the health server unless it names one itself
sync=true
for arg in "$@"; do
  case $arg in
    --metrics-port|--metrics-port=*|-h|--help|-V|--version) sync=false ;;
  esac
done
case $1 in
  simulator|icloud) sync=false ;;
esac
if [[ $sync == true && -n ${HEALTH_PORT:-} ]]; then
  exec "${java[@]}" --metrics-port "$HEALTH_PORT" "$@"
fi
exec "${java[@]}" "$@"
