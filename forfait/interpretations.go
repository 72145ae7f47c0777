package forfait

// Interpretation is one entry of the project's interpretation register: a
// question the regulation leaves open, and the reading the library takes.
// Derivation steps, refusal reasons and notifications cite entries by ID.
type Interpretation struct {
	ID       string   `json:"id"`       // "INT-01" …
	Question string   `json:"question"` // what the text leaves open
	Passage  string   `json:"passage"`  // the paragraph(s) concerned
	Options  []string `json:"options"`  // the readings considered
	Reading  string   `json:"reading"`  // the reading chosen
	Why      string   `json:"why"`      // and why
	// Policy names the rule-set field that lets a caller choose another
	// reading; empty when the reading is fixed.
	Policy string `json:"policy,omitempty"`
	// DependsOn lists the rules (identifiers) and tests that rely on it.
	DependsOn []string `json:"depends_on"`
	// Origin is when the entry was settled: in the register's first
	// edition, or later, while encoding the rules it concerns.
	Origin string `json:"origin"`
}

// Interpretations returns the register, in ID order. It is data: a new
// reading gets a new ID, an old ID never changes meaning.
func Interpretations() []Interpretation {
	const digest, library = "first edition of the register", "added while encoding the rules"
	return []Interpretation{
		{
			ID:       "INT-01",
			Question: "Combined activity can be fractional (weights of 0.5 and 1.5): where does a category end, and over which interval is the amount interpolated?",
			Passage:  "Annexe 3 §3",
			Options: []string{
				"bands as printed (A 0–6 999, B 7 000–22 499 …), leaving gaps such as 6 999.5",
				"half-open intervals from each threshold to the next, interpolated over them",
			},
			Reading:   "A category is the half-open interval from its lower threshold to the next category's: A [0, 7000), B [7000, 22500), C [22500, 230000), D [230000, max]; amount = min + (activity − lower) × (max − min) / (next lower − lower).",
			Why:       "It leaves no gap, and the annex's own rule that each category's maximum is the next one's minimum makes the amount continuous and non-decreasing.",
			DependsOn: []string{"forfait.RuleSet.Category", "forfait.RuleSet.Compute", "TestBandEdges", "checkContinuousAtThresholds", "checkBaseMonotone"},
			Origin:    digest,
		},
		{
			ID:        "INT-02",
			Question:  "Category D runs from 230 000 to \"max\": what is max?",
			Passage:   "Annexe 3 §1 and §3",
			Options:   []string{"a fixed ceiling", "the largest combined activity nationally, an input", "clamp activities above a guess"},
			Reading:   "max is the largest combined activity among all establishments nationally, supplied by the caller or derived from a national dataset; at it, D pays its maximum. A category-D computation without it, with it at or below 230 000, or with an activity above it, is an error.",
			Why:       "The activity is computed nationally, once (A3§1); the text gives no figure, so guessing or clamping would invent money.",
			Policy:    "forfait.Request.NationalMax; campaign.Options.NationalMax",
			DependsOn: []string{"forfait.RuleSet.Category", "campaign.Compute", "TestNationalMax", "TestComputeErrors"},
			Origin:    digest,
		},
		{
			ID:       "INT-03",
			Question: "Where and how are amounts rounded?",
			Passage:  "Annexe 3 §4",
			Options: []string{
				"round the base to the thousand euros, as the worked example does",
				"round the base to the euro, then the forfait to the euro",
			},
			Reading:   "Exact decimals throughout; the base is rounded to a unit (1 € by default), bonus and factor applied exactly, the forfait rounded to 1 €; halves away from zero. A base unit of 1 000 € reproduces the annex's 176 300 €.",
			Why:       "The annex's rounding to the k€ is a presentation of an example; the default keeps the euro, and the policy reproduces the annex exactly.",
			Policy:    "forfait.RuleSet.Rounding (BaseUnit, ForfaitUnit, AdvanceUnit)",
			DependsOn: []string{"forfait.RuleSet.Compute", "TestWorkedExample", "Example_annex3", "checkMatchesReference"},
			Origin:    digest,
		},
		{
			ID:        "INT-04",
			Question:  "How is a forfait split into an advance of exactly 30 % and a balance, in whole euros?",
			Passage:   "§5; Annexe 2 §3",
			Options:   []string{"advance rounded, balance = the rest", "both rounded separately"},
			Reading:   "advance = round(30 % × forfait) to 1 €; balance = forfait − advance, so the two always add up to the forfait. Regional credits are split the same way.",
			Why:       "Rounding both could create or lose a euro; the ARS may notify neither more nor less than 30 %, which the nearest euro honours.",
			DependsOn: []string{"forfait.RuleSet.Split", "envelope.SplitCredits", "settlement.Open", "checkSplit"},
			Origin:    digest,
		},
		{
			ID:       "INT-05",
			Question: "What does a deferral (fenêtre de report) do to the targets and the forfait?",
			Passage:  "Annexe 2 §3",
			Options: []string{
				"keep the initial window's forfait and targets",
				"move to window w+1, its targets and its forfait, the advance deducted",
			},
			Reading:   "One deferral, to window w+1 (none after window 4): w+1's targets and forfait apply, the advance already paid is deducted from it; missed again, or no deferral, the whole advance is repaid.",
			Why:       "The ARS programme page describes switching to the second measurement window \"avec le forfait afférent\"; the text allows one deferral window.",
			DependsOn: []string{"window.Window.Deferral", "settlement.Settle", "TestAnnexDossier", "TestDossierMachine"},
			Origin:    digest,
		},
		{
			ID:        "INT-06",
			Question:  "A DS1 dossier with CRO reaches DS1.1 and DS1.2 but not DS1.3: what is paid?",
			Passage:   "§5; Annexe 1 (DS1.3 bonus)",
			Options:   []string{"nothing: the advanced forfait's targets are missed", "the standard forfait, less the advance"},
			Reading:   "The standard forfait of the window applies: balance = standard forfait − the advance already paid (30 % of the advanced forfait).",
			Why:       "DS1 is reached by DS1.1 and DS1.2; DS1.3 conditions only the bonus.",
			DependsOn: []string{"indicator.Targets.Evaluate", "settlement.Settle", "TestAnnexDossier"},
			Origin:    digest,
		},
		{
			ID:        "INT-07",
			Question:  "When is a target reached, and what is a valid rate?",
			Passage:   "Annexe 1; Annexe 2 §3",
			Options:   []string{"compare rounded or floating percentages", "compare exactly; reject impossible rates"},
			Reading:   "Reached when rate ≥ target, exactly (numerator × 100 ≥ target × denominator). A rate needs a denominator > 0 and 0 ≤ numerator ≤ denominator, otherwise it is an error, not a miss.",
			Why:       "Money depends on the comparison; a rounding must not decide it, and an impossible rate is a data error.",
			DependsOn: []string{"indicator.FromCounts", "indicator.Rate.Reaches", "checkReachesMatchesRat"},
			Origin:    digest,
		},
		{
			ID:        "INT-08",
			Question:  "How is a total divided among regions (or any weights) in whole euros?",
			Passage:   "Annexe 2 §1",
			Options:   []string{"round each share (sum may drift)", "largest remainder"},
			Reading:   "Largest remainder to the euro: parts sum exactly to the total, a zero weight gets zero, each part is within 1 € of its exact share, ties go to the earlier weight.",
			Why:       "No euro is created or lost, and the result is deterministic.",
			DependsOn: []string{"envelope.Allocate", "campaign.RegionalEnvelopes", "checkAllocation"},
			Origin:    digest,
		},
		{
			ID:       "INT-09",
			Question: "What makes a FINESS number well formed?",
			Passage:  "§5 (applications per establishment, by FINESS); §6.1 (lists by FINESS)",
			Options: []string{
				"check the structure only",
				"also verify the check key",
			},
			Reading:   "Nine characters: a department code (01–95 except 20, 2A, 2B, or 971–976) then digits. The ninth character, a check key, is not verified.",
			Why:       "The instruction gives no key algorithm; rejecting real numbers on a guessed algorithm would be worse than letting the ARS match them against the FINESS register.",
			DependsOn: []string{"forfait.ParseFINESS", "campaign.Read", "TestParseFINESS", "FuzzParseFINESS"},
			Origin:    library,
		},
		{
			ID:       "INT-10",
			Question: "\"One application per window\": does an earlier refused application in the same window count?",
			Passage:  "§6.1",
			Options: []string{
				"count every earlier application filed for the window",
				"count only validated or pending ones, allowing a new filing after a refusal",
			},
			Reading:   "Every earlier application filed for that window counts, whatever its outcome; a refused establishment applies again in a later window.",
			Why:       "The text states one application per window without exception; a refusal already states every reason, so a second filing in the same period is not provided for.",
			DependsOn: []string{"eligibility.Conditions (ONE-PER-WINDOW)", "TestEachReason"},
			Origin:    library,
		},
		{
			ID:       "INT-11",
			Question: "An indicator the establishment never declared in oSIS: is its target missed, or is the outcome unknown?",
			Passage:  "§5 (targets declared in oSIS at the end of the window); Annexe 1",
			Options: []string{
				"count it as a declared 0 %, so the target is missed and the advance repaid",
				"refuse to settle until a rate is declared",
			},
			Reading:   "A rate never declared is missing, not zero: evaluating the domain fails with indicator.ErrMissingRate and nothing is settled; a declared 0 % is a miss.",
			Why:       "Repayment follows a target not reached, which only a declaration shows; treating a gap in the data as a 0 % would recover an advance on a clerical omission.",
			DependsOn: []string{"indicator.Rate", "indicator.Targets.Evaluate", "settlement.Settle", "TestUndeclaredRate"},
			Origin:    library,
		},
		{
			ID:       "INT-12",
			Question: "When may an advance, a balance or a repayment be dated, for an audit of payments made?",
			Passage:  "§6.1 (review of applications, notification); Annexe 1 (targets measured per semester); Annexe 2 §3",
			Options: []string{
				"any date: only amounts are audited",
				"an advance from the opening of its window's application period to the end of its review period; a balance or repayment after the end of its window's measurement period",
			},
			Reading:   "An advance dated before its window's application period opens or after its review period ends, or a balance or repayment dated on or before the end of its window's measurement period, is a finding (DATE-CALENDAR), the amount being audited as well.",
			Why:       "An advance follows a validated application, filed in the window's application period and validated by the end of its review period, when the ARS communicates the validated applications (§6.1; settlement.Open refuses a later advance); a balance or repayment follows the targets, measured over the window's semester. Regions that moved balance deadlines later (published pages report it) stay within this reading; an advance notified after the review period, or any earlier date, needs an explanation an auditor should ask for.",
			DependsOn: []string{"audit.Audit (DATE-CALENDAR)", "TestEachFinding"},
			Origin:    library,
		},
		{
			ID:       "INT-13",
			Question: "An establishment whose 2019 combined activity is zero: is it funded?",
			Passage:  "§5 (funding computed on the establishment's own 2019 combined activity); Annexe 3 §1",
			Options: []string{
				"compute its forfait like any other, at category A's minimum",
				"refuse it: without 2019 activity there is no basis for a forfait",
			},
			Reading:   "A combined activity of zero refuses the application (reason ACTIVITY) and opens no dossier (settlement.ErrInvalidDossier); the forfait formula itself is not changed.",
			Why:       "The amounts are set from the 2019 activity computed nationally; category A's minimum paid to an establishment the national data do not show as active would fund no usage the programme can measure.",
			DependsOn: []string{"eligibility.Conditions (ACTIVITY)", "settlement.Open", "TestEachReason", "TestSettleErrors"},
			Origin:    library,
		},
		{
			ID:       "INT-14",
			Question: "An advance for a domain was repaid; a second advance for the same establishment and domain follows: is it a new funding or a duplicate?",
			Passage:  "§5 (one funding per domain over the programme); Annexe 2 §3 (repayment)",
			Options: []string{
				"a repayment closes the first funding, so a new advance is allowed",
				"a domain is funded once over the programme: a second advance is a duplicate, repaid or not",
			},
			Reading:   "A repaid advance still counts as the domain's funding. Eligibility refuses a later application for that domain (DOMAIN-REPAID; a domain refused earlier, and so never paid, may be applied for again); an audit reports every advance after the first for the same establishment and domain as a duplicate (DUPLICATE), whether or not the first was repaid; a second balance or repayment likewise. A regional ledger refuses the same notifications (envelope.ErrDuplicate): a notification's identity is its establishment, volet, domain and kind, not its window, so a deferred dossier's balance in the next window is still its one balance.",
			Why:       "§5 splits the funding into two payments and notifies the advance when the application is validated, so receiving it is benefiting from the funding; Annexe 2 §3 gives one second chance (the deferral window) and makes repayment the end of the dossier, not a return to the start. The text provides no second funding of a domain after a repayment.",
			DependsOn: []string{"eligibility.Conditions (DOMAIN-REPAID)", "audit.Audit (DUPLICATE)", "audit.Payment.Identity", "envelope.Identity", "envelope.Ledger.Book", "TestOneFundingPerDomain", "TestEachFinding", "checkDuplicatesAgree"},
			Origin:    library,
		},
		{
			ID:       "INT-15",
			Question: "A regional envelope is the region's share as if every establishment were funded at 100 % of its volet-1 forfaits: which forfaits count?",
			Passage:  "Annexe 2 §1",
			Options: []string{
				"for every establishment, the window-1 standard forfaits of the three domains",
				"only the domains an establishment may apply for (biology with a laboratory, imaging with an imaging unit)",
				"the discharge-documents forfait with the CRO bonus",
			},
			Reading:   "A region's weight is the sum, over its establishments in the extract, of their window-1 forfaits (factor 100 %) without the CRO bonus for DS1, DS2 and DS3: every establishment counts for all three domains, with or without a laboratory or an imaging unit.",
			Why:       "100 % reads as window 1's full factor and the standard level; the national activity extract carries no laboratory or imaging data, and the text does not limit its theoretical case to the domains an establishment could apply for.",
			DependsOn: []string{"campaign.RegionalEnvelopes", "campaign.RegionalEnvelope", "TestRegionalEnvelopes"},
			Origin:    library,
		},
		{
			ID:       "INT-16",
			Question: "An advance is repaid: does the region get its advance credits back?",
			Passage:  "Annexe 2 §3 (repayment); §6.1 (within the credits delegated)",
			Options: []string{
				"no: the credits were spent when the advance was notified",
				"yes: the repaid amount returns to the region's advance credits",
			},
			Reading:   "A repayment booked on a regional ledger lowers the advance credits used by its amount, so they may fund another advance; a ledger refuses a repayment larger than what the region has advanced.",
			Why:       "The envelope serves the whole programme (Annexe 2 §1), and Annexe 2 §5 seeks to avoid losing credits; money that comes back stays the region's.",
			DependsOn: []string{"envelope.Ledger.Book", "TestLedger", "TestFlowMachine"},
			Origin:    library,
		},
		{
			ID:       "INT-17",
			Question: "§4.2 excludes reaching the targets with newly bought software outside the GHT's convergence plan: does it apply to an establishment outside any GHT?",
			Passage:  "§4.2",
			Options: []string{
				"to GHT members only",
				"to every applicant, on its own statement",
			},
			Reading:   "The condition (CONVERGENCE-PLAN) is judged for every application: one stating that its targets would be reached with newly bought software outside a convergence plan is refused, GHT member or not; software already in place is never a reason to refuse.",
			Why:       "The condition rests on the applicant's own statement; the text names no other treatment for establishments outside a GHT, and judging it alike keeps one rule.",
			DependsOn: []string{"eligibility.Conditions (CONVERGENCE-PLAN)", "eligibility.Application", "TestEachReason"},
			Origin:    library,
		},
		{
			ID:       "INT-18",
			Question: "The volet-2 pilot's forfait is based on the 2019 combined activity and capped at 100 k€ per establishment: how much is it, and how is it paid?",
			Passage:  "§3.3; Annexe 2 §2, §4",
			Options: []string{
				"derive an amount from the combined activity by a formula of the library's own",
				"take the amount the ARS declares, check it against the cap, and split it as a volet-1 forfait",
			},
			Reading:   "The ARS declares an establishment's volet-2 amount; the library refuses an amount that is not positive or above the cap, and splits it as a volet-1 forfait (advance: the rule set's share, rounded per INT-04; balance: the rest). A volet-2 advance, balance or repayment other than that split is refused.",
			Why:       "The text gives no formula below the cap; inventing one would pay amounts the text does not state. The 30 %/70 % payment in two steps is stated for volet 2 as for volet 1.",
			DependsOn: []string{"envelope.SplitVolet2", "envelope.Volet2Settlement", "envelope.Ledger.Book", "TestVolet2", "TestVolet2Split"},
			Origin:    library,
		},
		{
			ID:       "INT-19",
			Question: "Credits reach an ARS in tranches delegated by budget circulars: which steps may a tranche serve?",
			Passage:  "§6.1 (within the credits delegated); Annexe 2 §5",
			Options: []string{
				"any step, once the tranche is delegated, whatever the step's date",
				"only the steps dated on or after the tranche",
			},
			Reading:   "A tranche's credits serve the steps dated on or after its date; a repayment gives advance credits back from its own date (INT-16); a step is accepted when what is committed and paid in its budget, net of the repayments made by then, fits at its date and at every later tranche or transfer date.",
			Why:       "Credits cannot be spent before they are delegated; checking every later date keeps a back-dated step from using credits that a later one already counted on.",
			DependsOn: []string{"envelope.Ledger.Delegate", "envelope.Ledger.Book", "envelope.CreditsError", "TestTranches", "checkCreditsMachine"},
			Origin:    library,
		},
		{
			ID:       "INT-20",
			Question: "ARS manage their envelope per funding window and may rebalance it: what does a window's budget hold, and where do unassigned credits go?",
			Passage:  "Annexe 2 §5",
			Options: []string{
				"every delegated credit belongs to a window",
				"credits are delegated to the region, then assigned to windows by explicit transfers",
			},
			Reading:   "Delegated credits are first assigned to no window; a dated transfer assigns them to a window or moves them between windows, and moves only what its source still holds from its date on, so it never creates credits. A window with a budget draws on it; a window without one draws on the unassigned credits.",
			Why:       "The text delegates credits to the ARS, not to windows; budgets per window are the ARS's management of them, which published regional pages show being rebalanced.",
			DependsOn: []string{"envelope.Ledger.Move", "envelope.Transfer", "TestBudgets", "checkCreditsMachine"},
			Origin:    library,
		},
		{
			ID:       "INT-21",
			Question: "Which establishments belong to the overseas territories the instruction excludes?",
			Passage:  "Mention Outre-mer",
			Options: []string{
				"those whose region says so (none of Annexe 2's 18 regions is one of them)",
				"those whose FINESS numbers carry the territory's department code",
			},
			Reading:   "An establishment whose FINESS géographique or juridique starts with 986 (Wallis-and-Futuna), 987 (French Polynesia) or 988 (New Caledonia) is refused (TERRITORY); the FINESS structure check accepts these codes so that the refusal, not a malformed number, says why.",
			Why:       "The FINESS department code is the registry's own statement of where an establishment is; the regions of Annexe 2 cannot name these territories.",
			DependsOn: []string{"eligibility.Conditions (TERRITORY)", "forfait.ParseFINESS", "TestScope"},
			Origin:    library,
		},
		// Deadlines, the PS2.2 audit at settlement, GHT dossiers.
		{
			ID:       "INT-22",
			Question: "By what day must an establishment declare in oSIS the rates of the targets it committed to reach in a window?",
			Passage:  "§5 (targets declared in oSIS at the end of the funding window, at the deadlines set in the funding dossier); Annexe 1 (window 1 = S1 2022 … window 4 = S2 2023)",
			Options: []string{
				"no deadline: a dossier waits for its declaration as long as it takes",
				"the last day of the window's measurement semester",
				"a later day, after a period of grace the text does not give",
			},
			Reading:   "Each window's declaration deadline is the last day of its measurement semester: 30 June 2022, 31 December 2022, 30 June 2023, 31 December 2023, marked inferred in the calendar. An ARS whose funding dossiers set other dates amends its copy of the calendar.",
			Why:       "§5 binds the establishment to declare its targets at the end of the funding window, and Annexe 1 makes each window a semester; a later day would be a date the text does not give, and no deadline would let an advance whose targets are never declared stay paid for ever.",
			DependsOn: []string{"window.Terms.Declaration", "window.Instruction2021", "window.Schedule.Validate", "settlement.Close", "TestInstruction2021", "TestClose"},
			Origin:    library,
		},
		{
			ID:       "INT-23",
			Question: "A domain is still undeclared after the deadline of the window it awaits: what becomes of its advance?",
			Passage:  "§5 (commitment to declare the targets at the end of the window); Annexe 2 §3 (targets not reached in the window nor in the deferral window asked for: the advance is repaid)",
			Options: []string{
				"nothing: a rate never declared is missing, so the dossier stays open (INT-11 alone)",
				"the targets are not shown reached: deferral when the establishment asked for it and INT-05 allows it, repayment of the advance otherwise",
			},
			Reading:   "When a dossier is closed on a day after the deadline of the window a domain awaits, with no declaration for it, the domain is settled as missed: deferred to window w+1 when the establishment asked for the deferral and INT-05 allows one (the domain is still in the window it applied for, and that window is not window 4), its whole advance repaid otherwise; a deferred domain still undeclared after window w+1's deadline is repaid. Before the deadline INT-11 holds: a missing rate settles nothing. A declaration given to settlement is taken as made by the deadline.",
			Why:       "Only a declaration shows the targets reached; the establishment committed to make it at the end of the window, and Annexe 2 §3 asks the advance back when the targets are not reached in the window nor in the deferral window. INT-11 protects a dossier from a clerical gap while the window is open, not for ever.",
			DependsOn: []string{"settlement.Close", "settlement.NewForecast", "TestClose", "TestForecast", "TestProgrammeMachine"},
			Origin:    library,
		},
		{
			ID:       "INT-24",
			Question: "A window-1 application was validated on a purchase order for the PS2.2 audit: what happens at settlement when the audit was done after 31 December 2021, or its completion is not shown?",
			Passage:  "Annexe 1, PS2.2 (a purchase order instead of the attestation, in window 1 only, provided the audit is done before the end of the review period, 31 December 2021); Annexe 2 §3 (the advance is paid on the prerequisites met; no funding is notified before the prerequisites and the targets are reached)",
			Options: []string{
				"nothing: the decision was taken and the advance stays paid",
				"the balance is refused but the advance is kept",
				"PS2.2 is not met: every domain still awaiting its targets has its advance repaid and no balance is paid",
			},
			Reading:   "When a dossier opened on a purchase order is settled or closed after the audit's deadline, the day the audit was done must have been recorded and be on or before the deadline. Otherwise PS2.2 is not met: every domain still awaiting its targets is settled by the repayment of its whole advance, whatever rates are declared, and no deferral is possible; domains already paid or repaid are left as they are. The repayment, like any other, is dated after the end of the domain's measurement semester (INT-12): a dossier closed earlier keeps its domains awaiting.",
			Why:       "The purchase order stands in for the attestation only on the condition that the audit is done by then; the advance is paid because the prerequisites are met and no funding is notified before they are, so a failed condition takes back what was paid on it. The establishment must supply the attestation, so an audit not shown is an audit not done. A repayment settles a domain's advance, which the targets' measurement settles too: dating every repayment after the measurement keeps one calendar for all of them, the one the audit checks.",
			DependsOn: []string{"settlement.RecordAudit", "settlement.Settle", "settlement.Close", "eligibility.Decision.PendingAudit", "TestPendingAudit"},
			Origin:    library,
		},
		{
			ID:       "INT-25",
			Question: "A GHT dossier is totalled at GHT level and paid under the delegation agreement between the ARS and the support establishment: what does each notification name, and what is funded once?",
			Passage:  "Annexe 3 §2 (forfaits computed per candidate establishment, totalled at GHT level); Annexe 2 §3 (the GHT stands for its candidate members; funding at each member's reaching of a domain's targets); §5 (an establishment funded once per domain)",
			Options: []string{
				"one forfait for the GHT on its members' summed activity, notified to the support establishment",
				"each member's forfaits on its own activity and targets, totalled at GHT level, each notification naming the member and domain it funds, the support establishment receiving the total",
			},
			Reading:   "Each member's dossier is opened and settled on its own activity and targets; the GHT dossier totals its members' forfaits, advances, balances and money, and remits each step's notifications to the support establishment as one sum. Each notification, and so the regional ledger, still names the member and domain it funds: that is what is funded once.",
			Why:       "Annexe 3 §2 keeps the computation per establishment and moves only the total and the payment to the GHT; Annexe 2 §3 pays at each member's reaching of a domain's targets, and §5 counts the funding per establishment and domain.",
			DependsOn: []string{"settlement.GHT", "settlement.GHT.Total", "settlement.GHT.Remit", "TestGHT"},
			Origin:    library,
		},
		// Readings of the audit of payments made (INT-26 onward).
		{
			ID:       "INT-26",
			Question: "A wrong advance is followed by its balance or repayment, which the text measures from the advance paid: how much money was paid wrongly, and which finding counts it?",
			Passage:  "Annexe 2 §3 (the advance is deducted from the domain's funding; the amounts received as advance are repaid); §5",
			Options: []string{
				"count every finding's difference: a balance paid as if the advance had been right is found wrong too, and the totals count the advance's error twice",
				"count each wrong euro once: the domain's money paid wrongly is what was paid less what was due, whichever step the error sits in",
			},
			Reading:   "A balance or repayment measured from the advance paid settles the advance's wrong amount. When it was paid as if the advance had been right, its finding carries the advance's difference over: it is reported as a consequence of the advance's finding and not counted again. Otherwise the advance's finding is marked settled by the later step and not counted, and the balance's or repayment's own difference, if any, is. A repayment's difference counts with its sign reversed (too little asked back is money kept). REGION-CREDITS and VOLET2-CAP report a ceiling, not money paid beyond what was due, and are not counted. The totals of money paid wrongly then sum to what was paid less what was due, per establishment and domain.",
			Why:       "An auditor's totals are the money to recover or to pay back; counting a carried-over error twice overstates it, and ignoring a balance that deducted the advance paid would report money already recovered.",
			DependsOn: []string{"audit.Finding.Overpaid", "audit.TotalsBy", "audit.Audit (ADVANCE-AMOUNT, BALANCE-AMOUNT, REPAYMENT-AMOUNT, ADVANCE-KEPT)", "TestCountedOnce", "checkCountedOnce"},
			Origin:    library,
		},
		{
			ID:       "INT-27",
			Question: "An ARS declared a volet-2 amount above the 100 k€ cap: what was due, for an audit of the payments made?",
			Passage:  "§3.3; Annexe 2 §4 (amounts based on the 2019 combined activity, within 100 k€ per establishment, paid 30 % then 70 %)",
			Options: []string{
				"refuse to audit: the declared amount is input the audit cannot use",
				"the cap: the advance due is 30 % of it, the balance the rest; the payment that takes the establishment beyond it is reported",
			},
			Reading:   "The establishment is due at most the cap: its volet-2 advance and balance are audited against the 30/70 split of the cap (ADVANCE-AMOUNT, BALANCE-AMOUNT, counted), and the payment that takes its net volet-2 funding beyond the cap is reported as VOLET2-CAP (not counted, the money being in the amount findings). A volet-2 repayment is the advance paid, as in volet 1; a volet-2 payment to an establishment with no declared amount is reported as NOT-DESIGNATED, and one in a region that is not a pilot as NOT-PILOT.",
			Why:       "\"Dans la limite de 100 K€\" bounds what an establishment may receive; an audit reports what was paid beyond it rather than stopping on the ARS's own figure.",
			DependsOn: []string{"audit.Audit (VOLET2-CAP, NOT-DESIGNATED, NOT-PILOT)", "audit.Establishment", "envelope.SplitVolet2", "TestVolet2", "checkCountedOnce"},
			Origin:    library,
		},
		{
			ID:       "INT-28",
			Question: "An advance was followed by neither its balance nor a repayment: from which day is it kept past its repayment date, for an audit that does not know whether a deferral was asked?",
			Passage:  "§5 (targets declared at the end of the window); Annexe 2 §3 (advance repaid when the targets are reached neither in the window nor in the deferral window asked for)",
			Options: []string{
				"the declaration deadline of the advance's window",
				"the declaration deadline of the deferral window, the latest day a balance could still be due (of window 4 for a window-4 advance, which has no deferral)",
			},
			Reading:   "An audit made after the declaration deadline of the advance's deferral window (window 4's own for a window-4 advance) reports a volet-1 advance followed by neither its balance nor a repayment as ADVANCE-KEPT, expected 0, counting the whole advance as paid wrongly. A repayment made late is not reported by this code.",
			Why:       "The payment ledger does not record deferral requests; the later deadline is the last day on which keeping the advance can still be right, so no advance is reported wrongly.",
			DependsOn: []string{"audit.Audit (ADVANCE-KEPT)", "audit.Options", "TestAdvanceKept", "checkCountedOnce"},
			Origin:    library,
		},
		// Readings of the files people bring.
		{
			ID:       "INT-29",
			Question: "The national maximum is taken from a national extract (INT-02): what if its largest combined activity stands far above every other?",
			Passage:  "Annexe 3 §1 (combined activity computed nationally); Annexe 3 §3 (category D up to the national maximum)",
			Options: []string{
				"take it as it is: the extract is the data",
				"refuse it as a likely error when it stands more than a set factor above the next largest, unless the caller gives the maximum",
			},
			Reading:   "Without a national maximum given, a largest combined activity more than three times (campaign.OutlierFactor) the next largest is refused, naming its row and both figures (campaign.ErrOutlierMax); the caller then gives the maximum (-national-max). An extract of fewer than two non-zero activities is not judged.",
			Why:       "One mistyped count (a digit too many multiplies by ten) would become the national maximum and cut every category D forfait of the country; the largest establishments stand well within a factor of three of the next (the sample's 321 000 against 140 800), so the check stops a typo without refusing a real extract.",
			Policy:    "campaign.Options.NationalMax; audit.Options.NationalMax",
			DependsOn: []string{"campaign.CheckNationalMax", "campaign.OutlierFactor", "campaign.ErrOutlierMax", "TestOutlierMax", "TestOutlierRefused"},
			Origin:    library,
		},
		{
			ID:       "INT-30",
			Question: "A row of an extract gives a region that does not contain the department of its FINESS number: which is right?",
			Passage:  "Annexe 2 §1 (regional envelopes, by region)",
			Options: []string{
				"refuse the row",
				"keep the region written and warn, naming both",
			},
			Reading:   "The first two characters of a FINESS number (three for the 97x overseas departments) are its department (INT-09); a row whose region, as Annexe 2 names it, does not contain that department is kept with the region written and reported as a warning naming both (campaign.Extract.Warnings). Departments are placed in regions by the INSEE Code officiel géographique.",
			Why:       "The region decides which envelope pays; an establishment may be registered in one department and attached to another region's agency, so the module warns the ARS rather than move money on its own guess.",
			DependsOn: []string{"campaign.Extract", "campaign.ErrRegionMismatch", "TestRegionWarning"},
			Origin:    library,
		},
		// Readings of the audit of payments made, continued.
		{
			ID:       "INT-31",
			Question: "A payment carries the CRO bonus on DS2 or DS3, or a DS1 balance carries a bonus its advance lacked: what was due, for an audit of the payments made?",
			Passage:  "§5 (the advanced forfait, with its 10 % bonus, concerns the discharge-documents domain); Annexe 3 §3 (CRO bonus on DS1); Annexe 2 §3",
			Options: []string{
				"report the bonus and audit nothing else: the payment claims a variant that does not exist, no amount is due for it, and it joins no domain's history",
				"audit the payment as the variant the dossier can have (its domain's standard one; the advance's for a balance whose bonus the advance lacked), report it whatever its amount, and count what it paid beyond that variant's amount",
			},
			Reading:   "A volet-1 payment with the CRO bonus on DS2 or DS3 is audited as its domain's standard variant: its advance, its balance (the standard forfait less the advance paid) or its repayment (the advance paid) is expected, it joins its domain's history like any payment of that domain, and it is reported as CRO-NOT-DS1 whatever its amount, its difference counted as ADVANCE-AMOUNT, BALANCE-AMOUNT or REPAYMENT-AMOUNT would count it (INT-26). A DS1 balance with the bonus after a standard DS1 advance is audited as a standard balance and reported as BALANCE-WINDOW the same way. A payment that DUPLICATE, NO-ADVANCE or BALANCE-AND-REPAYMENT counts whole is reported by that finding alone, its derivation naming the bonus.",
			Why:       "The bonus is DS1's alone (§5, Annexe 3 §3) and a dossier's variant is set when its application is validated; what the establishment can be due is the forfait of the variant it has, so the money paid beyond it is what an auditor recovers. Leaving the payment out of its domain's history would count nothing of an excess bonus and report the domain's later balance as having no advance.",
			DependsOn: []string{"audit.Audit (CRO-NOT-DS1, BALANCE-WINDOW)", "audit.CRONotDS1", "audit.BalanceWindow", "TestEachFinding", "checkCountedOnce"},
			Origin:    library,
		},
		{
			ID:       "INT-32",
			Question: "A payment to an establishment the extract does not hold, or a balance for a window other than its advance's or the deferral window: what was due, for an audit of the payments made?",
			Passage:  "§5 (forfait computed on the establishment's own 2019 combined activity); Annexe 3 §1 (combined activity computed nationally, once); Annexe 2 §3 (balance in the advance's window or the deferral window)",
			Options: []string{
				"count nothing: the audit cannot tell what was due (the extract may lack a row; the targets may have been reached in a window where a balance was due)",
				"nothing was due: count the whole payment, and say in the finding what the ARS must show to clear it",
			},
			Reading:   "Nothing is due to an establishment the extract does not hold: each of its payments is reported as UNKNOWN-ESTABLISHMENT, expected 0, the whole payment counted (a repayment with its sign reversed), the derivation saying that an extract lacking the establishment's row is to be completed and the audit run again. Nothing is due of a balance for a window other than its advance's or the deferral window: it is reported as BALANCE-WINDOW, expected 0, the whole balance counted; it stands as the domain's balance, so a later repayment is BALANCE-AND-REPAYMENT and the advance, audited on its own amount, is not reported as ADVANCE-KEPT.",
			Why:       "The forfait follows from the establishment's 2019 combined activity, computed nationally once and given to the ARS, and the audit reads the national maximum from the same extract (INT-02): an establishment absent from it has no activity on which anything is due, as INT-13 refuses one whose activity is zero. A balance is due once the targets are reached in the advance's window or, after a deferral, the next (Annexe 2 §3; INT-05): one paid for another window is not that balance. An auditor's totals are the money to recover; leaving a payment with no basis out of them would understate it, and the finding names what would clear it.",
			DependsOn: []string{"audit.Audit (UNKNOWN-ESTABLISHMENT, BALANCE-WINDOW)", "audit.UnknownEstablishment", "audit.BalanceWindow", "TestEachFinding", "TestReports", "checkCountedOnce"},
			Origin:    library,
		},
		{
			ID:       "INT-33",
			Question: "A deferred dossier's balance or repayment is notified in the deferral window: which window's budget does it draw on or return to?",
			Passage:  "Annexe 2 §3 (the balance follows the advance, the advance is repaid); Annexe 2 §5 (the ARS steers its envelope per funding window)",
			Options: []string{
				"the deferral window, for which it is notified",
				"the window of its advance, which paid the advance and holds the decision's commitment",
			},
			Reading:   "A balance or a repayment is booked on the budget of its advance's window, whatever window it is notified for: a repayment gives that window its advance credits back, a balance uses that window's usage credits, and the deferral window's budget is untouched.",
			Why:       "The decision that committed the forfait was taken, and its advance paid, in the first window; charging the deferral window would spend a budget that never committed the dossier and leave the first window's commitment hanging.",
			DependsOn: []string{"envelope.Ledger.Book", "envelope.Entry", "envelope.Snapshot", "TestRepaymentAfterDeferral", "checkCreditsMachine"},
			Origin:    library,
		},
	}
}
