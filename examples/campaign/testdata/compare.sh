#!/usr/bin/env bash
# Times the campaign tool against reference.py (exact rationals, Python
# fractions) on the same generated extract, side by side (runs interleaved,
# best and median of each), and checks that both print the same CSV.
# Usage, from the module root:
#   bash examples/campaign/testdata/compare.sh [ESTABLISHMENTS] [RUNS]
set -euo pipefail
n="${1:-5000}"
runs="${2:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
here="$(cd "$(dirname "$0")" && pwd)"
python3 - "$n" > "$dir/extract.csv" <<'PY'
import random, sys
random.seed(1)
print("finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days")
for i in range(int(sys.argv[1])):
    mco = random.choice([random.randint(0, 7000), random.randint(7000, 22500), random.randint(22500, 230000), random.randint(230000, 400000)])
    print("%02d%07d,Bretagne,%d,%s" % (1 + i % 19, i, mco, ",".join(str(random.randint(0, 3000)) for _ in range(7))))
PY
go build -o "$dir/campaign" ./examples/campaign
python3 - "$dir" "$runs" "$n" "$here/reference.py" <<'PY'
import filecmp, statistics, subprocess, sys, time
d, runs, n, ref = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
cmds = {"campaign": [d + "/campaign", "-in", d + "/extract.csv"], "reference.py": [sys.executable, ref, d + "/extract.csv"]}
times = {name: [] for name in cmds}
for _ in range(runs):  # interleaved, so that both see the same machine
    for name, cmd in cmds.items():
        with open(d + "/" + name + ".csv", "wb") as f:
            t = time.perf_counter()
            subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - t)
go, py = times["campaign"], times["reference.py"]
same = "identical" if filecmp.cmp(d + "/campaign.csv", d + "/reference.py.csv", shallow=False) else "DIFFERENT"
print("establishments %s, best of %d: campaign %.3f s, reference.py %.3f s, %.0fx faster (medians %.3f s, %.3f s, %.0fx); outputs %s"
      % (n, runs, min(go), min(py), min(py) / min(go), statistics.median(go), statistics.median(py),
         statistics.median(py) / statistics.median(go), same))
PY
