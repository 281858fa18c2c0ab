// Minimal flag parsing for the CLI: `--name value`, `--name=value`, boolean `--flag`, positionals.

export const EXIT = { ok: 0, internal: 1, invalidInput: 2, policyFailed: 3 } as const;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** "Today", for the price catalog's staleness warning; tests inject a fixed clock. Absent: the system clock. */
  now?(): Date;
}

export function today(io: Io): Date {
  return io.now ? io.now() : new Date();
}

export class UsageError extends Error {}

type Kind = 'bool' | 'string' | 'multi';

export interface Flags {
  bool: Record<string, boolean>;
  string: Record<string, string>;
  multi: Record<string, string[]>;
  positionals: string[];
}

export function parseFlags(argv: string[], spec: Record<string, Kind>): Flags {
  const flags: Flags = { bool: {}, string: {}, multi: {}, positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      flags.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name} (expected one of ${Object.keys(spec).map((k) => '--' + k).join(', ')})`);
    if (kind === 'bool') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.bool[name] = true;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (kind === 'string') flags.string[name] = value;
    else (flags.multi[name] ??= []).push(value);
  }
  return flags;
}
