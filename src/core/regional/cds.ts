/**
 * « Centres de santé » (Journée régionale des centres de santé PACA, 16/04/2024: « 225 centres de santé implantés en
 * région PACA : 126 dentaires, 33 médicaux (dont 19 ophtalmologiques), 66 polyvalents »): the centres by type and
 * département, the région's total, and the médicaux by spécialité.
 */
import { CDS_TYPES, type CdsType } from "../inputs/schema";
import { idKey } from "./codes";
import { departementName } from "./codes";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import { byCode, byLabel } from "./aggregates";

const TYPE_LABELS: Readonly<Record<CdsType, string>> = { dentaire: "Dentaires", medical: "Médicaux", polyvalent: "Polyvalents", infirmier: "Infirmiers" };

export function cdsSheet(ctx: BuildContext): SheetModel {
  const centres = ctx.tables.cds;
  const departements = [...new Set(centres.map((c) => c.departement))].sort(byCode);
  const count = (list: typeof centres) => CDS_TYPES.map((t) => list.filter((c) => c.type === t).length);
  const rows: CellValue[][] = [
    ...departements.map((d) => {
      const list = centres.filter((c) => c.departement === d);
      return [d, departementName(d), ...count(list), list.length];
    }),
    ["Région", "", ...count(centres), centres.length],
  ];
  // the médicaux by spécialité, grouped without case or accents (the first spelling shown)
  const bySpecialite = new Map<string, { label: string; n: number }>();
  for (const c of centres.filter((x) => x.type === "medical")) {
    const key = c.specialite ? idKey(c.specialite) : "";
    const entry = bySpecialite.get(key) ?? { label: c.specialite ?? "Sans spécialité indiquée", n: 0 };
    entry.n++;
    bySpecialite.set(key, entry);
  }
  const medical = centres.filter((c) => c.type === "medical").length;
  const specialites = [...bySpecialite.values()].sort((a, b) => b.n - a.n || byLabel(a.label, b.label));
  return {
    kind: "cds",
    name: SHEET_NAMES.cds,
    title: `Centres de santé de la région : ${centres.length}`,
    keyFigures: [{ label: "Centres de santé implantés", value: centres.length, format: "integer", when: "" }],
    notes: [referenceNote(ctx.date), sourcesNote(ctx, ["cds"]), "Lecture : un centre par ligne du tableau CDS, compté dans son type et son département."],
    tables: [
      {
        title: "Centres de santé par type et par département",
        header: ["Département", "Nom", ...CDS_TYPES.map((t) => TYPE_LABELS[t]), "Total"],
        rows,
        formats: ["text", "text", ...CDS_TYPES.map(() => "integer" as const), "integer"],
        totalRows: 1,
      },
      {
        title: "Centres de santé médicaux par spécialité",
        header: ["Spécialité", "Centres"],
        rows: [...specialites.map((s) => [s.label, s.n]), ["Total", medical]],
        formats: ["text", "integer"],
        totalRows: 1,
      },
    ],
    charts: [
      {
        kind: "columnClustered",
        title: "Centres de santé par type",
        table: 0,
        categoryColumn: 0,
        seriesColumns: CDS_TYPES.map((_, i) => i + 2),
        withoutTotals: true,
      },
    ],
  };
}
