/**
 * The help page's field and column tables, rendered from the declared input schema at build time
 * (scripts/build/help-page.js): the page lists exactly what the readers read, in the words the messages use.
 */
import { ARGUMENTS, argumentBlankText, FUNCTION_ARGUMENTS, OPTIONAL_PAIR_TEXT, SAS } from "./arguments";
import { MSP } from "../aci-msp/params";
import { MSP_FIELDS, requiredWhenText, type MspFieldEntry } from "./msp-fields";
import { KIND_HELP, NO_ZERO, TABLE_SCHEMA, type ColumnEntry, type TableKind } from "./schema";

/** Text made safe inside the help page's HTML. */
export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A table of the help page: its opening tag's attributes, its header cells and its rows (already HTML). */
export function helpTable(attributes: string, headers: readonly string[], rows: readonly string[]): string {
  return [
    `<table ${attributes}>`,
    `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`,
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
}

const TABLE_TITLES: Readonly<Record<TableKind, string>> = {
  communes: "Communes",
  cpts: "CPTS",
  msp: "MSP",
  contrats_am: "Contrats_AM",
  ald_mt: "ALD_MT (facultatif)",
  mt_dent: "MT_dent (facultatif)",
  cds: "CDS (facultatif)",
  imt: "IMT (facultatif)",
  depenses_cds: "Depenses_CDS (facultatif)",
};

const MSP_KIND_HELP: Readonly<Record<MspFieldEntry["kind"], string>> = {
  year: KIND_HELP.year,
  count: KIND_HELP.count,
  quantity: KIND_HELP.quantity,
  hours: KIND_HELP.hours,
  flag: KIND_HELP.flag,
  level: KIND_HELP.level,
  rate: KIND_HELP.rate,
  date: KIND_HELP.date,
};

/** What a blank (and a 0) means for an MSP field, in words. */
export function mspFieldBlank(field: MspFieldEntry): string {
  const zeroIsBlank = field.kind === "year" || field.kind === "date" || field.kind === "flag" || field.zero === "blank";
  const blank = zeroIsBlank ? "vide ou 0 : non renseigné" : "vide : 0";
  const when = field.requiredWhen;
  if (!when) return blank;
  const condition = when.always ? "toujours" : `si ${requiredWhenText(when)}`;
  return `obligatoire ${condition} : vide ou 0 refusé (${when.why})`;
}

function mspFieldType(field: MspFieldEntry): string {
  return field.kind === "level" ? `${KIND_HELP.level} de 0 à ${field.max}` : MSP_KIND_HELP[field.kind];
}

/** The text that created a field, and the first remuneration year it applies to (from the `msp.version` leaf). */
function sinceText(since: string | undefined): string {
  const entry = MSP.version.series.find((e) => e.value === (since ?? MSP.version.series[0].value));
  const year = entry ? entry.from.slice(0, 4) : "";
  return entry === MSP.version.series[0] ? `ACI de ${year}` : `${since} (rémunérations à partir de ${year})`;
}

/** The table of the ACI MSP fields (ACI.MSP_* header row, and the MSP table's field columns). */
export function mspFieldsHtml(): string {
  const rows = Object.entries(MSP_FIELDS).map(([code, f]) => {
    const field = f as MspFieldEntry;
    const since = sinceText(field.since);
    return `<tr><th scope="row"><code>${escapeHtml(code)}</code></th><td>${escapeHtml(field.label)}</td><td>${escapeHtml(mspFieldType(field))}</td><td>${escapeHtml(mspFieldBlank(field))}</td><td>${escapeHtml(since)}</td></tr>`;
  });
  return helpTable('class="schema" id="champs-msp"', ["Code", "Libellé", "Saisie", "Cellule vide", "Texte"], rows);
}

/** What a blank cell of a column means, in words. */
export function columnBlank(c: ColumnEntry): string {
  const parts: string[] = [];
  const b = c.blank;
  if (b.means === "refused") parts.push("refusée (valeur obligatoire)");
  else if (b.means === "absent") parts.push(b.text ?? "sans valeur");
  else parts.push(`lue comme ${b.text}${b.said ? ` (dit dans Contrôles${b.when ? ` si ${b.when.text}` : ""})` : ""}`);
  if (c.requiredWhen) parts.push(`obligatoire si ${c.requiredWhen.text}`);
  // a 0 where the kind has none (a code, a date) goes without saying
  if (c.zero === "refused" && !NO_ZERO.has(c.kind)) parts.push("0 refusé");
  if (c.zero === "blank") parts.push("0 lu comme vide");
  return parts.join(" ; ");
}

function columnType(c: ColumnEntry): string {
  const base = c.codes ? `${KIND_HELP.code} : ${c.codes.join(", ")}` : KIND_HELP[c.kind];
  const earliest = c.earliest ? ` ; pas avant ${c.earliest.text}` : "";
  return `${base}${c.note ? ` (${c.note})` : ""}${earliest}`;
}

/** One table per regional source table: its columns, required or not, their kind and what a blank cell means. */
export function tableColumnsHtml(): string {
  return (Object.keys(TABLE_SCHEMA) as TableKind[])
    .map((kind) => {
      const rows = TABLE_SCHEMA[kind].map(
        (c) =>
          `<tr><th scope="row"><code>${escapeHtml(c.code)}</code></th><td>${escapeHtml(c.label)}</td><td>${escapeHtml(columnType(c))}</td><td>${escapeHtml(columnBlank(c))}</td><td>${c.required ? "oui" : "non"}${c.key ? " ; clé de la ligne (sans doublon)" : ""}</td></tr>`,
      );
      const msp = kind === "msp" ? '\n<p>Puis les champs de l\'ACI MSP (<a href="#champs-msp">liste ci-dessus</a>), une colonne par champ.</p>' : "";
      const columns = helpTable('class="schema"', ["Colonne", "Libellé", "Saisie", "Cellule vide", "Colonne obligatoire"], rows);
      return `<h3 id="tableau-${kind}">Tableau <code>${TABLE_TITLES[kind]}</code></h3>\n${columns}${msp}`;
    })
    .join("\n");
}

/** What a blank (and a 0) means for each function argument, by its name in the function's help. */
export function argumentBlanks(): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(Object.entries(ARGUMENTS).map(([name, e]) => [name, argumentBlankText(e)]));
  out[SAS.code] = SAS.blankText;
  // a function's own reading of an argument, by « FUNCTION/argument »
  for (const [fn, entries] of Object.entries(FUNCTION_ARGUMENTS)) for (const [name, e] of Object.entries(entries)) out[`${fn}/${name}`] = argumentBlankText(e);
  for (const name of ["fa_depart", "fa_fin"]) out[`AM.ATTEINTE/${name}`] = OPTIONAL_PAIR_TEXT;
  return out;
}
