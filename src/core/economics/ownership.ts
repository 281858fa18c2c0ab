// Owned hardware as an alternative to rental: purchase amortised over months + power at the wall.
export interface OwnershipInput {
  purchaseUsd: number;
  amortizationMonths: number;
  count: number;
  tdpWatts: number;
  /** Average draw as a fraction of TDP (reference: ~0.7). */
  loadFactor?: number;
  /** Data-centre power usage effectiveness (reference: 1.2–1.5). */
  pue?: number;
  usdPerKWh: number;
  hoursPerMonth?: number;
  /** Server, network, rack and upkeep as a fraction of the amortised purchase (reference: 0.3–0.5 for the server alone). */
  overheadFraction?: number;
}

export interface OwnershipResult {
  monthlyUsd: number;
  amortizationMonthlyUsd: number;
  powerMonthlyUsd: number;
  assumptions: Record<string, number>;
}

export class OwnershipInputError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'OwnershipInputError';
  }
}

export function ownedMonthlyUsd(input: OwnershipInput): OwnershipResult {
  const a = {
    purchaseUsd: input.purchaseUsd, amortizationMonths: input.amortizationMonths, count: input.count,
    tdpWatts: input.tdpWatts, loadFactor: input.loadFactor ?? 0.7, pue: input.pue ?? 1.3, usdPerKWh: input.usdPerKWh,
    hoursPerMonth: input.hoursPerMonth ?? 730, overheadFraction: input.overheadFraction ?? 0,
  };
  const check = (field: keyof typeof a, ok: (n: number) => boolean, rule: string): void => {
    const v: unknown = a[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new OwnershipInputError(field, `${rule} (got ${JSON.stringify(v)})`);
  };
  check('purchaseUsd', (n) => n >= 0, 'must be ≥ 0');
  check('amortizationMonths', (n) => n > 0, 'must be > 0');
  check('count', (n) => Number.isInteger(n) && n >= 0, 'must be an integer ≥ 0');
  check('tdpWatts', (n) => n >= 0, 'must be ≥ 0');
  check('loadFactor', (n) => n >= 0 && n <= 1, 'must be in [0, 1]');
  check('pue', (n) => n >= 1, 'must be ≥ 1');
  check('usdPerKWh', (n) => n >= 0, 'must be ≥ 0');
  check('hoursPerMonth', (n) => n > 0 && n <= 744, 'must be in (0, 744]');
  check('overheadFraction', (n) => n >= 0, 'must be ≥ 0');

  const amortizationMonthlyUsd = (a.purchaseUsd * a.count * (1 + a.overheadFraction)) / a.amortizationMonths;
  const powerMonthlyUsd = (a.tdpWatts / 1000) * a.loadFactor * a.pue * a.hoursPerMonth * a.usdPerKWh * a.count;
  return { monthlyUsd: amortizationMonthlyUsd + powerMonthlyUsd, amortizationMonthlyUsd, powerMonthlyUsd, assumptions: a };
}
