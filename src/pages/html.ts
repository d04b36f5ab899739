/**
 * Server-rendered HTML with escaping by default: `html` tagged templates escape every
 * interpolated value unless it is itself an `html` fragment (or `raw()`), so customer text
 * (open answers, names) always renders as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() { return this.value; }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);

type Part = SafeHtml | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => { out += render(value) + strings[i + 1]; });
  return new SafeHtml(out);
}

/** Trusted markup only (our own constants, never user input). */
export const raw = (markup: string) => new SafeHtml(markup);
