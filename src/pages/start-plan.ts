/**
 * "Start an action plan" links for the analysis pages (drivers, touchpoint, question): each opens
 * /app/actions/new prefilled. Apart from action-pages.ts so those pages need not import its routes.
 */
import { actionText } from '../i18n/actions.ts';
import type { UiLanguage } from '../i18n/index.ts';
import type { Metric } from '../metrics/queries.ts';
import { html, type SafeHtml } from './html.ts';

export interface PlanPrefill { touchpointId?: string; questionId?: string; metric?: Metric }

export function newPlanHref(prefill: PlanPrefill): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(prefill)) if (v) q.set(k, v);
  return `/app/actions/new${q.size > 0 ? `?${q}` : ''}`;
}

/** One link per driver, most important first, prefilled with the driver question and the target's metric. */
export function startPlanLinks(language: UiLanguage, drivers: Array<{ questionId: string; label: string }>, metric: Metric | undefined): SafeHtml {
  if (drivers.length === 0) return html``;
  const s = actionText(language).start;
  return html`<section aria-labelledby="start-plan-heading"><h2 id="start-plan-heading">${s.heading}</h2><p class="muted">${s.intro}</p>
<ul>${drivers.map((d) => html`<li><a href="${newPlanHref({ questionId: d.questionId, metric })}">${s.link(d.label)}</a></li>`)}</ul></section>`;
}

/** One link for the touchpoint or question on screen, named after it. */
export function startPlanLink(language: UiLanguage, name: string, prefill: PlanPrefill): SafeHtml {
  return html`<p class="start-plan"><a href="${newPlanHref(prefill)}">${actionText(language).start.link(name)}</a></p>`;
}
