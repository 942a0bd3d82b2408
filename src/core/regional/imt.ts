/**
 * « Consultations IMT » (Journée régionale des centres de santé PACA, 16/04/2024: « Évolution mensuelle des nombres
 * d'IMT réalisés par des CDS »): the consultations longues d'inscription comme médecin traitant of patients in ALD,
 * month by month, by CPAM and in total, and their amount at the tariff of the month (60 €, the DROM's for their
 * caisses). The months up to the reference date.
 */
import { IMT_TARIF } from "../aides/params";
import { caisseOf } from "../inputs/cpam";
import { entryAt } from "../params";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import { byCode } from "./aggregates";

const monthText = (mois: string) => `${mois.slice(5)}/${mois.slice(0, 4)}`;
const isDrom = (cpam: string) => (caisseOf(cpam)?.departement ?? cpam).startsWith("97");

export function imtSheet(ctx: BuildContext): SheetModel {
  const rows = ctx.tables.imt.filter((r) => r.mois <= ctx.date.slice(0, 7));
  const months = [...new Set(rows.map((r) => r.mois))].sort();
  const cpams = [...new Set(rows.map((r) => r.cpam))].sort(byCode);
  const at = new Map(rows.map((r) => [`${r.cpam}|${r.mois}`, r.nb]));
  // the tariff in force on the month's last day (the consultation starts on 15/05/2023)
  const tariff = (cpam: string, mois: string) => entryAt((isDrom(cpam) ? IMT_TARIF.drom : IMT_TARIF.metropole).series, `${mois}-28`)?.value ?? 0;
  const body: CellValue[][] = months.map((m) => {
    const counts = cpams.map((c) => at.get(`${c}|${m}`) ?? 0);
    const amount = cpams.reduce((t, c, i) => t + counts[i] * tariff(c, m), 0);
    return [monthText(m), ...counts, counts.reduce((a, b) => a + b, 0), amount];
  });
  const totals = cpams.map((c) => months.reduce((t, m) => t + (at.get(`${c}|${m}`) ?? 0), 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const amount = body.reduce((t, r) => t + (r.at(-1) as number), 0);
  body.push(["Total", ...totals, total, amount]);
  const metropole = entryAt(IMT_TARIF.metropole.series, ctx.date)?.value;
  return {
    kind: "imt",
    name: SHEET_NAMES.imt,
    title: months.length
      ? `Consultations IMT des centres de santé, ${monthText(months[0])} – ${monthText(months.at(-1)!)}`
      : "Consultations IMT des centres de santé",
    keyFigures: months.length
      ? [{ label: "Consultations IMT des centres de santé", value: total, format: "integer", when: `${monthText(months[0])} – ${monthText(months.at(-1)!)}` }]
      : [],
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["imt"]),
      `Lecture : consultation longue d'inscription comme médecin traitant d'un patient en ALD (code IMT), facturable depuis le 15/05/2023${metropole !== undefined ? ` ; montant au tarif du mois (${metropole} € en métropole, tarif des DROM pour leurs caisses [à confirmer])` : ""} ; CPAM sans ligne pour un mois : 0.`,
    ],
    tables: [
      {
        title: "Consultations IMT par mois et par CPAM",
        header: ["Mois", ...cpams, "Total", "Montant"],
        rows: body,
        formats: ["text", ...cpams.map(() => "integer" as const), "integer", "euro"],
        totalRows: 1,
      },
    ],
    charts:
      months.length > 1
        ? [
            {
              kind: "columnClustered",
              title: "Consultations IMT par mois",
              table: 0,
              categoryColumn: 0,
              seriesColumns: [cpams.length + 1],
              withoutTotals: true,
            },
          ]
        : [],
  };
}
