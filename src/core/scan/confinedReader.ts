// Restricted mode (an untrusted workspace): files are read only when their real path, symlinks resolved, is inside
// the workspace folder. `workspaceReader` already refuses `..` and absolute paths; this also refuses a link that
// leads out of the folder.
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { WorkspaceReader } from '../detect/types';
import { sourceAccess, withAccess } from './reader';

/** True when `<root>/<rel>` exists and resolves (symlinks followed) to a path inside `root`. */
export function resolvesInside(root: string, rel: string): boolean {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(join(root, rel));
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  } catch {
    return false;
  }
}

export function confinedReader(root: string, inner: WorkspaceReader): WorkspaceReader {
  const reader: WorkspaceReader = {
    readFile: (rel) => (resolvesInside(root, rel) ? inner.readFile(rel) : null),
    exists: (rel) => resolvesInside(root, rel) && inner.exists(rel),
  };
  // The scan's byte reads and worker threads keep the confinement (a worker rebuilds this same reader).
  const access = sourceAccess(inner);
  return access ? withAccess(reader, { ...access, confined: true, readBytes: (rel, size) => (resolvesInside(root, rel) ? access.readBytes(rel, size) : null) }) : reader;
}
