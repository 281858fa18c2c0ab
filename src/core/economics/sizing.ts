// How many GPUs a deployment has at a given volume: fixed by the user, or sized in whole steps
// (a step = the GPUs of one replica, which serves `requestsPerDayPerStep`).

export type Sizing =
  | { kind: 'none' }                                   // no GPUs: flat infrastructure only
  | { kind: 'fixed'; gpus: number; requestsPerDay: number | null }
  | { kind: 'steps'; gpusPerStep: number; requestsPerDayPerStep: number };

export function gpusAt(sizing: Sizing, requestsPerDay: number): number {
  switch (sizing.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return sizing.gpus;
    case 'steps':
      return sizing.gpusPerStep * Math.max(1, Math.ceil(requestsPerDay / sizing.requestsPerDayPerStep));
  }
}
