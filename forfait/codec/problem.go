package codec

import (
	"errors"
	"strconv"
	"strings"
)

// What the JSON decoder says of a value it cannot read: the Reason of its
// errors. The French of each is a predicate of the value, which a French
// message says in place of the sentinel's (see french).
var (
	wantString  = Text{"n'est pas un texte", "want a string"}
	wantObject  = Text{"n'est pas un objet", "want an object"}
	wantBool    = Text{"n'est ni oui (true) ni non (false)", "want true or false"}
	wantWhole   = Text{"n'est pas un nombre entier", "want a whole number"}
	wantList    = Text{"n'est pas une liste", "want a list"}
	wantNumber  = Text{"n'est pas un nombre (par exemple « 127800 » ou « 12.5 »)", "want a number such as \"127800\" or \"12.5\""}
	wantPlain   = Text{"n'est pas un nombre en notation simple (par exemple « 127800 » ou « 12.5 »)", "want a number in plain notation, such as \"127800\" or \"12.5\""}
	wantUnknown = Text{"ne peut pas être lu", "cannot be read"}
	notKey      = Text{"n'est pas une clé admise ici", "not a key of this object"}
	notNull     = Text{"n'est pas une valeur (null) : donnez-en une, ou omettez le champ s'il est facultatif", "null is not a value: give one, or leave the field out where it may be"}
	givenTwice  = Text{"est donné deux fois : chaque champ ne se donne qu'une fois", "given twice: give each field once"}
	// The bounds on a number, said in its terms.
	beyondWhole    = Text{"dépasse la borne : au plus " + strconv.Itoa(maxWholeDigits) + " chiffres avant la virgule", "beyond the bound: at most " + strconv.Itoa(maxWholeDigits) + " digits before the point"}
	beyondFraction = Text{"dépasse la borne : au plus " + strconv.Itoa(maxFractionDigits) + " chiffres après la virgule", "beyond the bound: at most " + strconv.Itoa(maxFractionDigits) + " digits after the point"}
)

// decoderPredicates are the decoder's reasons above, whose French a
// message says of the value in place of the sentinel's text.
var decoderPredicates = map[Text]bool{
	wantString: true, wantObject: true, wantBool: true, wantWhole: true, wantList: true,
	wantNumber: true, wantPlain: true, wantUnknown: true, notKey: true, notNull: true,
	givenTwice: true, beyondWhole: true, beyondFraction: true,
}

// What the decoder says of a field: one it does not know, one required
// and left out. A message says it of the field, not of a value.
var (
	notField       = Text{"champ inconnu", "unknown field"}
	required       = Text{"obligatoire", "required"}
	requiredFigure = Text{"obligatoire (un chiffre absent n'est pas zéro)", "required: an absent figure is not zero"}
)

// FieldLabel returns the label people read for a field of the module's
// inputs, by the name the inputs give it ("mco_days", "window",
// "combined_activity"), and false for a name it does not know. The labels
// use the instruction's terms.
func FieldLabel(name string) (Text, bool) {
	t, ok := fieldLabels[name]
	return t, ok
}

// FieldLabels returns the names FieldLabel knows, for tests and
// documentation.
func FieldLabels() []string {
	names := make([]string, 0, len(fieldLabels))
	for n := range fieldLabels {
		names = append(names, n)
	}
	return names
}

// fieldLabels is the glossary of the fields people type or read back in
// a problem: the activity counts of Annexe 3 §1, the request of a
// forfait, an application's identity, dates, conditions (§4.2, §5) and
// prerequisites (Annexe 1), the rates of Annexe 1.
var fieldLabels = map[string]Text{
	// Annexe 3 §1: the counts the combined activity weighs.
	"mco_days":                 {"Journées MCO", "MCO days"},
	"mco_sessions":             {"Séances MCO", "MCO sessions"},
	"ambulatory_surgery_stays": {"Hospitalisations de jour de chirurgie ambulatoire", "Ambulatory surgery day stays"},
	"day_hospital_stays":       {"Hospitalisations de jour hors chirurgie ambulatoire", "Day hospital stays"},
	"ssr_days":                 {"Journées SSR", "SSR days"},
	"psy_days":                 {"Journées de psychiatrie", "Psychiatry days"},
	"had_days":                 {"Journées HAD", "HAD days"},
	"usld_days":                {"Journées USLD", "USLD days"},
	"activity":                 {"Activité", "Activity"},
	"combined_activity":        {"Activité combinée 2019", "Combined activity 2019"},
	"national_max":             {"Maximum national de l'activité combinée", "National maximum of combined activity"},
	// A forfait's request.
	"variant":   {"Domaine et bonus", "Domain and bonus"},
	"domain":    {"Domaine", "Domain"},
	"domains":   {"Domaines", "Domains"},
	"cro":       {"Bonus CRO", "CRO bonus"},
	"window":    {"Fenêtre de financement", "Funding window"},
	"lang":      {"Langue", "Language"},
	"requests":  {"Demande", "Request"},
	"category":  {"Catégorie", "Category"},
	"amount":    {"Montant", "Amount"},
	"advance":   {"Avance", "Advance"},
	"balance":   {"Solde", "Balance"},
	"forfait":   {"Forfait", "Forfait"},
	"total":     {"Total", "Total"},
	"volet":     {"Volet", "Volet"},
	"region":    {"Région", "Region"},
	"credits":   {"Crédits", "Credits"},
	"margin":    {"Marge", "Margin"},
	"weights":   {"Pondérations", "Weights"},
	"separator": {"Séparateur", "Separator"},
	"key":       {"Clé", "Key"},
	// An establishment and its application.
	"finess":              {"FINESS", "FINESS"},
	"finess_geographique": {"FINESS géographique", "Geographic FINESS"},
	"finess_juridique":    {"FINESS juridique", "Legal FINESS"},
	"establishment":       {"Établissement", "Establishment"},
	"name":                {"Nom", "Name"},
	"public":              {"Établissement public", "Public establishment"},
	"ght":                 {"GHT", "Hospital group (GHT)"},
	"support":             {"Établissement support", "Lead establishment"},
	"applications":        {"Candidatures", "Applications"},
	"history":             {"Dossiers antérieurs", "Earlier dossiers"},
	"filed":               {"Date de dépôt", "Filing date"},
	"audit_date":          {"Date de l'audit", "Audit date"},
	"date":                {"Date", "Date"},
	"on":                  {"Date", "Date"},
	"decision":            {"Décision", "Decision"},
	"language":            {"Langue", "Language"},
	// §5, §4.2: the conditions of an eligibility application.
	"relims_referenced":                 {"Éditeurs référencés dans RELIMS", "Vendors referenced in RELIMS"},
	"osis":                              {"Observatoire oSIS", "oSIS observatory"},
	"prerequisites_entered":             {"Prérequis saisis", "Prerequisites entered"},
	"targets_commitment":                {"Engagement à renseigner les cibles d'usage", "Commitment to report the usage targets"},
	"software_outside_convergence_plan": {"Logiciel hors schéma de convergence", "Software outside the convergence plan"},
	"hopen_funded":                      {"Financement HOP'EN reçu", "HOP'EN funding received"},
	"hopital_numerique_funded":          {"Financement Hôpital numérique reçu", "Hôpital numérique funding received"},
	"ght_conditions":                    {"Conditions propres au GHT", "GHT conditions"},
	"sdsi_deposited":                    {"SDSI déposé dans oSIS", "SDSI deposited in oSIS"},
	"convergence_indicators_entered":    {"Indicateurs de convergence saisis", "Convergence indicators entered"},
	"cio_appointed":                     {"DSI de GHT nommé", "GHT CIO appointed"},
	"director_validated":                {"Validation du directeur", "Director's validation"},
	"support_director_validated":        {"Validation du directeur de l'établissement support", "Support establishment director's validation"},
	// Annexe 1: the evidence for the Ségur prerequisites, and the GHT's share.
	"ps1_1_identity_cell":          {"PS1.1 Cellule d'identitovigilance", "PS1.1 Identity-vigilance cell"},
	"meets_every_semester":         {"Réunion au moins une fois par semestre", "Meets at least once a semester"},
	"activity_report":              {"Rapport d'activité", "Activity report"},
	"ps1_2_rniv":                   {"PS1.2 RNIV", "PS1.2 RNIV"},
	"questionnaire_completed":      {"Questionnaire d'appropriation renseigné", "Adoption questionnaire completed"},
	"ps2_1_security":               {"PS2.1 Sécurité du SI", "PS2.1 Information-system security"},
	"policy":                       {"Politique de sécurité", "Security policy"},
	"risk_analysis":                {"Analyse des risques détaillée", "Detailed risk analysis"},
	"action_plan":                  {"Plan d'action SSI", "Security action plan"},
	"plan_309_completed":           {"Plan d'action 309 achevé", "Plan 309 completed"},
	"rssi":                         {"Responsable sécurité (RSSI)", "Security officer (RSSI)"},
	"management_meetings_per_year": {"Réunions RSSI et direction par an", "RSSI/management meetings a year"},
	"incident_procedure":           {"Procédure de remontée des incidents", "Incident-reporting procedure"},
	"ps2_2_cyber_audit":            {"PS2.2 Audit de cybersurveillance", "PS2.2 Cyber-surveillance audit"},
	"signed_attestation":           {"Attestation signée", "Signed attestation"},
	"purchase_order":               {"Bon de commande", "Purchase order"},
	"ps3_1_dmp":                    {"PS3.1 DMP", "PS3.1 DMP"},
	"feeds_dmp":                    {"SIH capable d'alimenter le DMP", "Information system feeds the DMP"},
	"ps3_2_mssante":                {"PS3.2 MSSanté", "PS3.2 MSSanté"},
	"connected":                    {"Messagerie raccordée à MSSanté", "Messaging connected to MSSanté"},
	"ps1_1_ght_identity_cell":      {"PS1.1 Cellule d'identitovigilance du GHT", "PS1.1 GHT identity-vigilance cell"},
	"ps2_1_ght_security_policy":    {"PS2.1 Politique de sécurité du GHT", "PS2.1 GHT security policy"},
	"ps2_1_member_policy":          {"PS2.1 Déclinaison pour l'établissement", "PS2.1 Member's version of the policy"},
	"ps2_1_ght_rssi":               {"PS2.1 RSSI du GHT", "PS2.1 GHT security officer (RSSI)"},
	"attested":                     {"Prérequis attestés", "Prerequisites attested"},
	"ps1_1":                        {"PS1.1 Cellule d'identitovigilance", "PS1.1 Identity-vigilance cell"},
	"ps1_2":                        {"PS1.2 RNIV", "PS1.2 RNIV"},
	"ps2_1":                        {"PS2.1 Sécurité du SI", "PS2.1 Information-system security"},
	"ps2_2":                        {"PS2.2 Audit de cybersurveillance", "PS2.2 Cyber-surveillance audit"},
	"ps3_1":                        {"PS3.1 DMP", "PS3.1 DMP"},
	"ps3_2":                        {"PS3.2 MSSanté", "PS3.2 MSSanté"},
	// Annexe 1: the usage targets and the rates reported against them.
	"rate":        {"Taux", "Rate"},
	"rates":       {"Taux", "Rates"},
	"percent":     {"Pourcentage", "Percentage"},
	"target":      {"Cible d'usage", "Usage target"},
	"targets":     {"Cibles d'usage", "Usage targets"},
	"numerator":   {"Numérateur", "Numerator"},
	"denominator": {"Dénominateur", "Denominator"},
	"kind":        {"Nature", "Kind"},
	// The rule set's parameters (Annexe 3; INT-03).
	"rule set":          {"Jeu de règles", "Rule set"},
	"bands":             {"Catégories", "Bands"},
	"lower":             {"Seuil", "Lower bound"},
	"amounts":           {"Montants", "Amounts"},
	"min":               {"Minimum", "Minimum"},
	"max":               {"Maximum", "Maximum"},
	"cro_bonus":         {"Bonus CRO", "CRO bonus"},
	"rounding":          {"Arrondis", "Rounding"},
	"base_unit":         {"Arrondi du forfait de base", "Base unit"},
	"forfait_unit":      {"Arrondi du forfait", "Forfait unit"},
	"advance_unit":      {"Arrondi de l'avance", "Advance unit"},
	"prerequisites":     {"Prérequis", "Prerequisites"},
	"security_meetings": {"Réunions RSSI et direction par an", "Security meetings a year"},
	// Dossiers, credits and their audit (§5, §6.1; Annexe 2).
	"status":         {"Statut", "Status"},
	"outcome":        {"Issue", "Outcome"},
	"biology_lab":    {"Laboratoire de biologie médicale", "Biology laboratory"},
	"imaging_unit":   {"Service d'imagerie", "Imaging unit"},
	"declarations":   {"Déclarations", "Declarations"},
	"deferrals":      {"Reports", "Deferrals"},
	"audit_done":     {"Date de réalisation de l'audit", "Audit done"},
	"volet2_amount":  {"Montant du volet 2", "Volet-2 amount"},
	"regions":        {"Régions", "Regions"},
	"ledgers":        {"États des crédits", "Ledgers"},
	"delegations":    {"Délégations", "Delegations"},
	"tranches":       {"Tranches", "Tranches"},
	"tranche":        {"Tranche", "Tranche"},
	"transfer":       {"Transfert", "Transfer"},
	"commitments":    {"Engagements", "Commitments"},
	"source":         {"Source", "Source"},
	"from":           {"Fenêtre d'origine", "From"},
	"windows":        {"Fenêtres", "Windows"},
	"establishments": {"Établissements", "Establishments"},
	"payments":       {"Versements", "Payments"},
	"steps":          {"Étapes", "Steps"},
	// A tool's options.
	"encoding": {"Encodage", "Encoding"},
	"format":   {"Format", "Format"},
	"explain":  {"Dérivations", "Derivations"},
}

// Messages returns the text people read of each problem of err, one per
// problem (errors.Join's leaves). In English it is the error's own text,
// the Go message. In French a problem located on a field (an
// *InputError) reads as its place, the field's label, the value, what is
// wrong with it and, in brackets, its French reason when it has one, as
// the English message gives the English one: "Journées MCO : « 100 000 x »
// n'est pas un nombre entier", "FINESS : « 12345678 » n'est pas un numéro
// FINESS bien formé (doit compter 9 caractères, et non 8)"; a problem of a
// file is preceded by its line and column; another problem reads as its
// sentinel's French text, with the reason of a *ParseError and the note
// of Note in brackets. An error of a package's own shape (a ledger's
// refusal of a notification, a shortfall of credits) words itself for a
// French reader with a method French() string, which Messages uses.
func Messages(err error, l Lang) []string {
	var out []string
	for _, e := range Leaves(err) {
		if l == English {
			out = append(out, e.Error())
			continue
		}
		out = append(out, french(e))
	}
	return out
}

// Leaves lists the individual problems of err: the leaves of the tree
// that errors.Join builds when a function reports every problem at once.
// It returns nil for nil, and err itself when it is a single error.
func Leaves(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, Leaves(e)...)
	}
	return out
}

// french is the French text of one problem.
func french(err error) string {
	var tm *TooManyError
	if errors.As(err, &tm) {
		return "Et " + Thousands(tm.More) + " autres problèmes, non listés"
	}
	var le *LineError
	if errors.As(err, &le) {
		return le.french()
	}
	if n, ok := err.(*noted); ok {
		return french(n.err) + " (" + n.note.French + ")"
	}
	var ie *InputError
	if !errors.As(err, &ie) {
		var own interface{ French() string }
		if errors.As(err, &own) {
			return own.French()
		}
		var se *SyntaxError
		if errors.As(err, &se) {
			return "Ligne " + strconv.Itoa(se.Line) + ", colonne " + strconv.Itoa(se.Column) + " : le document n'est pas du JSON lisible"
		}
		why := ""
		var pe *ParseError
		if errors.As(err, &pe) {
			why = " (" + pe.Reason.French + ")"
		}
		if t, ok := SentinelText(err); ok {
			return capitalize(t.French) + why
		}
		return err.Error() // not of the module's catalogue (a file the system cannot open): its own text
	}
	where := capitalize(ie.frenchWhere())
	switch ie.Reason {
	case notField, required, requiredFigure:
		return where + " : " + ie.Reason.French
	}
	what := "n'est pas une valeur acceptée"
	if t, ok := SentinelText(ie.Err); ok {
		what = t.French
	}
	why := ""
	if texts := sentinelTexts(ie.Err); len(texts) > 1 {
		for _, t := range texts[1:] {
			why += " (" + t.French + ")"
		}
	}
	switch {
	case decoderPredicates[ie.Reason]:
		what = ie.Reason.French
	case ie.Reason.French != "":
		why += " (" + ie.Reason.French + ")"
	}
	value := enumValue(ie.Value)
	if u, err := strconv.Unquote(value); err == nil {
		value = u
	}
	if value == "" {
		return where + " : aucune valeur donnée" + why
	}
	return where + " : « " + value + " » " + what + why
}

// french is the French text of a problem of a file: its line and column,
// then the problem as a field's ("Ligne 2, colonne 3 › Bonus CRO :
// « peut-être » n'est pas un versement valide").
func (e *LineError) french() string {
	where := ""
	if e.Line > 0 {
		where = "Ligne " + strconv.Itoa(e.Line)
		if e.Column > 0 {
			where += ", colonne " + strconv.Itoa(e.Column)
		}
		where += " › "
	}
	if n, ok := e.Err.(*noted); ok {
		inner := *e
		inner.Err = n.err
		return inner.french() + " (" + n.note.French + ")"
	}
	var ie *InputError
	var tm *TooManyError
	if e.Field == "" && !errors.As(e.Err, &ie) && !errors.As(e.Err, &tm) {
		if t, ok := SentinelText(e.Err); ok { // the line's or the file's problem: said with its subject
			return where + e.frenchSubject() + " " + t.French + strings.TrimPrefix(french(e.Err), capitalize(t.French))
		}
	}
	if e.Field == "" || errors.As(e.Err, &ie) {
		return where + french(e.Err)
	}
	ie = &InputError{Field: e.Field, Value: e.Value, Err: e.Err}
	var pe *ParseError
	if errors.As(e.Err, &pe) {
		ie.Reason, ie.Err = pe.Reason, pe.Err
	} else if t, ok := SentinelText(e.Err); ok && e.Value == "" { // a column's problem, not a cell's
		return where + capitalize(ie.frenchWhere()) + " : " + t.French
	}
	return where + french(ie)
}

// frenchSubject is what a problem of no field is about, in French: the
// line for a line too long or too short, else the file by its noun.
func (e *LineError) frenchSubject() string {
	if errors.Is(e.Err, ErrLineTooLong) || errors.Is(e.Err, ErrShortRow) {
		return "Cette ligne"
	}
	if s, ok := fileSubjects[e.File]; ok {
		return s
	}
	return "Le fichier"
}

// fileSubjects names in French, as the subject of a sentence, the files
// the module reads, by the English noun their problems carry.
var fileSubjects = map[string]string{
	"extract":         "L'extraction",
	"payments ledger": "Le relevé de versements",
	"application":     "La candidature",
}

// frenchWhere names the place of a problem in French: each step's label,
// a list item by its number from 1 ("Demande n° 3 › Fenêtre de
// financement").
func (e *InputError) frenchWhere() string {
	p := append(append(Path{}, e.Path...), fieldPath(e.Field)...)
	parts := make([]string, 0, len(p))
	for _, s := range p {
		switch s.kind {
		case indexStep:
			if n := len(parts); n > 0 {
				parts[n-1] += " n° " + strconv.Itoa(s.index+1)
			} else {
				parts = append(parts, "n° "+strconv.Itoa(s.index+1))
			}
		case keyStep: // a key is data, but for a window's number: "window 1", as targets name theirs
			if n, ok := strings.CutPrefix(s.text, "window "); ok {
				parts = append(parts, "fenêtre "+n)
			} else {
				parts = append(parts, s.text)
			}
		default:
			if t, ok := fieldLabels[s.text]; ok {
				parts = append(parts, t.French)
			} else {
				parts = append(parts, s.text)
			}
		}
	}
	if len(parts) == 0 {
		return "Donnée"
	}
	return strings.Join(parts, " › ")
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// sentinelTexts returns the texts of the sentinels err holds, depth first:
// a problem may join several ("%w: %w", a malformed number that is a
// count with a decimal part), the first saying what the value is not, the
// others why.
func sentinelTexts(err error) []Text {
	if t, ok := err.(*sentinel); ok {
		return []Text{{French: t.french, English: t.english}}
	}
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		var out []Text
		for _, e := range u.Unwrap() {
			out = append(out, sentinelTexts(e)...)
		}
		return out
	case interface{ Unwrap() error }:
		return sentinelTexts(u.Unwrap())
	}
	return nil
}
