/** Amounts are paid in cents: round there, and only there, so that 155 000 × 1,10 is 170 500, not 170 500,00000000003. */
export function roundCents(amount: number): number {
  // a whole number is already in cents (most points are): the same result without the division
  return Number.isInteger(amount) ? amount : Math.round(amount * 100) / 100;
}
