// Words for the hosted open-model column, shared by the estimate/scan tables, the report, lens and hover, so
// every surface names the same host, price, source and date.
import type { HostedOpenResult } from '../economics/hostedOpen';
import type { PerTokenComparison } from '../economics/breakEven';
import { formatCount, formatUsd } from '../money';

const perMTok = (n: number) => `$${formatCount(n)}`;

/** "llama-3.3-70b via Novita (meta-llama/llama-3.3-70b-instruct): $0.39 in / $0.39 out per Mtok". */
export function hostedOpenOffer(h: HostedOpenResult): string {
  const sku = h.providerModelId && h.providerModelId !== h.model ? ` (${h.providerModelId})` : '';
  return `${h.model} via ${h.providerName}${sku}: ${perMTok(h.price.inputUsdPerMTok)} in / ${perMTok(h.price.outputUsdPerMTok)} out per Mtok`;
}

/** "@pydantic/genai-prices 0.1.8 · prices as of 2026-09-23" (no date for a scenario's own price). */
export function hostedOpenSource(h: HostedOpenResult): string {
  return `${h.price.source}${h.price.asOf ? ` · prices as of ${h.price.asOf}` : ''}`;
}

/** A table cell: "$7.02 (llama-3.3-70b @ novita)". */
export function hostedOpenCell(h: HostedOpenResult | null | undefined): string {
  return h ? `${formatUsd(h.monthlyUsd)} (${h.model} @ ${h.provider})` : '—';
}

/** API against the hosted open model: both per token, so one is cheaper at every volume. */
export function perTokenComparisonText(c: PerTokenComparison): string {
  if (c.cheaper === 'equal') return 'same cost per request at every volume';
  const who = c.cheaper === 'api' ? 'the API' : 'the hosted open model';
  return `${who} is cheaper at every volume (by ${formatUsd(c.savingPerRequestUsd * 1000)} per 1,000 requests; both per token, no crossing)`;
}
