import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownedMonthlyUsd, OwnershipInputError, type OwnershipInput } from '../../src/core/economics/ownership';

test('H100 owned: ≈ $47/month of power at $0.10/kWh, ≈ $833/month over 36 months (reference)', () => {
  const r = ownedMonthlyUsd({ purchaseUsd: 30_000, amortizationMonths: 36, count: 1, tdpWatts: 700, usdPerKWh: 0.1 });
  assert.ok(Math.abs(r.powerMonthlyUsd - 46.5) < 0.1, String(r.powerMonthlyUsd));
  assert.ok(Math.abs(r.amortizationMonthlyUsd - 833.33) < 0.01);
  assert.equal(r.monthlyUsd, r.powerMonthlyUsd + r.amortizationMonthlyUsd);
  assert.equal(r.assumptions.pue, 1.3);
  assert.equal(r.assumptions.loadFactor, 0.7);
});

test('scales with count and overhead; rejects bad fields by name', () => {
  const one = ownedMonthlyUsd({ purchaseUsd: 10_000, amortizationMonths: 24, count: 1, tdpWatts: 400, usdPerKWh: 0.2, overheadFraction: 0.4 });
  const four = ownedMonthlyUsd({ purchaseUsd: 10_000, amortizationMonths: 24, count: 4, tdpWatts: 400, usdPerKWh: 0.2, overheadFraction: 0.4 });
  assert.ok(Math.abs(four.monthlyUsd - 4 * one.monthlyUsd) < 1e-9);
  assert.ok(Math.abs(one.amortizationMonthlyUsd - 14_000 / 24) < 1e-9);
  for (const [patch, field] of [[{ amortizationMonths: 0 }, 'amortizationMonths'], [{ pue: 0.8 }, 'pue'], [{ count: 1.5 }, 'count'], [{ usdPerKWh: Number.NaN }, 'usdPerKWh']] as const) {
    const good: OwnershipInput = { purchaseUsd: 1, amortizationMonths: 12, count: 1, tdpWatts: 100, usdPerKWh: 0.1 };
    assert.throws(() => ownedMonthlyUsd({ ...good, ...patch }),
      (e: unknown) => e instanceof OwnershipInputError && e.field === field);
  }
});
