// The deployment line says the volume once: an auto-sized GPU's reason already names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deploymentHead } from '../../src/core/format/labels';

test('deploymentHead: the volume once with an auto-sized GPU, as before with a named one', () => {
  const d = { openModel: 'gpt-oss-20b', gpus: 2, gpu: 'L4', requestsPerDay: 70_000, opsMonthlyUsd: 1000, setupMonthlyUsd: 333 };
  assert.equal(deploymentHead({ ...d, gpuChoice: '2× L4: cheapest catalog GPU that holds gpt-oss-20b fp8 and serves 70,000 req/day' }),
    'gpt-oss-20b: 2× L4: cheapest catalog GPU that holds gpt-oss-20b fp8 and serves 70,000 req/day');
  assert.equal(deploymentHead({ ...d, gpuChoice: null }), 'gpt-oss-20b: 2 GPUs (L4), 70,000 calls/day');
  // a reason for another volume does not hide this one
  assert.equal(deploymentHead({ ...d, gpuChoice: '2× L4: cheapest catalog GPU that holds gpt-oss-20b fp8 and serves 7,000 req/day' }),
    'gpt-oss-20b: 2× L4: cheapest catalog GPU that holds gpt-oss-20b fp8 and serves 7,000 req/day, 70,000 calls/day');
});
