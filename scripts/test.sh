#!/usr/bin/env bash
# Runs CoreHole's whole test suite from a fresh clone on Debian 12 with the .NET SDK:
# installs the Debian packages the tests drive (Quantum ESPRESSO, OpenBLAS, spglib, fonts, LAMMPS, Chromium, Slurm, ONNX's checker),
# starts a one-node Slurm cluster on this machine unless one answers already, then `dotnet test` of the solution:
# the unit tests (tests/CoreHole.Tests) and the integration tests (tests/CoreHole.IntegrationTests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
packages=(quantum-espresso libopenblas0-serial libsymspg1 fonts-dejavu-core lammps chromium slurm-wlm slurmdbd munge mariadb-server python3-onnx)
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
sinfo -h -o %T 2>/dev/null | grep -Eq '^(idle|mixed|allocated)' || $SUDO bash scripts/slurm-local.sh start >/dev/null
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
log="$(mktemp)"
status=0
dotnet test -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# The plain closing line CI reads: counts summed over every test assembly.
passed=$({ grep -E '^\s*Passed:\s+[0-9]+\s*$' "$log" || true; } | awk '{s += $2} END {print s + 0}')
failed=$({ grep -E '^\s*Failed:\s+[0-9]+\s*$' "$log" || true; } | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
