// Spring AI takes its model from configuration: `spring.ai.<provider>.chat.options.model` (Azure:
// `deployment-name`) in `application.properties` or `application.yml` under `src/main/resources` of the module
// that holds the Java file. Only the file the code's module ships is read; profiles and environment overrides are not.
import type { AnalyzeContext } from '../types';
import type { SharedValue } from '../request/value';

const MODEL_KEY = /^spring\.ai\.[\w.-]+?\.chat\.options\.(model|deployment-name)$/;
const FILES = ['application.properties', 'application.yml', 'application.yaml'];

/** `${OPENAI_MODEL:gpt-4o}` → the default; a placeholder without one → null. */
function resolved(raw: string): string | null {
  const v = raw.trim().replace(/^["']|["']$/g, '');
  const m = /^\$\{[^:}]+(?::([^}]*))?\}$/.exec(v);
  if (m) return m[1]?.trim() || null;
  return v && !v.includes('${') ? v : null;
}

/** dotted key → [value, 1-based line] from a .properties file or a (block-style) YAML file */
export function configEntries(text: string, yaml: boolean): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  const stack: { indent: number; key: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || /^\s*[#!]/.test(line)) return;
    if (!yaml) {
      const m = /^\s*([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
      if (m) out.set(m[1]!, [m[2]!, i + 1]);
      return;
    }
    const m = /^(\s*)([\w.-]+)\s*:\s*(.*?)\s*(?:#.*)?$/.exec(line);
    if (!m) return;
    const indent = m[1]!.length;
    while (stack.length && stack.at(-1)!.indent >= indent) stack.pop();
    const key = [...stack.map((s) => s.key), m[2]!].join('.');
    if (m[3]) out.set(key, [m[3], i + 1]);
    else stack.push({ indent, key: m[2]! });
  });
  return out;
}

export function springConfiguredModel(ctx: AnalyzeContext): SharedValue | null {
  if (!ctx.ws) return null;
  const parts = ctx.relPath.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const dir = parts.slice(0, n).join('/');
    for (const name of FILES) {
      const file = `${dir ? `${dir}/` : ''}src/main/resources/${name}`;
      const text = ctx.ws.exists(file) ? ctx.ws.readFile(file) : null;
      if (text === null) continue;
      for (const [key, [raw, line]] of configEntries(text, !name.endsWith('.properties'))) {
        const model = MODEL_KEY.test(key) ? resolved(raw) : null;
        if (model) return { k: 'lit', value: model, src: 'file', from: { file, line } };
      }
    }
  }
  return null;
}
