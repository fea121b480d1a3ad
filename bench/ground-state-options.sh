# Sourced by the bench scripts that rerun ground states with a setting changed (ground-state-setting.sh,
# pseudopotential-check.sh): their options, the MPI environment of this machine, and the comparison of two ground states.
# ground_state_options USAGE DEFAULT_SETTING "$@" sets np (--np N, default 1), setting (--set NAME=VALUE,...) and the
# array args (the rest); an unknown option, no argument or no setting prints USAGE and exits 2.
ground_state_options() {
  local usage="$1"; setting="$2"; shift 2; np=1; args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --np) np="$2"; shift 2 ;;
      --set) setting="$2"; shift 2 ;;
      -*) echo "$usage" >&2; exit 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  [ ${#args[@]} -gt 0 ] && [ -n "$setting" ] || { echo "$usage" >&2; exit 2; }
}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
# mse A B ZERO_A ZERO_B FROM: two O-p PDOS as the model sees them, sigma 0.5 eV, from FROM to 15 eV of each one's zero,
# MSE at mean 1 (`corehole compare`).
# Its table's last column (a plain table when piped, a boxed one on a terminal).
mse() { ./corehole compare "$1" "$2" --sigma 0.5 --zero-a "$3" --zero-b "$4" --from "$5" --to 15 | tr -d '│' | awk '$1 ~ /^-?[0-9.]+$/ {v = $NF} END {print v}'; }

# compare_ground_states MATERIAL FOLDER_A FOLDER_B: one line per O site of MATERIAL, whose ground state finished in both
# campaign folders: k-points, wall minutes, the nscf's average Davidson iterations per k-point (its last line of them:
# the run that was kept), band gaps, and the O-p PDOS's MSE over the conduction and valence windows (A first).
compare_header() { printf "material\tsite\tk_a\tk_b\twall_a_min\twall_b_min\tdavidson_a\tdavidson_b\tgap_a_ev\tgap_b_ev\tmse_conduction\tmse_valence\n"; }
compare_ground_states() {
  local material="$1"
  /usr/bin/python3 - "$2/$material" "$3/$material" <<'PY' |
import gzip, json, re, sys
folders = sys.argv[1:]
plan = json.load(open(f"{folders[0]}/plan.json"))
numbers = []
for f in folders:
    s = json.load(open(f"{f}/gs/stage.json"))
    r = s["results"]
    iterations = re.findall(r"avg # of iterations =\s*([0-9.]+)", gzip.open(f"{f}/gs/nscf.out.gz", "rt").read())
    numbers += [r["cbm_ev"], r["mid_gap_ev"], f"{r['band_gap_ev']:.3f}", int(r.get("nscf_k_points", 0)), f"{s['wall_seconds'] / 60:.1f}", iterations[-1]]
for site in plan["oxygen_sites"]:
    name = f"atm{site['atom'] + 1}_O_p.pdos.gz"
    print(site["label"], *[f"{f}/gs/pdos/{name}" for f in folders], *numbers)
PY
  while read -r site pdos_a pdos_b cbm_a mid_a gap_a k_a wall_a it_a cbm_b mid_b gap_b k_b wall_b it_b; do
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$material" "$site" "$k_a" "$k_b" "$wall_a" "$wall_b" "$it_a" "$it_b" "$gap_a" "$gap_b" \
      "$(mse "$pdos_a" "$pdos_b" "$cbm_a" "$cbm_b" -1)" "$(mse "$pdos_a" "$pdos_b" "$mid_a" "$mid_b" -20)"
  done
}
