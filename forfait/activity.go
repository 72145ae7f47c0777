package forfait

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Activity holds an establishment's 2019 activity counts, the eight fields
// of Annexe 3 §1 (SAE and PMSI 2019, computed once nationally whatever the
// window). Counts are non-negative; the zero value is an establishment with
// no activity, which is valid here but not eligible (see package
// eligibility).
type Activity struct {
	MCODays                int64 `json:"mco_days"`                 // journées en médecine-chirurgie-obstétrique
	MCOSessions            int64 `json:"mco_sessions"`             // séances MCO
	AmbulatorySurgeryStays int64 `json:"ambulatory_surgery_stays"` // hospitalisations de jour de chirurgie ambulatoire
	DayHospitalStays       int64 `json:"day_hospital_stays"`       // hospitalisations de jour hors chirurgie ambulatoire
	SSRDays                int64 `json:"ssr_days"`                 // journées en soins de suite et de réadaptation
	PSYDays                int64 `json:"psy_days"`                 // journées en psychiatrie
	HADDays                int64 `json:"had_days"`                 // journées en hospitalisation à domicile
	USLDDays               int64 `json:"usld_days"`                // journées en unité de soins de longue durée
}

// ActivityField names one of the eight counts of Activity; it indexes
// RuleSet.Weights.
type ActivityField uint8

const (
	MCODays ActivityField = iota
	MCOSessions
	AmbulatorySurgeryStays
	DayHospitalStays
	SSRDays
	PSYDays
	HADDays
	USLDDays
)

// NumActivityFields is the number of activity counts of Annexe 3 §1.
const NumActivityFields = 8

var activityFieldNames = [NumActivityFields]string{
	"mco_days", "mco_sessions", "ambulatory_surgery_stays", "day_hospital_stays",
	"ssr_days", "psy_days", "had_days", "usld_days",
}

// ActivityFields lists the fields in order.
func ActivityFields() [NumActivityFields]ActivityField {
	var fs [NumActivityFields]ActivityField
	for i := range fs {
		fs[i] = ActivityField(i)
	}
	return fs
}

// String returns the field's snake-case name, the column name of the
// campaign CSV ("mco_days" …), or "invalid activity field n". Its zero
// value is MCODays, a valid field.
func (f ActivityField) String() string {
	if int(f) >= NumActivityFields {
		return "invalid activity field " + strconv.Itoa(int(f))
	}
	return activityFieldNames[f]
}

// Counts returns the eight counts, indexed by ActivityField.
func (a Activity) Counts() [NumActivityFields]int64 {
	return [NumActivityFields]int64{
		a.MCODays, a.MCOSessions, a.AmbulatorySurgeryStays, a.DayHospitalStays,
		a.SSRDays, a.PSYDays, a.HADDays, a.USLDDays,
	}
}

// ActivityFromCounts is the inverse of Activity.Counts.
func ActivityFromCounts(c [NumActivityFields]int64) Activity {
	return Activity{
		MCODays: c[MCODays], MCOSessions: c[MCOSessions],
		AmbulatorySurgeryStays: c[AmbulatorySurgeryStays], DayHospitalStays: c[DayHospitalStays],
		SSRDays: c[SSRDays], PSYDays: c[PSYDays], HADDays: c[HADDays], USLDDays: c[USLDDays],
	}
}

// CombinedActivity returns the combined activity (activité combinée) of a:
// the sum of each count times its MCO-day equivalence weight (Annexe 3 §1).
// The sum is exact. Every negative count is reported, each as an
// *InputError wrapping ErrInvalidActivity.
func (rs *RuleSet) CombinedActivity(a Activity) (decimal.Decimal, error) {
	return rs.combine(a, nil)
}

func (rs *RuleSet) combine(a Activity, tr *tracer) (decimal.Decimal, error) {
	var errs []error
	sum := decimal.Zero
	for f, n := range a.Counts() {
		field := ActivityField(f)
		if n < 0 {
			errs = append(errs, &InputError{Field: field.String(), Value: strconv.FormatInt(n, 10), Reason: codec.Text{French: "un compte ne peut pas être négatif", English: "a count cannot be negative"}, Err: ErrInvalidActivity})
			continue
		}
		w := rs.Weights[f]
		term := decimal.NewFromInt(n).Mul(w.Factor)
		sum = sum.Add(term)
		if tr != nil {
			tr.add("combined."+field.String(), Format(term), w.Source, nil, fmt.Sprintf("%d × %s = %s", n, Format(w.Factor), Format(term)),
				decimal.NewFromInt(n), w.Factor, term)
		}
	}
	if len(errs) > 0 {
		return decimal.Zero, joinErrors(errs)
	}
	if tr != nil {
		tr.add("combined_activity", Format(sum), "Annexe 3 §1", nil, "sum of the eight terms = "+Format(sum), sum)
	}
	return sum, nil
}
