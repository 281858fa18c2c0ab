// Records folded into groups as they are read: one group per (source file, code location, model), which is what
// matching needs. The number of groups is bounded by the code locations and models in the data, not by the number
// of records, so a million spans end as a handful of groups.
import { Histogram } from './histogram';
import type { UsageRecord } from './types';

export interface UsageGroup {
  source: number;
  model: string | null;
  file: string | null;
  line: number | null;
  function: string | null;
  records: number;
  /** requests of the records that carry a request count */
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** token totals of records without a request count (Anthropic usage report) */
  tokenOnly: { records: number; inputTokens: number; outputTokens: number };
  /** sums over the records that report them, and the input tokens of those records (for the share) */
  cached: { tokens: number; ofInput: number };
  reasoning: { tokens: number; ofRequests: number };
  /** per-request samples; empty for aggregated sources (no p90 from bucket totals) */
  input: Histogram;
  output: Histogram;
}

export class UsageAggregator {
  readonly groups = new Map<string, UsageGroup>();

  add(source: number, r: UsageRecord): void {
    const code = r.code;
    const key = `${source}\u0000${code?.file ?? ''}\u0000${code?.line ?? ''}\u0000${code?.function ?? ''}\u0000${r.model ?? ''}`;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        source, model: r.model, file: code?.file ?? null, line: code?.line ?? null, function: code?.function ?? null,
        records: 0, requests: 0, inputTokens: 0, outputTokens: 0, tokenOnly: { records: 0, inputTokens: 0, outputTokens: 0 },
        cached: { tokens: 0, ofInput: 0 }, reasoning: { tokens: 0, ofRequests: 0 }, input: new Histogram(), output: new Histogram(),
      };
      this.groups.set(key, g);
    }
    g.records++;
    if (r.requests === null) {
      g.tokenOnly.records++;
      g.tokenOnly.inputTokens += r.inputTokens;
      g.tokenOnly.outputTokens += r.outputTokens;
    } else {
      g.requests += r.requests;
      g.inputTokens += r.inputTokens;
      g.outputTokens += r.outputTokens;
      if (r.reasoningTokens !== null) {
        g.reasoning.tokens += r.reasoningTokens;
        g.reasoning.ofRequests += r.requests;
      }
      if (r.perRequest) {
        g.input.add(r.inputTokens);
        g.output.add(r.outputTokens);
      }
    }
    if (r.cachedInputTokens !== null) {
      g.cached.tokens += r.cachedInputTokens;
      g.cached.ofInput += r.inputTokens;
    }
  }
}
