#!/usr/bin/env bash
# Commits the finished part of a campaign folder (default data/campaign): its settings, every material's plan, and
# each stage folder holding stage.json (finished) or failed.json (failed, with QE's error). A stage still running has
# neither and is left out, so a commit never holds half a stage. Usage: bash scripts/commit-campaign.sh [DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-data/campaign}"
files=("$dir/campaign.json" "$dir/.gitignore")
for plan in "$dir"/*/plan.json; do files+=("$plan" "$(dirname "$plan")/structure.cif"); done
for marker in "$dir"/*/*/stage.json "$dir"/*/*/failed.json; do [ -f "$marker" ] && files+=("$(dirname "$marker")"); done
git add -- "${files[@]}"
# find, not ls: a folder with nothing finished yet has no match, which ls (under pipefail) turns into an exit.
done_sites=$(find "$dir" -mindepth 3 -maxdepth 3 -path '*/site_*/stage.json' | wc -l)
done_gs=$(find "$dir" -mindepth 3 -maxdepth 3 -path '*/gs/stage.json' | wc -l)
if git diff --cached --quiet -- "$dir"; then echo "nothing new in $dir"; exit 0; fi
git commit -q -m "Campaign: $done_sites O-site spectra and $done_gs ground states finished in $dir" -- "$dir"
echo "committed: $done_sites O-site spectra, $done_gs ground states"
