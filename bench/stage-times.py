#!/usr/bin/python3
"""Where a campaign's time goes: per finished stage, each program's CPU and wall seconds as Quantum ESPRESSO's own
timers print them (PWSCF / PROJWFC / xanes lines of the kept outputs), the scf iterations, and the core-hole scf's
split between its routines (init_run, c_bands, sum_band, newd). CPU time is the cost a stage has on an idle core;
wall time also holds what the machine's other work took from it (stage.json records wall time only).

    /usr/bin/python3 bench/stage-times.py data/oxides            # one row per stage, then medians
"""
import gzip, json, re, statistics, sys
from pathlib import Path

TIMER = re.compile(r"^\s*(PWSCF|PROJWFC|xanes|init_run|electrons|c_bands|sum_band|newd)\s*:\s*(?:(\d+)m)?\s*([\d.]+)s CPU\s+(?:(\d+)h)?\s*(?:(\d+)m)?\s*([\d.]+)s WALL")
ITERATIONS = re.compile(r"convergence has been achieved in\s+(\d+) iterations")


def seconds(minutes, secs, hours=None, wall_minutes=None):
    return float(secs) + 60 * float(minutes or 0) + 3600 * float(hours or 0) + 60 * float(wall_minutes or 0)


def timers(path):
    """The first time each timer is printed (pw.x prints routine timers once, in its final report), and the iterations."""
    found, iterations = {}, None
    with gzip.open(path, "rt", errors="replace") as text:
        for line in text:
            if m := TIMER.match(line):
                name, cpu_m, cpu_s, wall_h, wall_m, wall_s = m.groups()
                found.setdefault(name, (seconds(cpu_m, cpu_s), seconds(None, wall_s, wall_h, wall_m)))
            elif m := ITERATIONS.search(line):
                iterations = int(m.group(1))
    return found, iterations


def main(folder):
    rows = []
    for record in sorted(Path(folder).glob("*/*/stage.json")):
        stage = record.parent
        info = json.loads(record.read_text())
        kind = "ground state" if stage.name == "gs" else "core hole"
        row = {"stage": f"{stage.parent.name}/{stage.name}", "kind": kind, "cpu": 0.0, "wall": 0.0}
        for out in sorted(stage.glob("*.out.gz")):
            found, iterations = timers(out)
            total = found.get("PWSCF") or found.get("PROJWFC") or found.get("xanes")
            if total is None:
                continue
            program = out.name.removesuffix(".out.gz")
            row[program] = total[0]
            row["cpu"] += total[0]
            row["wall"] += total[1]
            if kind == "core hole" and program == "scf":
                row["iterations"] = iterations
                for routine in ("init_run", "c_bands", "sum_band", "newd"):
                    row[routine] = found.get(routine, (0, 0))[0]
        row["recorded_wall"] = info.get("wall_seconds", 0)
        rows.append(row)

    print("stage\tCPU s\twall s (QE timers)\tCPU/wall\tdetail")
    for r in rows:
        detail = ", ".join(f"{k} {r[k]:.0f}" for k in ("scf", "nscf", "projwfc") if k in r) if r["kind"] == "ground state" else \
            f"scf {r.get('scf', 0):.0f} ({r.get('iterations')} iterations: c_bands {r.get('c_bands', 0):.0f}, sum_band {r.get('sum_band', 0):.0f}, " \
            f"newd {r.get('newd', 0):.0f}, init_run {r.get('init_run', 0):.0f}), xspectra {sum(v for k, v in r.items() if k.startswith('xspectra_')):.0f}"
        print(f"{r['stage']}\t{r['cpu']:.0f}\t{r['wall']:.0f}\t{r['cpu'] / r['wall']:.2f}\t{detail}")

    print()
    for kind in ("ground state", "core hole"):
        chosen = [r for r in rows if r["kind"] == kind]
        if not chosen:
            continue
        med = lambda f: statistics.median(f(r) for r in chosen)
        line = f"{kind}: {len(chosen)} stages, median CPU {med(lambda r: r['cpu']):.0f} s, wall {med(lambda r: r['wall']):.0f} s, CPU/wall {med(lambda r: r['cpu'] / r['wall']):.2f}"
        if kind == "core hole":
            line += (f"; shares of CPU: core-hole scf {med(lambda r: r.get('scf', 0) / r['cpu']):.2f} (c_bands {med(lambda r: r.get('c_bands', 0) / r['cpu']):.2f}, "
                     f"sum_band {med(lambda r: r.get('sum_band', 0) / r['cpu']):.2f}, newd {med(lambda r: r.get('newd', 0) / r['cpu']):.2f}), "
                     f"xspectra {med(lambda r: sum(v for k, v in r.items() if k.startswith('xspectra_')) / r['cpu']):.2f}; scf iterations {med(lambda r: r.get('iterations') or 0):.0f}")
        print(line)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: bench/stage-times.py CAMPAIGN_FOLDER")
    main(sys.argv[1])
