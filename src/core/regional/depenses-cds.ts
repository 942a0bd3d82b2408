/**
 * « Suivi des dépenses des centres de santé » (Journée régionale des centres de santé PACA, 16/04/2024): amounts in
 * base de remboursement by prestation and régime for the year, their change on the previous year (PCAP, période
 * comparable de l'année précédente, from the previous year's rows of the table), by régime and for the région, the
 * France change beside it where the table gives it; one summary table by group, then one table per group.
 */
import { cite } from "../readings";
import { REGIMES_DEPENSES, type RegimeDepenses } from "../inputs/schema";
import { idKey } from "./codes";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type NumberFormat, type SheetModel, type TableBlock } from "./sheet-model";
import type { DepenseCds } from "./tables";
import { byLabel } from "./aggregates";

type Amounts = Record<RegimeDepenses, number | undefined>;
const empty = (): Amounts => ({ general: undefined, msa: undefined, autres: undefined });
const change = (now: number | undefined, before: number | undefined): CellValue => (before !== undefined && before > 0 ? (now ?? 0) / before - 1 : "");
const sum = (xs: (number | undefined)[]) => (xs.some((x) => x !== undefined) ? xs.reduce<number>((t, x) => t + (x ?? 0), 0) : undefined);

const HEADER = [
  "Régime général",
  "Évolution RG",
  "MSA",
  "Évolution MSA",
  "Autres régimes",
  "Évolution autres",
  "Total région",
  "Évolution région",
  "Évolution France",
];
const FORMATS: NumberFormat[] = ["euro", "percent", "euro", "percent", "euro", "percent", "euro", "percent", "percent"];

/** A line: each régime's amount and its change, the région's, and the France change if given. */
function line(label: CellValue[], now: Amounts, before: Amounts, france: number | undefined): CellValue[] {
  const cells: CellValue[] = [...label];
  for (const r of REGIMES_DEPENSES) cells.push(now[r] ?? "", change(now[r], before[r]));
  const total = sum(REGIMES_DEPENSES.map((r) => now[r]));
  cells.push(total ?? "", change(total, sum(REGIMES_DEPENSES.map((r) => before[r]))), france ?? "");
  return cells;
}

export function depensesCdsSheet(ctx: BuildContext): SheetModel {
  const all = ctx.tables.depensesCds;
  const years = [...new Set(all.map((r) => r.annee))].filter((y) => y <= ctx.annee).sort();
  const annee = years.at(-1);
  const groups = new Map<string, { label: string; prestations: Map<string, { label: string; now: Amounts; before: Amounts; france?: number }> }>();
  const add = (r: DepenseCds, when: "now" | "before") => {
    const g = groups.get(idKey(r.groupe)) ?? { label: r.groupe, prestations: new Map() };
    groups.set(idKey(r.groupe), g);
    const p = g.prestations.get(idKey(r.prestation)) ?? { label: r.prestation, now: empty(), before: empty() };
    g.prestations.set(idKey(r.prestation), p);
    p[when][r.regime] = r.montant;
    if (when === "now" && r.pcapFrance !== undefined) p.france = r.pcapFrance;
  };
  for (const r of all) if (annee !== undefined && r.annee === annee) add(r, "now");
  for (const r of all) if (annee !== undefined && r.annee === annee - 1) add(r, "before");
  const totalOf = (list: { now: Amounts; before: Amounts }[]) => {
    const now = empty();
    const before = empty();
    for (const r of REGIMES_DEPENSES) {
      now[r] = sum(list.map((p) => p.now[r]));
      before[r] = sum(list.map((p) => p.before[r]));
    }
    return { now, before };
  };
  const ordered = [...groups.values()].sort((a, b) => byLabel(a.label, b.label));
  const groupTotals = ordered.map((g) => ({ label: g.label, ...totalOf([...g.prestations.values()]) }));
  const grand = totalOf(groupTotals);
  const regionTotal = (a: Amounts) => REGIMES_DEPENSES.reduce((t, r) => t + (a[r] ?? 0), 0);
  const tables: TableBlock[] = [
    {
      title: annee === undefined ? "Dépenses des centres de santé" : `Dépenses ${annee} des centres de santé par groupe de prestations`,
      header: ["Prestations", ...HEADER],
      rows: [...groupTotals.map((g) => line([`Total ${g.label}`], g.now, g.before, undefined)), line(["TOTAL"], grand.now, grand.before, undefined)],
      formats: ["text", ...FORMATS],
      totalRows: 1,
    },
    ...ordered.map((g, i) => ({
      title: `${g.label} ${annee}`,
      header: ["Prestation", ...HEADER],
      rows: [
        ...[...g.prestations.values()].sort((a, b) => regionTotal(b.now) - regionTotal(a.now)).map((p) => line([p.label], p.now, p.before, p.france)),
        line([`Total ${g.label}`], groupTotals[i].now, groupTotals[i].before, undefined),
      ],
      formats: ["text" as NumberFormat, ...FORMATS],
      totalRows: 1,
    })),
  ];
  const total = sum(REGIMES_DEPENSES.map((r) => grand.now[r]));
  return {
    kind: "depenses_cds",
    name: SHEET_NAMES.depenses_cds,
    title: annee === undefined ? "Dépenses des centres de santé" : `Suivi des dépenses ${annee} des centres de santé`,
    keyFigures:
      annee === undefined || total === undefined
        ? []
        : [{ label: "Dépenses des centres de santé (base de remboursement)", value: total, format: "euro", when: `en ${annee}` }],
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["depenses_cds"]),
      `Lecture : montants en base de remboursement ; évolution (PCAP) = montant ${annee ?? "de l'année"} / montant de l'année précédente du tableau − 1, vide sans montant l'année précédente ; une prestation sans montant une année qui en avait l'année précédente est à −100 % ; évolution France telle que le tableau la donne, sur les lignes de prestation (${cite("L-11")}).`,
      ...(annee === undefined
        ? [`Aucune ligne du tableau Depenses_CDS pour ${ctx.annee} ou avant.`]
        : years.includes(annee - 1)
          ? []
          : [`Pas de ligne ${annee - 1} dans le tableau : aucune évolution calculée.`]),
    ],
    tables,
  };
}
