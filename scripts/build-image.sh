#!/usr/bin/env bash
# Builds the container image localhost/camel-icloud:latest from Debian's archive alone (no container registry):
#   1. a Debian bookworm root file system with openjdk-17-jre-headless and ca-certificates, made by mmdebstrap and
#      cached as a tarball (outside the repo: /var/cache/camel-icloud, or $CAMEL_ICLOUD_IMAGE_CACHE), because it takes
#      minutes and ~100 MB of downloads; the cache key is the exact mmdebstrap command, so a change rebuilds it;
#   2. that tarball imported with `podman import` as localhost/camel-icloud-base:<key>;
#   3. the Containerfile built on it with podman (the jar, the entry point, a non-root user, /config and /data).
# Usage: scripts/build-image.sh [--refresh-base] [--save FILE.tar]   (builds target/camel-icloud.jar when missing)
#   --refresh-base  make the base again (e.g. for Debian's security updates); otherwise a cached base is reused
#   --save FILE     also write the image as an OCI archive (podman save --format oci-archive), for `podman load`
# Needs podman, runc, mmdebstrap (and uidmap when not root): apt-get install podman runc mmdebstrap uidmap.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=localhost/camel-icloud:latest
CACHE=${CAMEL_ICLOUD_IMAGE_CACHE:-/var/cache/camel-icloud}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
refresh=false save=
while (( $# )); do
  case $1 in
    --refresh-base) refresh=true ;;
    --save) save=${2:?--save needs a file name}; shift ;;
    *) echo "build-image.sh: unknown option $1 (--refresh-base, --save FILE)" >&2; exit 2 ;;
  esac
  shift
done
for tool in podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "build-image.sh: $tool is missing: apt-get install podman runc mmdebstrap uidmap" >&2; exit 1; }
done

# podman on hosts with cgroups v1/hybrid needs runc (crun: "cgroups in hybrid mode not supported") and explicit
# ulimits; scripts/container/containers.conf says so, for this script's podman calls only.
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/scripts/container/containers.conf}

# The base: the essential packages plus the JRE, without documentation, manual pages and translations.
base_options=(--variant=essential --format=tar --include=openjdk-17-jre-headless,ca-certificates
  --dpkgopt=path-exclude=/usr/share/doc/* --dpkgopt=path-include=/usr/share/doc/*/copyright
  --dpkgopt=path-exclude=/usr/share/man/* --dpkgopt=path-exclude=/usr/share/info/*
  --dpkgopt=path-exclude=/usr/share/locale/* --dpkgopt=path-exclude=/usr/share/lintian/*
  --dpkgopt=force-unsafe-io
  --essential-hook='mkdir -p "$1/usr/share/man/man1"') # the JRE's alternatives link their (excluded) manual pages there
mirrors=("deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" "deb $SECURITY_MIRROR bookworm-security main")
key=$(printf '%s\n' "${base_options[@]}" "${mirrors[@]}" | sha256sum | cut -c1-12)
tarball=$CACHE/debian-bookworm-jre17-$key.tar
base=localhost/camel-icloud-base:$key
mkdir -p "$CACHE"
if [[ $refresh == true || ! -s $tarball ]]; then
  echo "build-image.sh: making the Debian base with mmdebstrap (a few minutes, ~100 MB from Debian's archive)"
  start=$SECONDS
  # Debian's python3 for mmdebstrap's tar filter (a python3 found first on PATH may be slow or lack modules)
  PATH=/usr/sbin:/usr/bin:/sbin:/bin mmdebstrap "${base_options[@]}" bookworm "$tarball.part" "${mirrors[@]}"
  mv "$tarball.part" "$tarball"
  # older bases (other options, or --refresh-base) are not needed any more
  for stale in "$CACHE"/debian-bookworm-jre17-*.tar; do [[ $stale == "$tarball" ]] || rm -f "$stale"; done
  podman images --format '{{.Repository}}:{{.Tag}}' localhost/camel-icloud-base \
    | xargs -r podman rmi --ignore >/dev/null 2>&1 || true # an image still built on one keeps it
  echo "build-image.sh: base made in $(( SECONDS - start )) s: $tarball"
fi
if ! podman image exists "$base"; then
  podman import --quiet "$tarball" "$base" >/dev/null
fi

[[ -s target/camel-icloud.jar ]] || mvn -B -q -DskipTests package
# docker format: the OCI image format has no HEALTHCHECK; RUN needs no network
podman build --quiet --format docker --network none --build-arg "BASE=$base" -f Containerfile -t "$IMAGE" . >/dev/null
# the image this build replaced, now untagged
podman image prune --force --filter label=org.opencontainers.image.title=camel-icloud >/dev/null
echo "build-image.sh: built $IMAGE ($(podman image inspect --format '{{.Size}}' "$IMAGE" | numfmt --to=iec) on $base)"
if [[ -n $save ]]; then
  rm -f "$save"
  podman save --quiet --format oci-archive -o "$save" "$IMAGE"
  echo "build-image.sh: saved $IMAGE to $save (podman load -i $save)"
fi
