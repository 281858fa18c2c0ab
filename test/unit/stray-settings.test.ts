// Settings honesty (src/extension/strayModel.ts): User and workspace-file values that no folder file carries are
// found per key and scope, with the folders that lack them; the warning names them; the fingerprint is stable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findStrays, strayFingerprint, strayMessage, type SettingLayers } from '../../src/core/straySettingsModel';

const layer = (key: SettingLayers['key'], user: unknown, workspaceFile: unknown, inFolderFile: boolean): SettingLayers => ({ key, user, workspaceFile, inFolderFile });

test('strays: a User value the folder file lacks is ignored and reported; one the folder file carries is not', () => {
  const strays = findStrays([
    { folder: 'api', layers: [layer('requestsPerDay', 5000, undefined, false), layer('daysPerMonth', 22, undefined, true)] },
    { folder: 'web', layers: [layer('requestsPerDay', 5000, undefined, false), layer('daysPerMonth', 22, undefined, false)] },
  ]);
  assert.deepEqual(strays, [
    { key: 'requestsPerDay', scope: 'user', value: 5000, folders: ['api', 'web'] },
    { key: 'daysPerMonth', scope: 'user', value: 22, folders: ['web'] },
  ]);
  assert.match(strayMessage(strays), /llmCostLens\.requestsPerDay \(User settings\), llmCostLens\.daysPerMonth \(User settings\) are ignored\. Move them/);
});

test('strays: workspace-file values count too; nothing set anywhere but the folder gives none', () => {
  assert.deepEqual(findStrays([{ folder: 'a', layers: [layer('requestsPerDay', undefined, 300, false)] }]).map((s) => s.scope), ['workspace file']);
  assert.deepEqual(findStrays([{ folder: 'a', layers: [layer('requestsPerDay', undefined, undefined, false), layer('daysPerMonth', undefined, undefined, true)] }]), []);
});

test('strays: the fingerprint ignores order and changes with a value', () => {
  const a = findStrays([{ folder: 'x', layers: [layer('requestsPerDay', 1, undefined, false), layer('daysPerMonth', 2, undefined, false)] }]);
  const b = findStrays([{ folder: 'x', layers: [layer('daysPerMonth', 2, undefined, false), layer('requestsPerDay', 1, undefined, false)] }]);
  const c = findStrays([{ folder: 'x', layers: [layer('daysPerMonth', 3, undefined, false), layer('requestsPerDay', 1, undefined, false)] }]);
  assert.equal(strayFingerprint(a), strayFingerprint(b));
  assert.notEqual(strayFingerprint(a), strayFingerprint(c));
});
