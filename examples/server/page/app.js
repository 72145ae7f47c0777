"use strict";
// The page asks the API in French ("lang": "fr"): the derivation, the
// interpretations and every problem come back in French, numbers written
// the French way. It reads the figures as a French user types them,
// refuses at the field what it cannot read, and never sends an absent
// figure as zero.

const NNBSP = "\u202f"; // narrow no-break space: the thousands separator
const NBSP = "\u00a0"; // no-break space: before € and %
const counts = ["mco_days", "mco_sessions", "ambulatory_surgery_stays", "day_hospital_stays", "ssr_days", "psy_days", "had_days", "usld_days"];
const decimals = ["combined_activity", "national_max", "base_unit"];
const fields = [...decimals, ...counts, "variant", "window"];

const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
const $ = (id) => document.getElementById(id);
const labelOf = (id) => document.querySelector(`label[for="${id}"]`).textContent;

// frenchNumber writes an exact decimal as the API writes it ("99761.5",
// "-1234", "0.33333…") the French way, never rounded: a decimal comma,
// digits grouped by three with a narrow no-break space ("99 761,5").
function frenchNumber(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(…?)$/.exec(String(s));
  if (!m) return String(s);
  const [, sign, whole, frac, cut] = m;
  const group = (d, fromLeft) => {
    const parts = [];
    if (fromLeft) { for (let i = 0; i < d.length; i += 3) parts.push(d.slice(i, i + 3)); }
    else { for (let i = d.length; i > 0; i -= 3) parts.unshift(d.slice(Math.max(0, i - 3), i)); }
    return parts.join(NNBSP);
  };
  return sign + group(whole, false) + (frac ? "," + group(frac, true) : "") + cut;
}
const euros = (s) => frenchNumber(s) + NBSP + "€";

const separators = /[ \u00a0\u202f]/g;

// readNumber reads a figure as a French user types it: "127800",
// "127 800" (a space, a no-break space or a narrow no-break space
// between groups of three), "127 800,5" or "12,5". A point is read as
// the decimal sign only where it cannot be a thousands separator: "1.234"
// could be either, and is refused. A count (whole) takes no decimals.
// It returns { empty: true }, { value: "127800.5" } in the API's notation,
// or { problem: "…" } in French.
function readNumber(text, whole) {
  const s = text.trim();
  if (s === "") return { empty: true };
  if (/^-/.test(s)) return { problem: `« ${s} » est négatif ; un nombre positif ou nul est attendu` };
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (s.match(/\./g).length > 1 || s.includes(","))) {
    const fixed = s.replace(/\./g, " ");
    return { problem: `« ${s} » n'est pas lisible ; le point ne sépare pas les milliers, écrivez « ${fixed} »` };
  }
  const m = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([,.])(\d+))?$/.exec(s);
  if (!m) return { problem: `« ${s} » n'est pas un nombre (par exemple 127 800 ou 127 800,5)` };
  const [, intPart, sep, frac] = m;
  const digits = intPart.replace(separators, "").replace(/^0+(?=\d)/, "");
  if (sep === "." && frac.length === 3 && /^\d{1,3}$/.test(intPart) && digits !== "0") {
    return { problem: `« ${s} » est ambigu ; écrivez « ${digits} ${frac} » si le point sépare les milliers, ou « ${digits},${frac} » s'il sépare les décimales` };
  }
  if (whole && frac !== undefined) return { problem: `« ${s} » n'est pas un nombre entier (un compteur compte des journées, des séances ou des séjours)` };
  if (digits.length > 12) return { problem: `« ${s} » dépasse la borne (moins de 1${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000)` };
  if (frac !== undefined && frac.length > 12) return { problem: `« ${s} » a trop de décimales (au plus 12)` };
  return { value: frac !== undefined ? digits + "." + frac : digits };
}

// clearProblems removes the problems shown at the fields and above the
// result.
function clearProblems() {
  for (const id of fields) {
    const input = $(id);
    input.removeAttribute("aria-invalid");
    const msg = $("erreur-" + id);
    if (msg) { msg.textContent = ""; msg.hidden = true; }
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((d) => d && d !== "erreur-" + id);
    if (described.length) input.setAttribute("aria-describedby", described.join(" ")); else input.removeAttribute("aria-describedby");
  }
  $("alerte").replaceChildren();
}

// showProblems ties each problem to its field (aria-invalid, its message
// next to it, described by it), lists them all above the result, and
// puts the focus on the first field at fault. A problem without a field
// is listed only.
function showProblems(problems, title) {
  const alert = $("alerte");
  alert.append(el("h2", title));
  const ul = el("ul");
  let first = null;
  for (const p of problems) {
    const li = el("li"); li.className = "erreur";
    if (p.field) {
      const input = $(p.field);
      input.setAttribute("aria-invalid", "true");
      const msg = $("erreur-" + p.field);
      if (msg) {
        msg.textContent = msg.textContent ? msg.textContent + " " + p.message : p.message;
        msg.hidden = false;
        const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((d) => d);
        if (!described.includes(msg.id)) input.setAttribute("aria-describedby", [msg.id, ...described].join(" "));
      }
      const a = el("a", p.message); a.href = "#" + p.field; li.append(a);
      if (first === null) first = input;
    } else {
      li.textContent = p.message;
    }
    ul.append(li);
  }
  alert.append(ul);
  if (first) first.focus();
}

// validate reads the form: the request to send, or the problems of each
// field. Either the combined activity or all eight counts: an empty count
// is not zero.
function validate() {
  const problems = [];
  const bad = (field, message) => problems.push({ field, message: labelOf(field) + " : " + message });
  const read = {};
  for (const id of decimals) read[id] = readNumber($(id).value, false);
  for (const id of counts) read[id] = readNumber($(id).value, true);
  for (const id of [...decimals, ...counts]) if (read[id].problem) bad(id, read[id].problem);
  const combined = !read.combined_activity.empty;
  const given = counts.filter((c) => !read[c].empty);
  if (combined && given.length > 0) {
    bad("combined_activity", "renseignez soit l'activité combinée, soit les huit compteurs, pas les deux");
  } else if (!combined && given.length === 0) {
    bad("combined_activity", "obligatoire (renseignez l'activité combinée, ou les huit compteurs dont elle est issue ; un chiffre absent n'est pas zéro)");
  } else if (!combined) {
    for (const c of counts) if (read[c].empty) bad(c, "obligatoire (un compteur vide n'est pas zéro ; écrivez 0 s'il est nul)");
  }
  for (const id of ["variant", "window"]) if ($(id).value === "") bad(id, "obligatoire");
  if (problems.length > 0) return { problems };
  const q = { variant: $("variant").value, window: $("window").value };
  if (!read.national_max.empty) q.national_max = read.national_max.value;
  if (combined) {
    q.combined_activity = read.combined_activity.value;
  } else {
    q.activity = {};
    for (const c of counts) q.activity[c] = Number(read[c].value); // at most 12 digits: exact
  }
  const body = { lang: "fr", explain: true, requests: [q] };
  if (!read.base_unit.empty && read.base_unit.value !== "1") body.base_unit = read.base_unit.value;
  return { body };
}

// fieldOf is the form's field a problem's JSON pointer names, or null.
function fieldOf(pointer) {
  if (pointer === "/base_unit") return "base_unit";
  if (pointer === "/requests/0/activity") return counts[0];
  const m = /^\/requests\/0\/(?:activity\/)?([a-z_]+)$/.exec(pointer || "");
  return m && fields.includes(m[1]) ? m[1] : null;
}

// serverProblems are the problems of the server's answer, each at its
// field when its pointer names one, its message in French as the server
// wrote it, without the request's number (the page sends one).
function serverProblems(data) {
  const list = data.errors || [{ detail: data.detail || data.title }];
  return list.map((e) => ({ field: fieldOf(e.pointer), message: String(e.detail).replace(/^Demande n° 1 › /, "") }));
}

let register = null;

// interpretations is the interpretation register in French, fetched once;
// null when it could not be.
async function interpretations() {
  if (register === null) {
    try {
      const r = await fetch("/v1/interpretations?lang=fr");
      if (r.ok) register = await r.json();
    } catch (e) {
      return null;
    }
  }
  return register;
}

const unreachable = "Le serveur ne répond pas : le calcul n'a pas pu être demandé. Vérifiez votre connexion, ou réessayez dans un instant.";

async function compute(event) {
  if (event) event.preventDefault();
  clearProblems();
  const out = $("resultat");
  out.replaceChildren();
  const { body, problems } = validate();
  if (problems) {
    showProblems(problems, "Le formulaire comporte des erreurs");
    return;
  }
  out.append(el("p", "Calcul en cours…"));
  const button = $("calculer");
  button.disabled = true;
  let r, data;
  try {
    r = await fetch("/v1/forfaits", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    data = await r.json();
  } catch (e) {
    out.replaceChildren();
    showProblems([{ field: null, message: r ? `Le serveur a répondu de façon inattendue (statut ${r.status}) : réessayez dans un instant.` : unreachable }], "Serveur injoignable");
    return;
  } finally {
    button.disabled = false;
  }
  out.replaceChildren();
  if (!r.ok) {
    showProblems(serverProblems(data), data.title || "La demande comporte des erreurs");
    return;
  }
  render(data.forfaits[0], out);
  const used = new Set();
  for (const s of data.forfaits[0].derivation) for (const i of (s.interpretations || [])) used.add(i);
  out.append(el("h2", "Interprétations retenues"));
  const all = await interpretations();
  if (all === null) {
    out.append(el("p", "Les interprétations n'ont pas pu être chargées : le serveur ne répond pas."));
    return;
  }
  const dl = el("dl"); dl.id = "interpretations";
  for (const i of all) {
    if (!used.has(i.id)) continue;
    dl.append(el("dt", i.id + " — " + i.question), el("dd", i.reading));
  }
  out.append(dl);
}

// render shows the forfait and its whole derivation, as the API wrote it
// in French.
function render(f, out) {
  out.append(el("h2", "Résultat"));
  const t = el("table");
  t.append(el("caption", "Catégorie " + f.category + ", activité combinée " + frenchNumber(f.combined_activity)));
  for (const [label, value, id] of [["Forfait", f.forfait, "forfait"], ["Avance (30 %)", f.advance, "avance"], ["Solde", f.balance, "solde"]]) {
    const tr = el("tr"); const th = el("th", label); th.scope = "row";
    const td = el("td", euros(value)); td.className = "montant"; td.id = id; td.dataset.value = value;
    tr.append(th, td); t.append(tr);
  }
  out.append(t);
  out.append(el("h2", "Dérivation"));
  const d = el("table"); d.id = "derivation";
  const head = el("tr");
  for (const h of ["Étape", "Calcul", "Résultat", "Source", "Interprétations"]) { const th = el("th", h); th.scope = "col"; head.append(th); }
  d.append(head);
  for (const s of f.derivation) {
    const tr = el("tr"); tr.dataset.step = s.name;
    const th = el("th", s.label); th.scope = "row";
    tr.append(th, el("td", s.formula), el("td", s.value), el("td", s.source || ""), el("td", (s.interpretations || []).join(", ")));
    d.append(tr);
  }
  out.append(d);
}

$("formulaire").addEventListener("submit", compute);

// A link can carry a request (?combined_activity=127800&variant=DS1%2BCRO&…&calculer=1):
// the fields are filled as a person would, then the form is submitted.
const params = new URLSearchParams(location.search);
for (const [k, v] of params) { if (fields.includes(k)) $(k).value = v; }
if (params.has("calculer")) $("calculer").click();
