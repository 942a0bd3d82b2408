/** Amounts are paid in cents: round there, and only there, so that 155 000 × 1,10 is 170 500, not 170 500,00000000003. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
