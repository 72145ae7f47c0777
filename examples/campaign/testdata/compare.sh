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
best() { # best wall time of $runs runs of "$@", in seconds
	local b=999999
	for _ in $(seq "$runs"); do
		local s e
		s=$(date +%s.%N); "$@" > "$dir/out" 2>/dev/null; e=$(date +%s.%N)
		b=$(python3 -c "print(min($b, $e - $s))")
	done
	echo "$b"
}
go_s=$(best "$dir/campaign" -in "$dir/extract.csv")
cp "$dir/out" "$dir/go.csv"
py_s=$(best python3 "$here/reference.py" "$dir/extract.csv")
cmp -s "$dir/out" "$dir/go.csv" && same=identical || same=DIFFERENT
python3 -c "print('establishments %s: campaign %.3f s, reference.py %.3f s, %.0fx faster; outputs %s' % ($n, $go_s, $py_s, $py_s / $go_s, '$same'))"
