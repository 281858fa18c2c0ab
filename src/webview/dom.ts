// Tiny DOM helpers for the panel (no framework; no inline handlers: actions are data-action attributes).
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function cell(child: HTMLElement | string, cls?: string): HTMLTableCellElement {
  const td = el('td', undefined, cls);
  td.append(child);
  return td;
}

/**
 * A field's validation error: an alert paragraph `${id}-error` after the input, which is marked invalid and
 * described by it (its id joins `described`, the ids the caller puts in aria-describedby).
 */
export function appendFieldError(field: HTMLElement, input: HTMLElement, id: string, message: string, described: string[]): void {
  const msg = el('p', message, 'error');
  msg.id = `${id}-error`;
  msg.setAttribute('role', 'alert');
  described.push(msg.id);
  input.setAttribute('aria-invalid', 'true');
  field.append(msg);
}
