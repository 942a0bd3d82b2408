/**
 * MSP: count and ACI adhesion by département (seed 000: 60 of 130, 46 %),
 * mean remuneration N and N−1, the evolution computed on the MSP paid both
 * years (seed 000: +2.8 % on 43 MSP), and the weight of each axis.
 */
import { cite } from "../readings";
import { INDICATORS, mspRulesFor, type Axe } from "../aci-msp";
import { cell, groupBy, share, summarize, summaryCells } from "./aggregates";
import { departementName } from "./codes";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import { andOthers, ROWS_NAMED, type Msp } from "./tables";

/** The latest row of each MSP up to `annee`: its situation at 31/12. */
export function latestRows(msp: readonly Msp[], annee: number): Msp[] {
  const latest = new Map<string, Msp>();
  for (const m of msp) {
    if (m.annee > annee) continue;
    const seen = latest.get(m.key);
    if (!seen || seen.annee < m.annee) latest.set(m.key, m);
  }
  return [...latest.values()];
}

/** MSP under contract paid for `annee`: their euros, by id key (`MSP-001` one year and `msp-001` the next are one MSP). */
export function paidIn(msp: readonly Msp[], annee: number): Map<string, number> {
  return new Map(msp.filter((m) => m.annee === annee && m.remuneration && m.remuneration.euros > 0).map((m) => [m.key, m.remuneration!.euros]));
}

export interface Evolution {
  count: number;
  /** Undefined when no MSP was paid both years. */
  meanBefore?: number;
  meanAfter?: number;
  rate?: number;
}

export function evolution(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Evolution {
  const both = [...after.keys()].filter((id) => before.has(id));
  const meanBefore = summarize(both.map((id) => before.get(id)!)).mean;
  const meanAfter = summarize(both.map((id) => after.get(id)!)).mean;
  const rate = meanBefore && meanAfter !== undefined ? meanAfter / meanBefore - 1 : undefined;
  return { count: both.length, meanBefore, meanAfter, rate };
}

export const AXES: readonly Axe[] = ["Accès aux soins", "Travail en équipe et coordination", "Système d'information"];

/** Share of each axis in the euros paid for `annee` (précarité and minimum left out); undefined when nothing was paid. */
export function axisWeights(msp: readonly Msp[], annee: number): Record<Axe, number | undefined> {
  const totals = Object.fromEntries(AXES.map((a) => [a, 0])) as Record<Axe, number>;
  for (const m of msp) {
    if (m.annee !== annee || !m.remuneration) continue;
    const euros = m.remuneration.eurosParIndicateur;
    for (let k = 0; k < euros.length; k++) totals[INDICATORS[k].axe] += euros[k];
  }
  const all = AXES.reduce((s, a) => s + totals[a], 0);
  return Object.fromEntries(AXES.map((a) => [a, share(totals[a], all)])) as Record<Axe, number | undefined>;
}

/** The ACI MSP started in 2017: adhesions are counted from that year (seed 000: +136 % in Bretagne from 2017 to 2020). */
export const FIRST_ADHESION_YEAR = 2017;

/**
 * MSP under ACI contract by year: new adhesions (year of annee_adhesion or date_adhesion; an earlier one counts in
 * 2017) and the stock at 31/12, with its growth since 2017 (empty while 2017 has none).
 */
export function adhesionsByYear(current: readonly Msp[], annee: number): CellValue[][] {
  const years = Array.from({ length: Math.max(0, annee - FIRST_ADHESION_YEAR + 1) }, (_, i) => FIRST_ADHESION_YEAR + i);
  const adherents = current.filter((m) => m.aci && m.anneeAdhesion !== undefined);
  let stock = 0;
  let first: number | undefined;
  return years.map((y) => {
    const nouvelles = adherents.filter((m) => Math.max(m.anneeAdhesion!, FIRST_ADHESION_YEAR) === y).length;
    stock += nouvelles;
    if (y === FIRST_ADHESION_YEAR) first = stock;
    return [String(y), nouvelles, stock, cell(first ? stock / first - 1 : undefined)];
  });
}

/**
 * MSP under contract that earn nothing for `annee` (a prerequisite missing: a blank flag reads as « not met »): left
 * out of the « MSP rémunérées » and their means, which the analyst must know. The warning, or undefined when none.
 */
export function unpaidWarning(msp: readonly Msp[], annee: number): string | undefined {
  const unpaid = msp.filter((m) => m.annee === annee && m.remuneration && m.remuneration.euros === 0);
  if (!unpaid.length) return undefined;
  const named = unpaid.slice(0, ROWS_NAMED).map((m) => {
    const missing = m.remuneration!.prerequisManquants;
    return `${m.id} (ligne ${m.row}${missing.length ? ` : prérequis manquant(s) : ${missing.join(", ")}` : ""})`;
  });
  return `Rémunérations MSP : ${unpaid.length} MSP sous contrat sans rémunération au titre de ${annee}, hors « MSP rémunérées » et moyennes : ${named.join(" ; ")}${andOthers(unpaid.length - named.length)}`;
}

export function mspSheet(ctx: BuildContext): SheetModel {
  const { annee } = ctx;
  const msp = ctx.tables.msp;
  const current = latestRows(msp, annee);
  const byDept: CellValue[][] = [...groupBy(current, (m) => m.departement)].map(([d, list]) => {
    const aci = list.filter((m) => m.aci).length;
    return [d, departementName(d), list.length, aci, cell(share(aci, list.length))];
  });
  const aciAll = current.filter((m) => m.aci).length;
  byDept.push(["Région", "", current.length, aciAll, cell(share(aciAll, current.length))]);

  for (const year of [annee - 1, annee]) {
    const warning = unpaidWarning(msp, year);
    if (warning) ctx.warnings.push(warning);
  }
  const n = paidIn(msp, annee);
  const n1 = paidIn(msp, annee - 1);
  const sN = summarize([...n.values()]);
  const sN1 = summarize([...n1.values()]);
  const evo = evolution(n1, n);
  const weights = axisWeights(msp, annee);
  const weightsBefore = axisWeights(msp, annee - 1);
  const adhesions = adhesionsByYear(current, annee);
  const versions = [
    ...new Set(msp.filter((m) => m.annee >= annee - 1 && m.annee <= annee).map((m) => `${m.annee} : ${mspRulesFor(m.annee).version!.value}`)),
  ].sort();
  const present = [...new Set(msp.map((m) => m.annee))].sort();
  const empty = (year: number, paid: ReadonlyMap<string, number>) =>
    paid.size ? [] : [`Aucune MSP rémunérée au titre de ${year} dans le tableau MSP ; années présentes : ${present.join(", ")}.`];

  return {
    kind: "remunerations_msp",
    name: SHEET_NAMES.remunerations_msp,
    title: `Rémunérations ACI des MSP au titre de ${annee}`,
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["msp"]),
      `Règles : ${versions.length ? versions.join(" ; ") : "aucune ligne pour ces années"} (calcul identique à ACI.MSP_EUROS, ${INDICATORS.length} indicateurs).`,
      `Évolution calculée sur les ${evo.count} MSP rémunérées au titre de ${annee - 1} et de ${annee} (${cite("L-05")}).`,
      ...empty(annee, n),
      ...empty(annee - 1, n1),
    ],
    tables: [
      {
        title: "MSP et adhésion à l'ACI par département",
        header: ["Département", "Nom", "MSP", "MSP ayant signé l'ACI", "Taux d'adhésion"],
        rows: byDept,
        formats: ["text", "text", "integer", "integer", "percent"],
        totalRows: 1,
      },
      {
        title: "Rémunération moyenne",
        header: ["Année", "MSP rémunérées", "Rémunération moyenne", "Minimum", "Maximum", "Total"],
        rows: [
          [String(annee - 1), ...summaryCells(sN1)],
          [String(annee), ...summaryCells(sN)],
        ],
        formats: ["text", "integer", "euro", "euro", "euro", "euro"],
        totalRows: 0,
      },
      {
        title: `Évolution ${annee - 1}/${annee} sur les MSP rémunérées les deux années`,
        header: ["MSP rémunérées les deux années", `Moyenne ${annee - 1}`, `Moyenne ${annee}`, "Évolution"],
        rows: [[evo.count, cell(evo.meanBefore), cell(evo.meanAfter), cell(evo.rate)]],
        formats: ["integer", "euro", "euro", "percent"],
        totalRows: 0,
      },
      {
        title: `Poids de chaque axe dans la rémunération ${annee}`,
        header: ["Axe", "Part"],
        rows: AXES.map((a) => [a, cell(weights[a])]),
        formats: ["text", "percent"],
        totalRows: 0,
      },
      {
        title: `Évolution du poids de chaque axe ${annee - 1}/${annee}`,
        header: ["Axe", `Part ${annee - 1}`, `Part ${annee}`, "Écart (points)"],
        rows: AXES.map((a) => {
          const before = weightsBefore[a];
          const after = weights[a];
          return [a, cell(before), cell(after), cell(before !== undefined && after !== undefined ? after - before : undefined)];
        }),
        formats: ["text", "percent", "percent", "percent"],
        totalRows: 0,
      },
      {
        title: `Adhésions à l'ACI par année depuis ${FIRST_ADHESION_YEAR}`,
        header: ["Année", "Nouvelles adhésions", "MSP adhérentes au 31/12", `Évolution depuis ${FIRST_ADHESION_YEAR}`],
        rows: adhesions,
        formats: ["text", "integer", "integer", "percent"],
        totalRows: 0,
      },
    ],
    charts: [
      {
        kind: "columnClustered",
        title: `Rémunération moyenne des MSP, ${annee - 1} et ${annee}`,
        table: 1,
        categoryColumn: 0,
        seriesColumns: [2],
        withoutTotals: false,
      },
      {
        kind: "columnClustered",
        title: `Poids de chaque axe, ${annee - 1} et ${annee}`,
        table: 4,
        categoryColumn: 0,
        seriesColumns: [1, 2],
        withoutTotals: false,
      },
    ],
    keyFigures: [
      { label: "MSP ayant signé l'ACI", value: aciAll, format: "integer", when: `en ${annee}` },
      { label: "Rémunération moyenne d'une MSP", value: cell(sN.mean), format: "euro", when: `au titre de ${annee}` },
      {
        label: "Évolution de la rémunération moyenne (MSP rémunérées les deux années)",
        value: cell(evo.rate),
        format: "percent",
        when: `${annee - 1}/${annee}`,
      },
    ],
    maps: [
      {
        title: `Taux d'adhésion des MSP à l'ACI par département, ${annee}`,
        table: 0,
        codeColumn: 0,
        valueColumn: 4,
        legend: "MSP ayant signé l'ACI",
      },
    ],
  };
}
