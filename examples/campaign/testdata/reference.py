#!/usr/bin/env python3
"""A straightforward exact-rational computation of the campaign's CSV
(Annexe 3 §1-§4, §5; INT-01 to INT-04), written independently of the Go
code with Python's fractions, to compare speed and output side by side:

    python3 reference.py extract.csv > reference.csv

Rounding is to the nearest euro, halves away from zero; the national
maximum is the largest combined activity of the extract (INT-02)."""
import csv
import sys
from fractions import Fraction as F

WEIGHTS = {"mco_days": F(1), "mco_sessions": F(1, 2), "ambulatory_surgery_stays": F(3, 2), "day_hospital_stays": F(1),
           "ssr_days": F(1, 2), "psy_days": F(1, 2), "had_days": F(1, 2), "usld_days": F(1, 2)}
# category: lower threshold, (DS1 min, max), (DS2/DS3 min, max)
BANDS = [("A", 0, (18000, 24000), (6500, 13000)), ("B", 7000, (24000, 48000), (13000, 26000)),
         ("C", 22500, (48000, 150000), (26000, 52000)), ("D", 230000, (150000, 320000), (52000, 80000))]
FACTORS = [F(1), F(9, 10), F(85, 100), F(8, 10)]
VARIANTS = [("DS1", False), ("DS1", True), ("DS2", False), ("DS3", False)]


def round_half_away(x):
    n, r = divmod(abs(x.numerator), x.denominator)
    if 2 * r >= x.denominator:
        n += 1
    return n if x >= 0 else -n


def fmt(x):
    x = F(x)
    if x.denominator == 1:
        return str(x.numerator)
    whole, frac = divmod(x.numerator, x.denominator)
    digits = []
    while frac:
        frac *= 10
        d, frac = divmod(frac, x.denominator)
        digits.append(str(d))
    return "%d.%s" % (whole, "".join(digits))


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    combined = [sum(WEIGHTS[k] * int(r[k]) for k in WEIGHTS) for r in rows]
    national_max = max(combined)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["finess", "region", "combined_activity", "category", "domain", "cro", "window",
                  "base", "forfait", "advance", "balance"])
    for r, c in zip(rows, combined):
        i = max(k for k, b in enumerate(BANDS) if b[1] <= c)
        name, lower = BANDS[i][0], BANDS[i][1]
        upper = BANDS[i + 1][1] if i + 1 < len(BANDS) else national_max
        for domain, cro in VARIANTS:
            lo, hi = BANDS[i][2] if domain == "DS1" else BANDS[i][3]
            base = round_half_away(lo + (c - lower) * F(hi - lo) / (upper - lower))
            for w, factor in enumerate(FACTORS, start=1):
                amount = round_half_away(base * (F(11, 10) if cro else 1) * factor)
                advance = round_half_away(F(3, 10) * amount)
                out.writerow([r["finess"], r["region"], fmt(c), name, domain, "true" if cro else "false", w,
                              base, amount, advance, amount - advance])


if __name__ == "__main__":
    main(sys.argv[1])
