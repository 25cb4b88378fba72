#!/usr/bin/env bash
# bench/report.sh OUT: the report of a bench/run.sh output folder, again (run.sh calls it at its end): the computed
# limit (limit.txt), the table, the ratios to the peers and to the limit, CPU per GB, the listing run, and chart.png
# (gnuplot). Reads OUT/results.csv, OUT/network.json (the simulator's profile) and OUT/library.txt.
set -euo pipefail
OUT="${1:?usage: bench/report.sh OUTPUT-FOLDER}"
for f in results.csv network.json library.txt; do
  [[ -f "$OUT/$f" ]] || { echo "report: $OUT/$f is missing (not a bench/run.sh output folder?)" >&2; exit 2; }
done
read -r NETWORK ASSETS FILES BYTES PARALLEL < "$OUT/library.txt"

python3 - "$OUT" "$BYTES" "$PARALLEL" <<'PY'
import csv, json, sys
out, total, parallel = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
net = json.load(open(out + "/network.json"))
link, per_conn = net["linkBytesPerSecond"], net["perConnectionBytesPerSecond"]
latency, handshakes = net["latencyMs"] / 1000, net["handshakeRoundTrips"]
rows = {(r["tool"], r["phase"]): r for r in csv.DictReader(open(out + "/results.csv"))}
def sec(tool, phase):
    r = rows.get((tool, phase))
    return float(r["seconds"]) if r and r["seconds"] else None
# Computed bound of a full sync: the bytes at the link's rate (or at PARALLEL connections' caps, if lower), plus the
# round trips no client avoids: a new connection's handshakes and one request. Sign-in and listing are not in it.
rate = link
if per_conn:
    rate = min(rate, per_conn * parallel) if rate else per_conn * parallel
computed = (total / rate if rate else 0) + (handshakes + 1) * latency
with open(out + "/limit.txt", "w") as f:
    f.write("full sync computed limit: %.2f s (%d bytes / %.1f Mbit/s + %d round trips x %.0f ms)\n" % (
        computed, total, rate * 8 / 1e6 if rate else float("inf"), handshakes + 1, latency * 1000))
print(open(out + "/limit.txt").read().strip())
print("%-19s %-13s %9s %8s %8s %9s %12s" % ("tool", "phase", "seconds", "cpu_s", "rss_mb", "requests", "bytes"))
for r in rows.values():
    print("%-19s %-13s %9s %8s %8s %9s %12s" % (r["tool"], r["phase"], r["seconds"], r["cpu_seconds"],
          r["peak_rss_mb"], r["requests"], r["bytes"]))
ours = "camel-icloud"
full = sec(ours, "full")
if full and sec("limit", "full"):
    print("full sync: camel-icloud %.1f s = %.2fx the measured limit (curl, %.1f s), %.2fx the computed limit (%.1f s)" % (
        full, full / sec("limit", "full"), sec("limit", "full"), full / computed, computed))
for peer in ("icloudpd", "icloud-photos-sync"):
    for phase in ("full", "no-change", "small-change"):
        p, o = sec(peer, phase), sec(ours, phase)
        if p and o:
            print("%-13s %-19s %7.1f s, ours %6.1f s: peer / ours = %.2f" % (phase, peer, p, o, p / o))
def cpu_per_gb(tool):
    r = rows.get((tool, "full"))
    return float(r["cpu_seconds"]) / (int(r["bytes"]) / 1e9) if r and int(r["bytes"]) else None
for tool in (ours, "icloudpd", "icloud-photos-sync"):
    if cpu_per_gb(tool):
        print("CPU per GB (full sync) %-19s %6.1f s/GB" % (tool, cpu_per_gb(tool)))
if cpu_per_gb(ours) and cpu_per_gb("icloudpd"):
    print("CPU per GB: ours / icloudpd's = %.2f" % (cpu_per_gb(ours) / cpu_per_gb("icloudpd")))
PY
if [[ -f "$OUT/listing.csv" ]]; then
  echo "Listing run (metadata only):"
  column -t -s, "$OUT/listing.csv" 2>/dev/null || cat "$OUT/listing.csv"
fi

if ! command -v gnuplot >/dev/null; then
  echo "report: no gnuplot, chart skipped (apt-get install gnuplot-nox)" >&2
  exit 0
fi
DAT="$(mktemp)"
trap 'rm -f "$DAT"' EXIT
COLUMNS_PLOTTED=$(python3 - "$OUT/results.csv" "$DAT" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
tools = [t for t in ("camel-icloud", "icloudpd", "icloud-photos-sync", "limit") if any(r["tool"] == t for r in rows)]
with open(sys.argv[2], "w") as f:
    f.write("phase " + " ".join(tools) + "\n")
    for phase in ("full", "no-change", "small-change"):
        vals = {r["tool"]: r["seconds"] for r in rows if r["phase"] == phase}
        f.write(phase + " " + " ".join(vals.get(t) or "NaN" for t in tools) + "\n")
print(len(tools) + 1)
PY
)
gnuplot <<GP
set terminal pngcairo size 1000,520 noenhanced
set output "$OUT/chart.png"
set title "Sync time on '$NETWORK': $ASSETS assets, $FILES files, $(awk -v b="$BYTES" 'BEGIN {printf "%.0f", b / 1e6}') MB (lower is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85
set logscale y
set ylabel "seconds (log scale)"
set key top right autotitle columnheader
set grid ytics
plot for [i=2:$COLUMNS_PLOTTED] "$DAT" using i:xtic(1)
GP
echo "chart: $OUT/chart.png"
