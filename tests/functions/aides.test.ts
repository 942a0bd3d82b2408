/**
 * The companion aids (issue 24), called on the built bundle as Excel calls them (both blank-cell modes: the suite
 * runs in the web and desktop projects).
 */
import { describe, expect, it } from "vitest";
import { evaluate, excelDate } from "../support/built-functions";

const err = (v: unknown) => v as { code: string; message: string };

describe("IPA.AIDE_FORMATION", () => {
  // Journée régionale des centres de santé PACA, 16/04/2024, « contrat d'aide à la formation IPA : conditions et
  // montants »: 15 000 € in metropolitan France, 17 000 € in the DROM, per ETP of nurse, signed from 06/08/2024
  it('=IPA.AIDE_FORMATION(FAUX;DATE(2024;9;1);"cds") → 15 000 ; VRAI → 17 000', () => {
    expect(evaluate("IPA.AIDE_FORMATION", false, excelDate(2024, 9, 1), "cds")).toBe(15_000);
    expect(evaluate("IPA.AIDE_FORMATION", true, excelDate(2024, 9, 1), "cds")).toBe(17_000);
  });
  it("libéraux: avenant 10 of the convention infirmière, from 28/07/2023", () => {
    expect(evaluate("IPA.AIDE_FORMATION", null, excelDate(2023, 7, 28))).toBe(15_000);
    expect(evaluate("IPA.AIDE_FORMATION", 1, excelDate(2023, 9, 1), "liberal")).toBe(17_000);
  });
  it("before those dates: #N/A saying since when the aid exists", () => {
    const before = err(evaluate("IPA.AIDE_FORMATION", false, excelDate(2024, 8, 5), "cds"));
    expect(before.code).toBe("#N/A");
    expect(before.message).toBe("date_signature : aucun contrat d'aide à la formation IPA en centre de santé au 05/08/2024 : en vigueur depuis le 06/08/2024");
    expect(err(evaluate("IPA.AIDE_FORMATION", false, excelDate(2023, 7, 27))).message).toBe(
      "date_signature : aucune aide à la formation IPA pour un infirmier libéral au 27/07/2023 : en vigueur depuis le 28/07/2023",
    );
  });
});

describe("SNP.PROTOCOLE (CPR ACI CPTS Nouvelle-Aquitaine, 19/01/2023: « Les protocoles de coopération SNP »)", () => {
  const date = excelDate(2023, 1, 15);
  it("25 € per patient entering the protocol", () => {
    expect(evaluate("SNP.PROTOCOLE", "rhinite", 12, null, date)).toBe(300);
    expect(evaluate("SNP.PROTOCOLE", "Éruption", 4, 0, date)).toBe(100);
    expect(evaluate("SNP.PROTOCOLE", "odynophagie", 0, null, date)).toBe(0);
  });
  it("the second consultation: 25 € for pollakiurie and the ankle sprain, 20 € for low back pain", () => {
    expect(evaluate("SNP.PROTOCOLE", "pollakiurie", 10, 4, date)).toBe(10 * 25 + 4 * 25);
    expect(evaluate("SNP.PROTOCOLE", "entorse", 3, 3, date)).toBe(150);
    expect(evaluate("SNP.PROTOCOLE", "lombalgie", 10, 6, date)).toBe(10 * 25 + 6 * 20);
  });
  it("the cystite and angine protocols of 2023 pay 25 € per patient, from their arrêtés", () => {
    expect(evaluate("SNP.PROTOCOLE", "cystite", 8, null, excelDate(2023, 3, 9))).toBe(200);
    expect(evaluate("SNP.PROTOCOLE", "angine", 2, null, excelDate(2023, 9, 1))).toBe(50);
    const early = err(evaluate("SNP.PROTOCOLE", "angine", 2, null, excelDate(2023, 8, 16)));
    expect(early.code).toBe("#N/A");
    expect(early.message).toBe("date : aucun protocole de coopération « angine » au 16/08/2023 : en vigueur depuis le 17/08/2023");
  });
  it("a second consultation given for a protocol that has none, or more than one per patient, is an error", () => {
    const none = err(evaluate("SNP.PROTOCOLE", "rhinite", 5, 2, date));
    expect(none.code).toBe("#VALUE!");
    expect(none.message).toBe("secondes_consultations : le protocole « rhinite » ne prévoit pas de seconde consultation rémunérée");
    expect(err(evaluate("SNP.PROTOCOLE", "lombalgie", 2, 3, date)).message).toBe(
      "secondes_consultations : 3 secondes consultations pour 2 patients : une au plus par patient",
    );
    expect(err(evaluate("SNP.PROTOCOLE", "grippe", 2, null, date)).message).toMatch(/^protocole : code inconnu « grippe » ; codes : rhinite, odynophagie/);
    expect(err(evaluate("SNP.PROTOCOLE", "rhinite", 2.5, null, date)).code).toBe("#VALUE!");
  });
});

describe("PSY.FORFAIT", () => {
  // CPR ACI MSP Bretagne 2021, « Un dispositif exceptionnel d'urgence ciblé sur les enfants et ados »: 1 entretien
  // initial at 32 €, 0 to 9 sessions at 22 €, « soit un coût de 230 € pour un parcours complet »
  it('=PSY.FORFAIT("psy_enfant";10;DATE(2021;6;1)) → 230', () => {
    expect(evaluate("PSY.FORFAIT", "psy_enfant", 10, excelDate(2021, 6, 1))).toBe(230);
    expect(evaluate("PSY.FORFAIT", "psy_enfant", 1, excelDate(2021, 6, 1))).toBe(32);
  });
  it("psy_enfant: 10 sessions at most; ended on 31/01/2022", () => {
    expect(err(evaluate("PSY.FORFAIT", "psy_enfant", 11, excelDate(2021, 6, 1))).message).toBe(
      "seances : au plus 10 séances par parcours pour ce dispositif au 01/06/2021, reçu 11",
    );
    const after = err(evaluate("PSY.FORFAIT", "psy_enfant", 3, excelDate(2022, 2, 1)));
    expect(after.code).toBe("#N/A");
    expect(after.message).toBe("date : aucun dispositif « psy_enfant » au 01/02/2022 : en vigueur du 14/04/2021 au 31/01/2022");
  });
  it("mon_soutien_psy: 40 € then 30 €, 8 a year (from 05/04/2022); 50 € a session, 12 a year, from 29/06/2024", () => {
    expect(evaluate("PSY.FORFAIT", "mon_soutien_psy", 8, excelDate(2023, 1, 1))).toBe(40 + 7 * 30);
    expect(err(evaluate("PSY.FORFAIT", "mon_soutien_psy", 9, excelDate(2023, 1, 1))).code).toBe("#VALUE!");
    expect(evaluate("PSY.FORFAIT", "Mon soutien psy", 12, excelDate(2024, 6, 29))).toBe(600);
    expect(err(evaluate("PSY.FORFAIT", "mon_soutien_psy", 1, excelDate(2022, 4, 4))).code).toBe("#N/A");
  });
  it("a blank or 0 session count is refused, never 0 €", () => {
    expect(err(evaluate("PSY.FORFAIT", "mon_soutien_psy", null, excelDate(2023, 1, 1))).message).toBe(
      "seances : nombre de séances non renseigné (ou 0) : au moins 1, l'entretien initial compris",
    );
  });
});
