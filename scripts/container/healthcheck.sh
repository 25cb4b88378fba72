#!/bin/bash
# The image's HEALTHCHECK: readiness from the health server on the container's loopback (HEALTH_PORT). Healthy when
# the account is signed in and the last pass delivered everything; unhealthy when a pass failed, Apple wants a code,
# or nothing answers. Plain bash (/dev/tcp): the image has no curl.
set -u
[[ -n ${HEALTH_PORT:-} ]] || exit 0 # health server turned off: nothing to check
exec 3<>"/dev/tcp/127.0.0.1/$HEALTH_PORT" || exit 1
printf 'GET /observe/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
read -r -t 8 protocol status _ <&3 || exit 1
echo "readiness: HTTP $status"
[[ $status == 200 ]]
