/**
 * What an assistant médical contract pays for a calendar year (issue 21 item 3: the year rules in their family).
 * Amounts: avenant 7 (1 ETP: 36 000 / 27 000 / 21 000 €, from 21/08/2019) and the convention médicale 2024 (year 3+:
 * 22 000 €, from 22/06/2024), the table in force at the start of each contract year; lecture L-06 for date_fin.
 */
import { describe, expect, it } from "vitest";
import { activeAt, aidOfYear, contractYearIn, yearInForce, type AmContract } from "../../src/core/assistant-medical/year";

const c: AmContract = { dateSignature: "2021-10-15", regime: "liberal", etp: 1, bande: "P50-P70" };

describe("the contract year of a calendar year", () => {
  it("is the one that starts in it: year 1 in 2021, 2 in 2022, 4 in 2024; none before the signature", () => {
    expect([2020, 2021, 2022, 2024].map((y) => contractYearIn(c, y))).toEqual([undefined, 1, 2, 4]);
  });

  it("pays each contract year at the table in force at its start", () => {
    expect([2021, 2022, 2023, 2024].map((y) => aidOfYear(c, y)!.montant)).toEqual([36_000, 27_000, 21_000, 22_000]);
  });

  it("a year starting on date_fin (the first day without contract) is not due; a year it cuts is prorated", () => {
    const ended = { ...c, dateFin: "2022-10-15" };
    expect(contractYearIn(ended, 2022)).toBeUndefined();
    expect(activeAt(ended, "2022-10-14")).toBe(true);
    expect(activeAt(ended, "2022-10-15")).toBe(false);
    const cut = { ...c, dateFin: "2023-04-15" };
    // 15/10/2022 → 15/04/2023: 182 days of 365
    expect(yearInForce(cut, 2)).toEqual({ share: 182 / 365, days: 182, of: 365 });
    expect(aidOfYear(cut, 2022)!.montant).toBe(13_463.01);
    expect(aidOfYear(cut, 2023)).toBeUndefined();
  });

  it("from year 3, pays the achievement of the follow-up: half the objective, half the aid (libéral prorata)", () => {
    const followed = { ...c, objectif: 0.15, pmt: { depart: 1_000, fin: 1_075 } };
    const aid = aidOfYear(followed, 2023)!;
    expect(aid.full).toBe(21_000);
    expect(aid.montant).toBe(10_500);
    expect(aid.settlement).toBe("partiel");
    // years 1 and 2 are paid whatever the results
    expect(aidOfYear(followed, 2022)!.montant).toBe(27_000);
  });

  it("counts a contract year's days from anniversary to anniversary: 366 over a 29 February, 29/02 kept on 28/02", () => {
    // signed 29/02/2020: the anniversaries fall on 28/02/2021, 28/02/2022, 28/02/2023, 29/02/2024 (addYears)
    const leap = { ...c, dateSignature: "2020-02-29" };
    expect([1, 2, 3, 4, 5].map((k) => yearInForce(leap, k).of)).toEqual([365, 365, 365, 366, 365]);
    // signed 01/03/2023: its first year runs over 29/02/2024
    expect(yearInForce({ ...c, dateSignature: "2023-03-01" }, 1).of).toBe(366);
    // cut on 29/02/2024, year 4 of the contract signed 29/02/2020 (from 28/02/2023): 366 days in force of 366
    expect(yearInForce({ ...leap, dateFin: "2024-02-29" }, 4)).toEqual({ share: 1, days: 366, of: 366 });
    expect(yearInForce({ ...leap, dateFin: "2023-03-01" }, 4)).toEqual({ share: 1 / 366, days: 1, of: 366 });
  });
});
