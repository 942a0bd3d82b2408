/**
 * « Patients en ALD sans médecin traitant » (Journée régionale des centres de santé PACA, 16/04/2024, action « Zéro
 * patient en ALD sans médecin traitant »): by CPAM and date of extraction, the patients in ALD without MT, all
 * patients in ALD, and the share with an MT (1 − sans MT / en ALD); the region summed; the change between the first
 * and the last date; the share with an MT date by date, charted. Only the extractions up to the reference date.
 */
import { cite } from "../readings";
import { frenchDate } from "../dates";
import { caisseLabel } from "../inputs/cpam";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import type { AldMt } from "./tables";
import { byCode } from "./aggregates";

/** The share of patients in ALD who have a médecin traitant. */
export const withMtRate = (ald: number, sansMt: number): number | "" => (ald > 0 ? 1 - sansMt / ald : "");

export function aldMtSheet(ctx: BuildContext): SheetModel {
  const rows = ctx.tables.aldMt.filter((r) => r.date <= ctx.date);
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const cpams = [...new Set(rows.map((r) => r.cpam))].sort(byCode);
  const at = new Map<string, AldMt>(rows.map((r) => [`${r.cpam}|${r.date}`, r]));
  // the région: the sum of the CPAM given that day (a CPAM missing on a date is said)
  const missing: string[] = [];
  const region = dates.map((d) => {
    const list = cpams.map((c) => at.get(`${c}|${d}`));
    cpams.forEach((c, i) => !list[i] && missing.push(`${c} au ${frenchDate(d)}`));
    const present = list.filter((r): r is AldMt => r !== undefined);
    return { sansMt: present.reduce((t, r) => t + r.sansMt, 0), ald: present.reduce((t, r) => t + r.ald, 0) };
  });
  if (missing.length) ctx.warnings.push(`ALD_MT : CPAM sans extraction (${missing.join(" ; ")}) : la ligne Région de ces dates ne les compte pas`);
  const fd = dates.map(frenchDate);
  const first = 0;
  const last = dates.length - 1;
  const changes = dates.length > 1;
  const line = (label: string, cell: (i: number) => { sansMt: number; ald: number } | undefined): CellValue[] => {
    const values = dates.map((_, i) => cell(i));
    const rate = (i: number) => (values[i] ? withMtRate(values[i]!.ald, values[i]!.sansMt) : "");
    const sans = values.map((v) => v?.sansMt ?? "");
    const ald = values.map((v) => v?.ald ?? "");
    const rates = values.map((_, i) => rate(i));
    const change: CellValue[] = [];
    if (changes) {
      const a = values[first];
      const b = values[last];
      change.push(a && b ? b.sansMt - a.sansMt : "");
      const ra = rate(first);
      const rb = rate(last);
      change.push(typeof ra === "number" && typeof rb === "number" ? rb - ra : "");
    }
    return [label, ...sans, ...ald, ...rates, ...change];
  };
  const table = [...cpams.map((c) => line(c, (i) => at.get(`${c}|${dates[i]}`))), line("Région", (i) => region[i])];
  const header = [
    "CPAM",
    ...fd.map((d) => `Sans MT au ${d}`),
    ...fd.map((d) => `En ALD au ${d}`),
    ...fd.map((d) => `Avec MT au ${d}`),
    ...(changes ? [`Évolution sans MT (${fd[first]} → ${fd[last]})`, "Écart du taux avec MT (points de %)"] : []),
  ];
  const formats = [
    "text" as const,
    ...dates.map(() => "integer" as const),
    ...dates.map(() => "integer" as const),
    ...dates.map(() => "percent" as const),
    ...(changes ? (["integer", "percent"] as const) : []),
  ];
  const byDate: CellValue[][] = dates.map((d, i) => [
    fd[i],
    ...cpams.map((c) => {
      const r = at.get(`${c}|${d}`);
      return r ? withMtRate(r.ald, r.sansMt) : "";
    }),
    withMtRate(region[i].ald, region[i].sansMt),
  ]);
  const lastRate = dates.length ? withMtRate(region[last].ald, region[last].sansMt) : "";
  return {
    kind: "ald_mt",
    name: SHEET_NAMES.ald_mt,
    title: `Patients en ALD sans médecin traitant au ${frenchDate(dates.length ? dates[last] : ctx.date)}`,
    keyFigures: [{ label: "Patients en ALD ayant un médecin traitant", value: lastRate, format: "percent", when: dates.length ? `au ${fd[last]}` : "" }],
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["ald_mt"]),
      ...(cpams.length ? [`Caisses : ${cpams.map(caisseLabel).join(" ; ")}.`] : []),
      `Lecture : taux de patients en ALD avec médecin traitant = 1 − patients en ALD sans MT / patients en ALD ; ligne Région : somme des CPAM ; extractions jusqu'à la date de référence ; ${cite("L-11")}.`,
      ...(dates.length ? [] : [`Aucune extraction du tableau ALD_MT au plus tard le ${frenchDate(ctx.date)}.`]),
    ],
    tables: [
      { title: "Patients en ALD et médecin traitant, par CPAM", header, rows: table, formats, totalRows: 1 },
      {
        title: "Taux de patients en ALD avec médecin traitant, par date",
        header: ["Date", ...cpams, "Région"],
        rows: byDate,
        formats: ["text", ...cpams.map(() => "percent" as const), "percent"],
        totalRows: 0,
      },
    ],
    charts:
      dates.length > 1
        ? [
            {
              kind: "line",
              title: "Taux de patients en ALD avec médecin traitant",
              table: 1,
              categoryColumn: 0,
              seriesColumns: [...cpams.map((_, i) => i + 1), cpams.length + 1],
              withoutTotals: false,
            },
          ]
        : [],
  };
}
