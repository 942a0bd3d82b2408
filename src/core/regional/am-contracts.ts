/**
 * Assistant médical contracts by CPAM and year: signed in the year and stock
 * at 31/12 (RULES.md: both are offered), share of each option (seed 000:
 * 53 % / 37 % / 10 %), and the aid due for the contract years starting in the
 * reference year, computed by the same rules as AM.AID.
 */
import { cite } from "../readings";
import { liberalOption } from "../assistant-medical";
import { amEtpMax, type Settlement } from "../assistant-medical/objectives";
import { activeAt, aidOfYear } from "../assistant-medical/year";
import { frNumber } from "../format";
import { frenchDate, yearOf } from "../dates";
import { DomainError } from "../errors";
import { roundCents as roundEuros } from "../money";
import { caisseLabel } from "../inputs/cpam";
import { byCode, cell, groupBy, share } from "./aggregates";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import { ROWS_NAMED, TABLE_LABELS, type ContratAm } from "./tables";

export { activeAt, aidOfYear, contractYearIn, followUp, yearInForce } from "../assistant-medical/year";

export type OptionLabel = "1/3 ETP" | "1/2 ETP" | "1 ETP" | "Centre de santé";
export const OPTION_LABELS: readonly OptionLabel[] = ["1/3 ETP", "1/2 ETP", "1 ETP", "Centre de santé"];

export function optionOf(c: ContratAm): OptionLabel | undefined {
  if (c.regime === "cds") return "Centre de santé";
  const o = liberalOption(c.etp);
  return o === "1/3" ? "1/3 ETP" : o === "1/2" ? "1/2 ETP" : o === "1" ? "1 ETP" : undefined;
}

/** Contract years 3+ of a CPAM (or the region): how their objective was met, the aid at 100 % and the aid due. */
interface FollowTally {
  years3: number;
  settled: Record<Settlement | "sans suivi", number>;
  full: number;
  due: number;
}

const newTally = (): FollowTally => ({ years3: 0, settled: { atteint: 0, partiel: 0, "non atteint": 0, "sans suivi": 0 }, full: 0, due: 0 });

function tally(f: FollowTally, aid: { full: number; montant: number; settlement?: Settlement }): void {
  f.years3++;
  f.full += aid.full;
  f.due += aid.montant;
  f.settled[aid.settlement ?? "sans suivi"]++;
}

const followRow = (label: string, f: FollowTally): CellValue[] => [
  label,
  f.years3,
  f.settled.atteint,
  f.settled.partiel,
  f.settled["non atteint"],
  f.settled["sans suivi"],
  f.full,
  f.due,
  roundEuros(f.full - f.due),
];

/** A CPAM key with its caisse's name and number: « 04 = CPAM Alpes-de-Haute-Provence (caisse 041) ». */

export function amContractsSheet(ctx: BuildContext): SheetModel {
  const contracts = ctx.tables.contratsAm;
  const annee = ctx.annee;
  // indexed loops over the contracts: this runs once per job, before V8 optimizes it, where for…of allocates an
  // iterator result per contract
  let firstYear = annee;
  const cpamSet = new Set<string>();
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i];
    firstYear = Math.min(firstYear, yearOf(c.dateSignature));
    cpamSet.add(c.cpam);
  }
  const years = Array.from({ length: annee - firstYear + 1 }, (_, i) => firstYear + i);
  const cpams = [...cpamSet].sort(byCode);
  // one pass over the contracts signed by the reference date: signed in each year, and active at each 31/12 (the
  // reference date for its own year)
  const date = ctx.date;
  const when = frenchDate(date);
  const signed = new Map<string, number[]>(cpams.map((c) => [c, years.map(() => 0)]));
  const stock = new Map<string, number[]>(cpams.map((c) => [c, years.map(() => 0)]));
  const yearEnds = years.map((y) => (y === annee ? date : `${y}-12-31`));
  const inScope = contracts.filter((c) => c.dateSignature <= date);
  for (let n = 0; n < inScope.length; n++) {
    const c = inScope[n];
    const y = yearOf(c.dateSignature);
    if (y >= firstYear && y <= annee) signed.get(c.cpam)![y - firstYear]++;
    const counts = stock.get(c.cpam)!;
    for (let i = 0; i < yearEnds.length; i++) if (activeAt(c, yearEnds[i])) counts[i]++;
  }
  const byCpamYear = (counts: Map<string, number[]>): CellValue[][] => [
    ...cpams.map((cpam) => [cpam, ...counts.get(cpam)!]),
    ["Région", ...years.map((_, i) => cpams.reduce((sum, cpam) => sum + counts.get(cpam)![i], 0))],
  ];
  const optionCounts = new Map<OptionLabel | undefined, number>();
  for (let i = 0; i < inScope.length; i++) {
    const c = inScope[i];
    const o = optionOf(c);
    optionCounts.set(o, (optionCounts.get(o) ?? 0) + 1);
  }
  const options = OPTION_LABELS.map((label) => [label, optionCounts.get(label) ?? 0, cell(share(optionCounts.get(label) ?? 0, inScope.length))]);

  const aidRows: CellValue[][] = [];
  let aidTotal = 0;
  let aidCount = 0;
  const prorated: string[] = [];
  const aids = new Map<string, { total: number; count: number }>(cpams.map((c) => [c, { total: 0, count: 0 }]));
  // contract years 3+ starting in the reference year: objective followed or not, and the aid forgone
  const follow = new Map<string, FollowTally>(cpams.map((c) => [c, newTally()]));
  const regionFollow = newTally();
  for (let i = 0; i < inScope.length; i++) {
    const c = inScope[i];
    try {
      const aid = aidOfYear(c, annee);
      if (!aid) continue;
      if (aid.days < aid.of) prorated.push(`${c.id} (ligne ${c.row}, fin au ${frenchDate(c.dateFin!)} : ${aid.days} jours sur ${aid.of})`);
      const a = aids.get(c.cpam)!;
      a.total += aid.montant;
      a.count++;
      if (aid.anneeContrat >= 3) {
        tally(follow.get(c.cpam)!, aid);
        tally(regionFollow, aid);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.problems.push({
        table: TABLE_LABELS.contrats_am,
        column: error.argument,
        row: c.row,
        message: `contrat ${c.id}, aide de ${annee} : ${error.reason}`,
      });
    }
  }
  for (const cpam of cpams) {
    const { total, count } = aids.get(cpam)!;
    aidRows.push([cpam, count, total]);
    aidTotal += total;
    aidCount += count;
  }
  aidRows.push(["Région", aidCount, aidTotal]);
  if (prorated.length)
    ctx.warnings.push(
      `Contrats AM : ${prorated.length} contrat(s) dont l'année de contrat ${annee} est coupée par date_fin (premier jour sans contrat), aide proratisée aux jours en vigueur [${cite("L-06")}, à confirmer : lecture du complément, les textes ne disent rien d'une fin en cours d'année] : ${prorated.slice(0, ROWS_NAMED).join(" ; ")}${prorated.length > ROWS_NAMED ? ` et ${prorated.length - ROWS_NAMED} autres` : ""}`,
    );
  const followRows = [...cpams.map((cpam) => followRow(cpam, follow.get(cpam)!)), followRow("Région", regionFollow)];

  // centres de santé apart (seed 004 counts them by CPAM): contracts in force at 31/12 and ETP of assistants
  const centres = inScope.filter((c) => c.regime === "cds" && activeAt(c, date));
  // each CPAM's centres in the order of the table, their ETP summed in that order
  const cdsRows: CellValue[][] = [...groupBy(centres, (c) => c.cpam)].map(([cpam, list]) => [cpam, list.length, list.reduce((t, c) => t + c.etp, 0)]);
  cdsRows.push(["Région", centres.length, centres.reduce((t, c) => t + c.etp, 0)]);
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i];
    if (c.regime !== "cds" || c.etpMedecins === undefined) continue;
    const max = amEtpMax(c.etpMedecins, c.dateSignature);
    if (c.etp > max)
      ctx.warnings.push(
        `Contrats AM : contrat ${c.id} (ligne ${c.row}) : ${frNumber(c.etp)} ETP d'assistant médical financés pour ${frNumber(c.etpMedecins)} ETP de médecins, au-delà des ${frNumber(max)} ETP permis (AM.ETP_MAX)`,
      );
  }

  const yearHeader = years.map(String);
  const inForce = cpams.reduce((sum, cpam) => sum + stock.get(cpam)![years.length - 1], 0);
  return {
    kind: "contrats_am",
    name: SHEET_NAMES.contrats_am,
    title: `Contrats d'aide à l'emploi d'un assistant médical au ${when}`,
    keyFigures: [
      { label: "Contrats d'assistant médical en cours", value: inForce, format: "integer", when: `au ${when}` },
      { label: "Aides dues aux contrats d'assistant médical", value: aidTotal, format: "euro", when: `au titre de ${annee}` },
    ],
    notes: [
      referenceNote(date),
      sourcesNote(ctx, ["contrats_am"]),
      ...(cpams.length ? [`Caisses : ${cpams.map(caisseLabel).join(" ; ")}.`] : []),
      "Règles : avenant 7 à la convention médicale 2016, règlement arbitral 2023 (fin de l'option 1/3 ETP), convention médicale 2024 (montants du 22/06/2024), avenant 5 des centres de santé.",
      `Aides de ${annee} : année de contrat commençant en ${annee} ; à partir de la 3e année, taux d'atteinte calculé comme AM.ATTEINTE quand le tableau donne le suivi (pmt_depart, pmt_fin, fa_depart, fa_fin et objectif, ou la bande pour le déduire), 100 % sinon (colonne « sans suivi »)${prorated.length ? " ; une année coupée par date_fin est proratisée à ses jours en vigueur (voir Contrôles)" : ""}.`,
      ...(inScope.length
        ? []
        : [
            `Aucun contrat signé au ${when} dans le tableau Contrats AM ; années de signature présentes : ${[...new Set(contracts.map((c) => yearOf(c.dateSignature)))].sort().join(", ")}.`,
          ]),
    ],
    tables: [
      {
        title: "Contrats signés dans l'année",
        header: ["CPAM", ...yearHeader],
        rows: byCpamYear(signed),
        formats: ["text", ...years.map(() => "integer" as const)],
        totalRows: 1,
      },
      {
        title: date.endsWith("-12-31") ? "Contrats en cours au 31/12 (stock)" : `Contrats en cours au 31/12, au ${when} pour ${annee} (stock)`,
        header: ["CPAM", ...yearHeader],
        rows: byCpamYear(stock),
        formats: ["text", ...years.map(() => "integer" as const)],
        totalRows: 1,
      },
      {
        title: `Répartition par option (contrats signés jusqu'au ${when})`,
        header: ["Option", "Contrats", "Part"],
        rows: [...options, ["Total", inScope.length, cell(share(inScope.length, inScope.length))]],
        formats: ["text", "integer", "percent"],
        totalRows: 1,
      },
      { title: `Aides dues au titre de ${annee}`, header: ["CPAM", "Contrats", "Montant"], rows: aidRows, formats: ["text", "integer", "euro"], totalRows: 1 },
      {
        title: `Suivi des objectifs : années de contrat 3 et suivantes commençant en ${annee}`,
        header: [
          "CPAM",
          "Contrats",
          "Objectif atteint",
          "Partiellement atteint",
          "Non atteint",
          "Sans suivi (100 %)",
          "Aide à 100 %",
          "Aide due",
          "Aide non versée",
        ],
        rows: followRows,
        formats: ["text", "integer", "integer", "integer", "integer", "integer", "euro", "euro", "euro"],
        totalRows: 1,
      },
      {
        title: `Centres de santé : contrats en cours au ${when}`,
        header: ["CPAM", "Contrats", "ETP d'assistant médical"],
        rows: cdsRows,
        formats: ["text", "integer", "decimal"],
        totalRows: 1,
      },
    ],
    charts: [
      {
        kind: "columnClustered",
        title: "Contrats signés par année",
        table: 0,
        categoryColumn: 0,
        seriesColumns: years.map((_, i) => i + 1),
        withoutTotals: true,
      },
    ],
  };
}
