/**
 * CPTS remuneration of the reference year, by taille and by mission: count,
 * mean, min, max (seed 001: N = 18, mean 224 550 €, min 91 250 €, max
 * 300 000 €). Each CPTS's amount comes from the same rules as CPTS.MISSION.
 */
import { AVENANT_2_START, cptsMission, cptsTaille, cptsVersion, type MissionCode, type Taille } from "../aci-cpts";
import { frenchDate, yearOf } from "../dates";
import { summarize, summaryCells } from "./aggregates";
import { referenceDate, referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import type { Cpts } from "./tables";

export type MissionGroup =
  "Fonctionnement" | "Accès aux soins" | "Parcours" | "Prévention" | "Qualité et pertinence" | "Accompagnement des PS" | "Crises sanitaires";
export const MISSION_GROUPS: readonly MissionGroup[] = [
  "Fonctionnement",
  "Accès aux soins",
  "Parcours",
  "Prévention",
  "Qualité et pertinence",
  "Accompagnement des PS",
  "Crises sanitaires",
];

export interface CptsYear {
  cpts: Cpts;
  taille: Taille;
  missions: Record<MissionGroup, number>;
  total: number;
}

/**
 * Amounts due for `annee` to a CPTS conventionnée by 31/12 of that year: full-year envelopes at the rules in force at
 * 31/12 (no first-year proration), crisis plan drafted in the first year under avenant 2 and updated after (no crisis
 * declared), the +75 % fonctionnement supplement in the year it is paid.
 */
export function cptsYear(cpts: Cpts, annee: number): CptsYear | undefined {
  const date = referenceDate(annee);
  if (cpts.stade !== "5" || !cpts.dateSignature || cpts.dateSignature > date) return undefined;
  const taille = cptsTaille(cpts.population);
  const pay = (mission: MissionCode, atteinte = 1, dateSignature = date) =>
    cptsMission({ taille, mission, volet: "total", atteinte, dateSignature, membres: cpts.membres, sas: cpts.sas }).montant;
  const avenant2Year = yearOf(cpts.dateSignature > AVENANT_2_START ? cpts.dateSignature : AVENANT_2_START);
  const supplement = avenant2Year === annee ? pay("fonctionnement_supplement", 1, cpts.dateSignature) : 0;
  const missions: Record<MissionGroup, number> = {
    Fonctionnement: pay("fonctionnement") + supplement,
    // the accès total includes the 2019 SNP compensation volet where the 2019 table applies (CPTS.MISSION does it)
    "Accès aux soins": pay("acces", cpts.atteinte.acces),
    Parcours: pay("parcours", cpts.atteinte.parcours),
    Prévention: pay("prevention", cpts.atteinte.prevention),
    "Qualité et pertinence": cpts.qualite ? pay("qualite", cpts.atteinte.qualite) : 0,
    "Accompagnement des PS": cpts.accompagnement ? pay("accompagnement", cpts.atteinte.accompagnement) : 0,
    "Crises sanitaires": date < AVENANT_2_START ? 0 : pay(annee === avenant2Year ? "crise_redaction" : "crise_mise_a_jour"),
  };
  const total = MISSION_GROUPS.reduce((s, g) => s + missions[g], 0);
  return { cpts, taille, missions, total };
}

const statsRow = (label: string, values: number[]): CellValue[] => [label, ...summaryCells(summarize(values))];

export function cptsSheet(ctx: BuildContext): SheetModel {
  const { annee } = ctx;
  const years = ctx.tables.cpts.map((c) => cptsYear(c, annee)).filter((y): y is CptsYear => y !== undefined);
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
        `Aucune CPTS conventionnée au 31/12/${annee} dans le tableau CPTS${
          signed.length ? ` ; années de signature présentes : ${[...new Set(signed.map((c) => yearOf(c.dateSignature!)))].sort().join(", ")}` : ""
        } : aucun montant.`,
      ];
  const formats = ["text", "integer", "euro", "euro", "euro", "euro"] as const;
  return {
    kind: "remunerations_cpts",
    name: SHEET_NAMES.remunerations_cpts,
    title: `Rémunérations ACI des CPTS au titre de ${annee}`,
    notes: [
      referenceNote(annee),
      sourcesNote(ctx, ["cpts"]),
      `Règles : ACI CPTS ${cptsVersion(referenceDate(annee))}${cptsVersion(referenceDate(annee)) === "avenant 2" ? ` (en vigueur le ${frenchDate(AVENANT_2_START)})` : ""}, calcul identique à CPTS.MISSION, au 31/12/${annee} ; CPTS conventionnées (stade 5) à cette date.`,
      "Lecture : enveloppes annuelles pleines, part variable aux taux d'atteinte du tableau (100 % s'ils manquent), plan de crise rédigé la première année de l'avenant 2 puis mis à jour, aucune crise déclarée ; supplément de fonctionnement de +75 % compté l'année de son versement.",
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
    ],
    chart: {
      kind: "columnClustered",
      title: `Rémunération moyenne par taille, ${annee}`,
      table: 0,
      categoryColumn: 0,
      seriesColumns: [2],
      withoutTotals: true,
    },
  };
}
