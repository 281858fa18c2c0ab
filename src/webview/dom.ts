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
