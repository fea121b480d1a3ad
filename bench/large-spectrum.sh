#!/usr/bin/env bash
# Reading a very long spectrum must stay fast: a 1.7-million-point XSpectra-like .dat (a Gaussian edge on a
# 0.00002 eV grid, the size issue 32 met) through `corehole inspect`, whose onset fallback broadens the whole curve
# by σ = 0.5 eV. Summed point by point that broadening is quadratic (157-176 s); by FFT it is O(n log n).
# Prints the wall time and fails (exit 1) above the limit.
# Usage: bash bench/large-spectrum.sh [points] [limit in seconds]   (defaults: 1700000 60)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
points=${1:-1700000}
limit=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v n="$points" 'BEGIN {
  print "# Final state angular momentum:   1"; print "# Broadening parameter (in eV):    0.100"
  print "# Absorbing atom type (xiabs):   1"; print "# Energy (eV)   sigma"
  step = 34 / n
  for (i = 0; i < n; i++) { e = -4 + i * step; printf "%14.8f %13.8f\n", e, exp(-0.5 * ((e - 6) / 1.5) ^ 2) }
}' > "$work/xanes_long.dat"
./corehole --help >/dev/null   # build first, outside the timing
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
./corehole inspect "$work/xanes_long.dat" | grep -E "grid|threshold"
seconds=$(echo "$(date +%s.%N) - $start" | bc)
printf '%s points read and onset found in %.1f s (limit %s s)\n' "$points" "$seconds" "$limit"
if (( $(echo "$seconds > $limit" | bc) )); then echo "slower than $limit s" >&2; exit 1; fi
