/**
 * The muted "uncertain" marker next to a comment's sentiment when the analyser's reading is
 * close to its decision boundary (TextAnalysis.lowConfidence). Analyses stored before
 * confidences were have none and show no marker, as before.
 */
import type { UiLanguage } from '../i18n/index.ts';
import { textConfidenceText } from '../i18n/text-confidence.ts';
import { html, type SafeHtml } from './html.ts';

export function uncertainMarker(lowConfidence: boolean | null | undefined, language: UiLanguage): SafeHtml {
  if (lowConfidence !== true) return html``;
  const s = textConfidenceText(language);
  // The title is for pointer users; the hidden text says the same to screen readers.
  return html` <span class="muted uncertain" title="${s.uncertainWhy}">(${s.uncertain})<span class="visually-hidden"> ${s.uncertainWhy}</span></span>`;
}
