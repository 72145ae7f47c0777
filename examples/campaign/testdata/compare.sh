#!/usr/bin/env bash
# Times the campaign tool against reference.py (exact rationals, Python
# fractions) on the same generated extract, side by side, and checks that
# both print the same CSV. Usage, from the module root:
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
import filecmp, subprocess, sys, time
d, runs, n, ref = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def best(cmd, out):
    b = float("inf")
    for _ in range(runs):
        with open(out, "wb") as f:
            t = time.perf_counter()
            subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=True)
            b = min(b, time.perf_counter() - t)
    return b
go = best([d + "/campaign", "-in", d + "/extract.csv"], d + "/go.csv")
py = best([sys.executable, ref, d + "/extract.csv"], d + "/py.csv")
same = "identical" if filecmp.cmp(d + "/go.csv", d + "/py.csv", shallow=False) else "DIFFERENT"
print("establishments %s: campaign %.3f s, reference.py %.3f s, %.0fx faster; outputs %s" % (n, go, py, py / go, same))
PY
