// A scan detection worker (src/core/scan/detectPool.ts) that breaks on purpose: it throws outside any job on a file
// whose name contains "worker-throws", and exits on one containing "worker-exits". Everything else it detects as
// the real worker does.
import { serveDetection } from '../../../src/core/scan/detectPool';

serveDetection(undefined, undefined, (relPath) => {
  if (relPath.includes('worker-throws')) throw new Error('the worker broke');
  if (relPath.includes('worker-exits')) process.exit(3);
});
