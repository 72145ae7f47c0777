"use strict";
const euros = (s) => Number(s).toLocaleString("fr-FR") + " €";
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
const counts = ["mco_days","mco_sessions","ambulatory_surgery_stays","day_hospital_stays","ssr_days","psy_days","had_days","usld_days"];
let register = null;

async function interpretations() {
  if (register === null) {
    const r = await fetch("/v1/interpretations");
    register = r.ok ? await r.json() : [];
  }
  return register;
}

function request() {
  const v = (id) => document.getElementById(id).value.trim();
  const q = { variant: v("variant"), window: v("window") };
  if (v("national_max") !== "") q.national_max = v("national_max");
  if (v("combined_activity") !== "") {
    q.combined_activity = v("combined_activity");
  } else {
    q.activity = {};
    for (const c of counts) q.activity[c] = Number(v(c) || "0");
  }
  const body = { requests: [q], explain: true };
  if (v("base_unit") !== "" && v("base_unit") !== "1") body.base_unit = v("base_unit");
  return body;
}

async function compute(event) {
  if (event) event.preventDefault();
  const out = document.getElementById("resultat");
  out.replaceChildren(el("p", "Calcul en cours…"));
  const r = await fetch("/v1/forfaits", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request()) });
  const data = await r.json();
  out.replaceChildren();
  if (!r.ok) {
    out.append(el("h2", "La demande comporte des erreurs"));
    const ul = el("ul");
    for (const e of (data.errors || [{ detail: data.detail }])) {
      const li = el("li", (e.pointer ? e.pointer + " : " : "") + e.detail); li.className = "erreur"; ul.append(li);
    }
    out.append(ul);
    return;
  }
  const f = data.forfaits[0];
  out.append(el("h2", "Résultat"));
  const t = el("table");
  t.append(el("caption", "Catégorie " + f.category + ", activité combinée " + Number(f.combined_activity).toLocaleString("fr-FR")));
  for (const [label, value, id] of [["Forfait", f.forfait, "forfait"], ["Avance (30 %)", f.advance, "avance"], ["Solde", f.balance, "solde"]]) {
    const tr = el("tr"); const th = el("th", label); th.scope = "row";
    const td = el("td", euros(value)); td.className = "montant"; td.id = id; td.dataset.value = value;
    tr.append(th, td); t.append(tr);
  }
  out.append(t);
  out.append(el("h2", "Dérivation"));
  const d = el("table");
  const head = el("tr");
  for (const h of ["Étape", "Calcul", "Source", "Interprétations"]) { const th = el("th", h); th.scope = "col"; head.append(th); }
  d.append(head);
  const used = new Set();
  for (const s of f.derivation) {
    const tr = el("tr");
    tr.append(el("td", s.name), el("td", s.formula), el("td", s.source), el("td", (s.interpretations || []).join(", ")));
    for (const i of (s.interpretations || [])) used.add(i);
    d.append(tr);
  }
  out.append(d);
  out.append(el("h2", "Interprétations retenues"));
  const dl = el("dl");
  for (const i of await interpretations()) {
    if (!used.has(i.id)) continue;
    dl.append(el("dt", i.id + " — " + i.question), el("dd", i.reading));
  }
  out.append(dl);
}

document.getElementById("formulaire").addEventListener("submit", compute);

// A link can carry a request (?combined_activity=127800&variant=DS1%2BCRO&…&calculer=1):
// the fields are filled as a person would, then the form is submitted.
const params = new URLSearchParams(location.search);
for (const [k, v] of params) { const input = document.getElementById(k); if (input) input.value = v; }
if (params.has("calculer")) document.getElementById("calculer").click();
