/**
 * CPTS remuneration of the reference year, by taille and by mission: count,
 * mean, min, max (seed 001: N = 18, mean 224 550 €, min 91 250 €, max
 * 300 000 €). Each CPTS's amount comes from the same rules as CPTS.MISSION.
 */
import { cite } from "../readings";
import { CPTS_RULE_CHANGES, CPTS_VERSION, cptsVersion, type Taille } from "../aci-cpts";
import { cptsYear, MISSION_GROUPS, type CptsYear } from "../aci-cpts/year";
import { frenchDate, isoFromUtc, utcFromIso, yearOf } from "../dates";
import { entryAt } from "../params";
import { cell, summarize, summaryCells } from "./aggregates";
import { referenceDate, referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import type { Cpts } from "./tables";

export { cptsYear, MISSION_GROUPS, segmentsOf, type CptsYear, type MissionGroup } from "../aci-cpts/year";

const statsRow = (label: string, values: number[]): CellValue[] => [label, ...summaryCells(summarize(values))];

export function cptsSheet(ctx: BuildContext): SheetModel {
  const { annee } = ctx;
  const years = ctx.tables.cpts.map((c) => cptsYear(c, annee, ctx.date)).filter((y): y is CptsYear<Cpts> => y !== undefined);
  const when = frenchDate(ctx.date);
  const byTaille = ([1, 2, 3, 4] as Taille[]).map((t) =>
    statsRow(
      `Taille ${t}`,
      years.filter((y) => y.taille === t).map((y) => y.total),
    ),
  );
  const byMission = MISSION_GROUPS.map((g) =>
    statsRow(
      g,
      years.map((y) => y.missions[g]).filter((v) => v > 0),
    ),
  );
  const header = ["", "CPTS", "Moyenne", "Minimum", "Maximum", "Total"];
  const signed = ctx.tables.cpts.filter((c) => c.stade === "5" && c.dateSignature);
  const empty = years.length
    ? []
    : [
        `Aucune CPTS conventionnée au ${when} dans le tableau CPTS${
          signed.length ? ` ; années de signature présentes : ${[...new Set(signed.map((c) => yearOf(c.dateSignature!)))].sort().join(", ")}` : ""
        } : aucun montant.`,
      ];
  const formats = ["text", "integer", "euro", "euro", "euro", "euro"] as const;
  const version = entryAt(CPTS_VERSION.series, referenceDate(annee)) ?? CPTS_VERSION.series[0];
  // the year's cuts, from the days a value of the ACI CPTS changes: « barèmes 2019 jusqu'au 02/09 puis avenant 2 à partir du 03/09/2022 »
  const cuts = CPTS_RULE_CHANGES.filter((d) => yearOf(d) === annee).map(
    (d) =>
      `${tablesOf(cptsVersion(dayBefore(d)))} jusqu'au ${frenchDate(dayBefore(d)).slice(0, 5)} puis ${tablesOf(cptsVersion(d))} à partir du ${frenchDate(d)}`,
  );
  return {
    kind: "remunerations_cpts",
    name: SHEET_NAMES.remunerations_cpts,
    title: `Rémunérations ACI des CPTS au titre de ${annee}`,
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["cpts"]),
      `Règles : ACI CPTS ${version.value}${version !== CPTS_VERSION.series[0] ? ` (en vigueur le ${frenchDate(version.from)})` : ""}, calcul identique à CPTS.MISSION, au 31/12/${annee} ; CPTS conventionnées (stade 5) au ${when}.`,
      `Lecture : montants dus au titre de ${annee} aux CPTS sous contrat pendant l'année ; fonctionnement versé en entier l'année de la signature puis chaque année ; missions : enveloppe annuelle proratisée par jours depuis la signature la première année${cuts.length ? `, et en ${annee} ${cuts.join(" puis ")}, chacun au prorata des jours` : ""} ; part variable aux taux d'atteinte du tableau (100 % s'ils manquent) ; plan de crise rédigé la première année de l'avenant 2 puis mis à jour, aucune crise déclarée ; supplément de fonctionnement de +75 % compté l'année de son versement (${cite("L-04")}).`,
      ...empty,
    ],
    tables: [
      {
        title: "Par taille de CPTS",
        header: ["Taille", ...header.slice(1)],
        rows: [
          ...byTaille,
          statsRow(
            "Ensemble",
            years.map((y) => y.total),
          ),
        ],
        formats: [...formats],
        totalRows: 1,
      },
      { title: "Par mission (CPTS financées pour la mission)", header: ["Mission", ...header.slice(1)], rows: byMission, formats: [...formats], totalRows: 0 },
      {
        title: "Par taille et par mission (CPTS financées pour la mission)",
        header: ["Taille", "Mission", "CPTS", "Moyenne", "Minimum", "Maximum"],
        rows: ([1, 2, 3, 4] as Taille[]).flatMap((t) =>
          MISSION_GROUPS.map((g) => {
            const s = summarize(years.filter((y) => y.taille === t && y.missions[g] > 0).map((y) => y.missions[g]));
            return [`Taille ${t}`, g, s.count, cell(s.mean), cell(s.min), cell(s.max)];
          }),
        ),
        formats: ["text", "text", "integer", "euro", "euro", "euro"],
        totalRows: 0,
      },
    ],
    charts: [
      {
        kind: "columnClustered",
        title: `Rémunération moyenne par taille, ${annee}`,
        table: 0,
        categoryColumn: 0,
        seriesColumns: [2],
        withoutTotals: true,
      },
    ],
  };
}

const dayBefore = (iso: string) => isoFromUtc(utcFromIso(iso) - 86_400_000);
/** A text's tables as the notes name them: « barèmes 2019 » for the ACI 2019, an avenant by its name. */
const tablesOf = (version: string) => version.replace(/^ACI /, "barèmes ");
