// The switch of the front ends' candidate filters (ts/candidates.ts, py/candidates.ts). The filters only skip calls
// that cannot be requests; tests turn them off to check that detection is the same without them
// (test/unit/detect-candidates.test.ts).
export const candidateFilter = { enabled: true };
