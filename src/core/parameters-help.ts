/**
 * The help page's parameter tables, rendered at build time (scripts/build/help-page.js) from the parameter files of
 * the three families: every dated value with its period, its references (title and address) and its status, so the
 * page shows the very values the rules apply.
 */
import { CPTS_PARAMETERS } from "./aci-cpts/params";
import { MSP_PARAMETERS } from "./aci-msp/params";
import { AIDES_PARAMETERS } from "./aides/params";
import { AM_PARAMETERS } from "./assistant-medical/params";
import { frenchDate } from "./dates";
import { frNumber, frPercent } from "./format";
import { escapeHtml as escape, helpTable } from "./inputs/help";
import { periodText, type Dated, type Parameter, type Unit } from "./params";
import { READINGS } from "./readings";

export const PARAMETER_FAMILIES: readonly { id: string; title: string; parameters: readonly Parameter[] }[] = [
  { id: "parametres-aci-msp", title: "ACI MSP", parameters: MSP_PARAMETERS },
  { id: "parametres-aci-cpts", title: "ACI CPTS", parameters: CPTS_PARAMETERS },
  { id: "parametres-am", title: "Aide à l'emploi d'un assistant médical", parameters: AM_PARAMETERS },
  { id: "parametres-aides", title: "Aides associées : formation IPA, protocoles SNP, psychologues", parameters: AIDES_PARAMETERS },
];

/** The readings of the product (readings.ts), as the help page lists them: id, what is read, the choice, why. */
export function readingsHtml(): string {
  const rows = READINGS.map(
    (r) => `<tr><th scope="row" id="${r.id}">${r.id}</th><td>${escape(r.title)}</td><td>${escape(r.choice)}</td><td>${escape(r.why)}</td></tr>`,
  );
  return helpTable('class="schema"', ["Lecture", "Ce qui est lu", "Choix retenu", "Pourquoi"], rows);
}

export { periodText };

/** A key of a value table in words: « amplitudeSansMinoration » → « amplitude sans minoration ». */
const keyText = (key: string) =>
  /^[A-Z]/.test(key)
    ? key
    : key
        .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
        .replace(/_/g, " ")
        .toLowerCase();

const UNIT_SUFFIX: Partial<Record<Unit, string>> = { euros: " €", points: " points", hours: " h", patients: " patients", years: " ans", ETP: " ETP" };

const UNIT_WORD: Readonly<Record<Unit, string>> = {
  points: "points",
  euros: "euros",
  rate: "taux",
  count: "nombre",
  hours: "heures",
  patients: "patients",
  years: "années",
  date: "date",
  ETP: "ETP",
  table: "table",
  code: "code",
};

/**
 * One value in French: a number with its unit, a rate as a percentage, an ISO date as a date. In a table of values
 * (whose entries may mix hours and points, or a taille and a rate) the numbers go bare, the unit being said beside
 * the parameter's name, except the rates of a rate parameter (the whole numbers there are tailles and counts).
 */
export function valueText(value: unknown, unit: Unit, nested = false): string {
  if (typeof value === "number") {
    if (unit === "rate" && !(nested && Number.isInteger(value) && value > 1)) return frPercent(value);
    return nested ? frNumber(value) : `${frNumber(value)}${UNIT_SUFFIX[unit] ?? ""}`;
  }
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (value === null || value === undefined) return "non publié";
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? frenchDate(value) : value;
  if (Array.isArray(value)) return value.map((v) => valueText(v, unit, nested)).join(" / ");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${keyText(k)} : ${valueText(v, unit, true)}`)
      .join(" ; ");
  }
  return "";
}

function referencesHtml(entry: Dated<unknown>): string {
  return entry.references.map((r) => (r.url ? `<a href="${escape(r.url)}">${escape(r.title)}</a>` : escape(r.title))).join("<br />");
}

const statusText = (entry: Dated<unknown>) => (entry.status === "to-confirm" ? `à confirmer : ${entry.why ?? ""}` : "confirmé");

/** One table per family: a row per dated value (parameter, period, value, source, status). */
export function parametersHtml(): string {
  return PARAMETER_FAMILIES.map((family) => {
    const rows = family.parameters.flatMap((p) =>
      p.series.map(
        (entry, i) =>
          `<tr${entry.status === "to-confirm" ? ' class="a-confirmer"' : ""}>${i === 0 ? `<th scope="row" rowspan="${p.series.length}">${escape(p.label)}<br /><code class="discret">${escape(p.id)}</code> <span class="discret">(${UNIT_WORD[p.unit]})</span></th>` : ""}<td>${escape(periodText(entry))}</td><td>${escape(valueText(entry.value, p.unit))}</td><td>${referencesHtml(entry)}</td><td>${escape(statusText(entry))}</td></tr>`,
      ),
    );
    const table = helpTable('class="schema parametres"', ["Paramètre", "Période", "Valeur", "Source", "Statut"], rows);
    return `<h3 id="${family.id}">${escape(family.title)}</h3>\n${table}`;
  }).join("\n");
}
