// Strict JSON parsing with a human position (line:column) for the first syntax error.
import { parse, printParseErrorCode, type ParseError, type ParseOptions } from 'jsonc-parser';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseStrictJson(text: string): JsonParse {
  return parseWith(text, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
}

/** JSONC (settings.json): comments and trailing commas allowed, as VS Code allows them. */
export function parseJsonc(text: string): JsonParse {
  const r = parseWith(text, { allowTrailingComma: true, allowEmptyContent: true });
  return r.ok ? { ok: true, value: r.value ?? {} } : r;
}

function parseWith(text: string, options: ParseOptions): JsonParse {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, options);
  if (errors.length === 0) return { ok: true, value };
  const e = errors[0]!;
  const { line, column } = positionOf(text, e.offset);
  return { ok: false, error: `invalid JSON at line ${line}, column ${column}: ${describeCode(printParseErrorCode(e.error))}` };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
