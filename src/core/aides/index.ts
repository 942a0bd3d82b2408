/**
 * What the companion aids pay, from their dated parameters (params.ts): the IPA training aid, a protocole de
 * coopération « soins non programmés », a psychologist course. Small functions; an aid that does not exist at the
 * date asked is `#N/A` with when it exists, a figure the texts do not allow is `#VALEUR!` naming the argument.
 */
import { frenchDate } from "../dates";
import { fail, NotAvailableError } from "../errors";
import { frNumber } from "../format";
import { entryAt, periodText, type Parameter } from "../params";
import { IPA_FORMATION, PSY_PAY, SNP_PAY, type PsyDispositif, type SnpProtocole } from "./params";

export * from "./params";

/** The entry in force at `date`, or `#N/A` saying when the aid is in force (`none`: « aucune aide … »). */
function inForce<T>(p: Parameter<T>, date: string, argument: string, none: string) {
  const entry = entryAt(p.series, date);
  if (entry) return entry;
  const period = periodText({ from: p.series[0].from, to: p.series[p.series.length - 1].to });
  throw new NotAvailableError(argument, `${none} au ${frenchDate(date)} : en vigueur ${period}`);
}

/** The IPA training aid per ETP of nurse: 15 000 €, 17 000 € in the DROM (libéraux from 28/07/2023, centres from 06/08/2024). */
export function ipaTrainingAid(input: { drom: boolean; date: string; regime: "liberal" | "cds" }): number {
  const what =
    input.regime === "cds" ? "aucun contrat d'aide à la formation IPA en centre de santé" : "aucune aide à la formation IPA pour un infirmier libéral";
  const entry = inForce(IPA_FORMATION[input.regime], input.date, "date_signature", what);
  return input.drom ? entry.value.drom : entry.value.metropole;
}

/** What a structure is paid for `patients` entering a protocole SNP, and `secondes` second consultations. */
export function snpProtocolPay(input: { protocole: SnpProtocole; patients: number; secondes: number; date: string }): number {
  const p = SNP_PAY[input.protocole];
  const { value } = inForce(p, input.date, "date", `aucun protocole de coopération « ${input.protocole} »`);
  if (input.secondes > 0 && value.seconde === undefined) {
    fail("secondes_consultations", `le protocole « ${input.protocole} » ne prévoit pas de seconde consultation rémunérée`);
  }
  if (input.secondes > input.patients) {
    fail("secondes_consultations", `${frNumber(input.secondes)} secondes consultations pour ${frNumber(input.patients)} patients : une au plus par patient`);
  }
  return input.patients * value.patient + input.secondes * (value.seconde ?? 0);
}

/** The Assurance Maladie's pay for one patient's course of `seances` sessions (the first one included). */
export function psyCourse(input: { dispositif: PsyDispositif; seances: number; date: string }): number {
  const p = PSY_PAY[input.dispositif];
  const { value } = inForce(p, input.date, "date", `aucun dispositif « ${input.dispositif} »`);
  if (input.seances > value.maximum) {
    fail(
      "seances",
      `au plus ${value.maximum} séances ${value.par === "parcours" ? "par parcours" : "par an"} pour ce dispositif au ${frenchDate(input.date)}, reçu ${frNumber(input.seances)}`,
    );
  }
  return value.premiere + (input.seances - 1) * value.suivantes;
}
