/**
 * « M'T dent » (Journée régionale des centres de santé PACA, 16/04/2024, « Données relatives au dispositif M'T dent
 * 2023 »): by CPAM, the patients eligible to the examen bucco-dentaire, the examinations done, the rate, and the mean
 * rate of the dentists with 12 months of activity where the table gives it; the région summed. The latest year of the
 * table up to the reference year.
 */
import { cite } from "../readings";
import { caisseLabel } from "../inputs/cpam";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import { byCode } from "./aggregates";

const rate = (n: number, d: number): CellValue => (d > 0 ? n / d : "");

export function mtDentSheet(ctx: BuildContext): SheetModel {
  const years = [...new Set(ctx.tables.mtDent.map((r) => r.annee))].filter((y) => y <= ctx.annee).sort();
  const annee = years.at(-1);
  const rows = ctx.tables.mtDent.filter((r) => r.annee === annee).sort((a, b) => byCode(a.cpam, b.cpam));
  const eligibles = rows.reduce((t, r) => t + r.eligibles, 0);
  const realises = rows.reduce((t, r) => t + r.realises, 0);
  const body: CellValue[][] = [
    ...rows.map((r) => [r.cpam, r.eligibles, r.realises, rate(r.realises, r.eligibles), r.tauxMoyenPs ?? ""]),
    ["Région", eligibles, realises, rate(realises, eligibles), ""],
  ];
  return {
    kind: "mt_dent",
    name: SHEET_NAMES.mt_dent,
    title: annee === undefined ? `Dispositif M'T dent : aucune année jusqu'en ${ctx.annee}` : `Dispositif M'T dent ${annee}`,
    keyFigures:
      annee === undefined
        ? []
        : [{ label: "Taux de réalisation des examens bucco-dentaires (M'T dent)", value: rate(realises, eligibles), format: "percent", when: `en ${annee}` }],
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["mt_dent"]),
      ...(rows.length ? [`Caisses : ${rows.map((r) => caisseLabel(r.cpam)).join(" ; ")}.`] : []),
      `Lecture : taux de réalisation = examens réalisés / patients éligibles ; ligne Région : somme des CPAM ; taux moyen des chirurgiens-dentistes ayant 12 mois d'activité tel que le tableau le donne (pas de moyenne régionale recalculée) ; ${cite("L-11")}.`,
      ...(annee === undefined
        ? [`Aucune ligne du tableau MT_dent pour ${ctx.annee} ou avant.`]
        : years.length > 1
          ? [`Année ${annee} : la dernière du tableau jusqu'en ${ctx.annee}.`]
          : []),
    ],
    tables: [
      {
        title: annee === undefined ? "M'T dent" : `M'T dent ${annee} par CPAM`,
        header: ["CPAM", "Patients éligibles à l'EBD", "EBD réalisés", "Taux de réalisation", "Taux moyen des dentistes (12 mois d'activité)"],
        rows: body,
        formats: ["text", "integer", "integer", "percent", "percent"],
        totalRows: 1,
      },
    ],
  };
}
