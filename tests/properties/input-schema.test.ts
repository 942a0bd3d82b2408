/**
 * Issue 20: the declared input schema is what the readers do. For every column of the four regional tables and every
 * field of the ACI MSP row, a blank, a 0, an ambiguous text number and an out-of-range value give the outcome the
 * schema declares — read (the declared default), or refused with a message naming the table, the column and the Excel
 * row — and an MSP field gives the same outcome in the function (ACI.MSP_*) and in the MSP table.
 * Readings: RULES.md, « Reading cells » (one declared input schema; blanks that cannot stand for a value; `10,000`
 * ambiguous; counts and populations whole numbers).
 */
import { describe, expect, it } from "vitest";
import { computeMsp, readMspFields } from "../../src/core/aci-msp";
import { ARGUMENTS, readArgument, type ArgumentEntry } from "../../src/core/inputs/arguments";
import { MSP_FIELDS, type MspFieldEntry } from "../../src/core/inputs/msp-fields";
import { TABLE_SCHEMA, type ColumnEntry, type TableKind } from "../../src/core/inputs/schema";
import { DomainError } from "../../src/core/errors";
import { PREREQUISITES_MET } from "../support/msp-fields";
import {
  problemText,
  ReadLog,
  readAldMt,
  readCdsTable,
  readDepensesCds,
  readImt,
  readMtDent,
  readCommunes,
  readContratsAm,
  readCpts,
  readMspTable,
  TABLE_LABELS,
  type RawTable,
} from "../../src/core/regional/tables";

/** One clean row per table, every declared column given (a CPTS conventionnée, a libéral contract with its follow-up). */
const CLEAN: Readonly<Record<TableKind, Readonly<Record<string, unknown>>>> = {
  communes: { code_commune: "33063", departement: "33", population: 12_000, cpts: "A" },
  cpts: {
    id: "A",
    nom: "CPTS A",
    departement: "33",
    stade: "5",
    population: 12_000,
    date_signature: "15/03/2021",
    membres: 40,
    sas: 1,
    atteinte_acces: 0.8,
    atteinte_parcours: 0.8,
    atteinte_prevention: 0.8,
    atteinte_qualite: 0.8,
    atteinte_accompagnement: 0.8,
    qualite: 1,
    accompagnement: 0,
  },
  // with the prerequisites of 2022 as columns (without them no MSP of the year would be paid: refused)
  msp: {
    id: "M1",
    nom: "MSP 1",
    departement: "33",
    aci: 1,
    annee: 2022,
    patientele: 4_000,
    nb_ps: 13,
    si_standard: 1,
    snp: 1,
    amplitude_h: 12,
    coordination: 1,
    crise_plan: 1,
  },
  contrats_am: {
    id: "C1",
    cpam: "33",
    date_signature: "15/10/2021",
    // a band whose objective the 2019 grid gives (blank `objectif`: derived from it, as AM.OBJECTIF)
    etp: 1,
    regime: "liberal",
    bande: "P30-P50",
    date_fin: "15/10/2025",
    pmt_depart: 1_000,
    pmt_fin: 1_100,
    fa_depart: 1_500,
    fa_fin: 1_600,
    objectif: 0.05,
    etp_medecins: 3,
  },
  // Gironde's caisse, so that « 33 » reads as in Contrats AM; no patient without MT, so that any count of patients in
  // ALD (0 included) is consistent with it
  ald_mt: { cpam: "33", date: "07/02/2024", patients_ald: 32_358, patients_ald_sans_mt: 0 },
  // no examination done, so that any count of eligible patients (0 included) is consistent with it
  mt_dent: { cpam: "33", annee: 2023, patients_eligibles: 294, ebd_realises: 0, taux_moyen_ps: 0.198 },
  imt: { cpam: "33", mois: "01/06/2023", nb_imt: 12 },
  depenses_cds: { annee: 2023, groupe: "Actes médicaux", prestation: "Consultations et visites", regime: "general", montant: 26_172_553, pcap_france: 0.16 },
  cds: { id: "130000001", nom: "Centre de santé dentaire", departement: "13", type: "dentaire", specialite: "" },
};

const READERS: Readonly<Record<TableKind, (t: RawTable, log: ReadLog) => unknown[]>> = {
  communes: readCommunes,
  cpts: readCpts,
  msp: readMspTable,
  contrats_am: readContratsAm,
  ald_mt: readAldMt,
  mt_dent: readMtDent,
  cds: readCdsTable,
  imt: readImt,
  depenses_cds: readDepensesCds,
};

/** The table with its clean row, one cell changed; the row is on Excel row 5 (header on row 4, below a title). */
function read(kind: TableKind, column: string, value: unknown): { rows: number; problems: string[] } {
  const row = { ...CLEAN[kind], [column]: value };
  const headers = Object.keys(row);
  const log = new ReadLog();
  const rows = READERS[kind]({ source: kind, headers, rows: [headers.map((h) => row[h])], headerRow: 4 }, log);
  return { rows: rows.length, problems: log.problems.map(problemText) };
}

const prefix = (kind: TableKind, column: string) => `tableau ${TABLE_LABELS[kind]}, colonne « ${column} », ligne 5 : `;

/** An out-of-range value of each kind: a negative or decimal count, a rate typed as 150, a flag of 2, an unknown code. */
const OUT_OF_RANGE: Partial<Record<ColumnEntry["kind"], unknown>> = {
  commune: "330",
  departement: "99",
  cpam: "999",
  population: 12_000.5,
  count: -1,
  quantity: -1,
  etp: -0.5,
  rate: 150,
  flag: 2,
  date: "15/03/2150",
  code: "zz",
};

/** The outcome the schema declares for a blank cell of `entry` in the clean row (every column given there). */
function blankRefused(kind: TableKind, entry: ColumnEntry): boolean {
  const when = entry.requiredWhen;
  return entry.blank.means === "refused" || (when !== undefined && (when.given ? true : CLEAN[kind][when.column] === when.is));
}

describe("every column of the four tables reads as the schema declares", () => {
  for (const [kind, entries] of Object.entries(TABLE_SCHEMA) as [TableKind, readonly ColumnEntry[]][]) {
    it(`${TABLE_LABELS[kind]}: the clean row is read without a problem`, () => {
      expect(read(kind, "id" in CLEAN[kind] ? "id" : "code_commune", CLEAN[kind].id ?? CLEAN[kind].code_commune)).toEqual({ rows: 1, problems: [] });
    });
    for (const entry of entries) {
      const column = entry.code;
      it(`${TABLE_LABELS[kind]}.${column}: blank, 0, « 10,000 » and an out-of-range value`, () => {
        // a blank: refused naming the cell, or read (absent or the declared default)
        const blank = read(kind, column, "");
        if (blankRefused(kind, entry)) {
          expect(blank.rows, "blank").toBe(0);
          expect(blank.problems.length, "blank").toBe(1);
          expect(blank.problems[0].startsWith(prefix(kind, column)), blank.problems[0]).toBe(true);
        } else expect(blank, "blank").toEqual({ rows: 1, problems: [] });

        // a 0: a blank, a value of the kind, or refused
        const zero = read(kind, column, 0);
        if (entry.zero === "blank") expect(zero, "0").toEqual(blank);
        else if (entry.zero === "refused") {
          expect(zero.rows, "0").toBe(0);
          expect(
            zero.problems.some((p) => p.startsWith(prefix(kind, column))),
            zero.problems.join("\n"),
          ).toBe(true);
        } else expect(zero, "0").toEqual({ rows: 1, problems: [] });

        // « 10,000 »: English thousands or a French decimal; an id or a text keeps it as typed
        const ambiguous = read(kind, column, "10,000");
        if (entry.kind === "id" || entry.kind === "text")
          expect(
            ambiguous.problems.filter((p) => p.includes(`« ${column} »`)),
            "10,000",
          ).toEqual([]);
        else {
          expect(ambiguous.rows, "10,000").toBe(0);
          expect(
            ambiguous.problems.some((p) => p.startsWith(prefix(kind, column))),
            ambiguous.problems.join("\n"),
          ).toBe(true);
          if (["population", "count", "quantity", "etp", "rate"].includes(entry.kind))
            expect(ambiguous.problems.join("\n")).toMatch(/nombre ambigu « 10,000 »/);
        }

        // out of range: refused naming the cell (a rate of achievement above 100 % is capped, as CPTS.MISSION caps it)
        const bad = OUT_OF_RANGE[entry.kind];
        if (bad !== undefined && !(column.startsWith("atteinte_") && bad === 150)) {
          const out = read(kind, column, bad);
          expect(out.rows, String(bad)).toBe(0);
          expect(
            out.problems.some((p) => p.startsWith(prefix(kind, column))),
            out.problems.join("\n"),
          ).toBe(true);
        }
      });
    }
  }

  it("a rate of achievement above 100 % is capped at 100 %, one of 150 (typed for 150 %) refused with how to type it", () => {
    expect(read("cpts", "atteinte_acces", 1.2)).toEqual({ rows: 1, problems: [] });
    expect(read("cpts", "atteinte_acces", 150).problems).toEqual([`${prefix("cpts", "atteinte_acces")}taux saisi 150 : saisir 150 % ou 1,5`]);
  });
});

/**
 * An MSP of 2022 under contract (the shared base meeting the prerequisites) in which every declared requirement applies
 * (snp, si_standard, files reviewed, a CSS rate beside its national rate).
 */
const MSP_BASE: Readonly<Record<string, unknown>> = {
  ...PREREQUISITES_MET,
  annee: 2022,
  reunions: 6,
  dossiers: 40,
  patients_ald75: 800,
  crise_plan: 1,
  taux_css: 0.1,
  taux_css_national: 0.08,
};

/** The function's outcome (ACI.MSP_* read the pairs, then the rules) and the MSP table's, for one field's value. */
function both(code: string, value: unknown): { fn: string; table: string } {
  const fields = { ...MSP_BASE, [code]: value };
  let fn = "";
  try {
    computeMsp(readMspFields(Object.entries(fields)), false);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    fn = error.message;
  }
  const row = { id: "M1", nom: "MSP 1", departement: "33", aci: 1, ...fields };
  const headers = Object.keys(row);
  const log = new ReadLog();
  readMspTable({ source: "msp", headers, rows: [headers.map((h) => (row as Record<string, unknown>)[h])], headerRow: 1 }, log);
  const table = log.problems.map((p) => `${p.column} : ${p.message}`).join("\n");
  return { fn, table };
}

const MSP_OUT_OF_RANGE = (f: MspFieldEntry): unknown =>
  ({ year: 1800, count: -1, quantity: -1, hours: 25, flag: 2, level: f.kind === "level" ? f.max + 1 : 0, rate: 2.5, date: "32/13/2020" })[f.kind];

describe("every MSP field gives the same outcome in the function and in the MSP table", () => {
  it("the base MSP is paid in both, without a problem", () => {
    expect(both("patientele", 4_000)).toEqual({ fn: "", table: "" });
  });
  for (const [code, f] of Object.entries(MSP_FIELDS)) {
    const field = f as MspFieldEntry;
    it(`${code}: blank, 0, « 10,000 » and ${String(MSP_OUT_OF_RANGE(field))}`, () => {
      const when = field.requiredWhen;
      const required = when !== undefined && (when.always || (Number(MSP_BASE[when.field!] ?? 0) > 0 && !(when.unless ?? []).some((u) => MSP_BASE[u])));
      const blank = both(code, "");
      if (code === "annee") {
        // a table row must give its year; the function takes the current year's rules
        expect(blank.table).toMatch(/^annee : année de rémunération obligatoire/);
      } else if (required) {
        expect(blank.fn).toMatch(new RegExp(`^${code} : champ non renseigné \\(ou 0\\)`));
        expect(blank.table).toBe(blank.fn);
      } else expect(blank).toEqual({ fn: "", table: "" });

      // desktop Excel's blank: a 0 where 0 is no value (a year, a date, a flag, a national rate) reads as the blank
      const zero = both(code, 0);
      const zeroIsBlank = field.kind === "year" || field.kind === "date" || field.kind === "flag" || field.zero === "blank";
      if (zeroIsBlank && code !== "annee") expect(zero).toEqual(blank);
      else if (required) expect(zero.fn).toBe(blank.fn);
      expect(zero.table).toBe(code === "annee" ? blank.table : zero.fn);

      for (const bad of ["10,000", MSP_OUT_OF_RANGE(field)]) {
        const out = both(code, bad);
        expect(out.fn, String(bad)).toMatch(new RegExp(`^${code} : `));
        expect(out.table, String(bad)).toBe(out.fn);
      }
    });
  }
});

describe("every function argument reads a blank and a 0 as the schema declares, in both Excels", () => {
  const outcome = (run: () => unknown): { value?: unknown; error?: string } => {
    try {
      return { value: run() };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { error: error.message };
    }
  };
  for (const [name, e] of Object.entries(ARGUMENTS)) {
    const entry = e as ArgumentEntry<unknown>;
    it(`${name}: the web's blank (null), desktop's (0) and « 10,000 »`, () => {
      const web = outcome(() => readArgument(entry, null));
      if (entry.blank.means === "refused") expect(web.error).toMatch(new RegExp(`^${name} : `));
      else expect(web).toEqual({ value: entry.blank.value() });
      const desktop = outcome(() => readArgument(entry, 0));
      // a 0 that is no value of the argument is desktop Excel's blank: both Excels agree
      if (entry.zero === "blank") expect(desktop).toEqual(web);
      else expect(desktop.error ?? "").not.toMatch(/non renseigné/);
      const ambiguous = outcome(() => readArgument(entry, "10,000"));
      expect(ambiguous.error, "10,000").toMatch(new RegExp(`^${name} : `));
    });
  }
});
