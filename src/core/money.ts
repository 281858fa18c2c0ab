// Money and count formatting shared by the CLI, hovers, CodeLens and the panel (Intl.NumberFormat, en-US).

const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Monthly figures: whole dollars from $10 up, cents below ($6.60), and a plain $0. */
export function formatUsd(n: number): string {
  // below half a cent (a float residue such as -2.8e-14 included) there is nothing to show but $0, never "-$0.00"
  if (Math.abs(n) < 0.005) return '$0';
  return Math.abs(n) >= 10 ? usd0.format(n) : usd2.format(n);
}

/** Per-request figures are tiny: keep 3 significant digits. */
export function formatUsdPrecise(n: number): string {
  if (n === 0) return '$0';
  if (Math.abs(n) >= 0.01) return usd2.format(n);
  return '$' + n.toPrecision(3).replace(/(\.\d*?[1-9])0+$/, '$1');
}

export function formatCount(n: number): string {
  return Math.abs(n) >= 100 ? int.format(n) : dec.format(n);
}

export function formatRate(n: number | null, unit: string): string {
  return n === null ? '—' : `${formatCount(n)} ${unit}`;
}
