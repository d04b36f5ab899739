/**
 * Invitation messages: the e-mail (subject, HTML and text parts) with the first question's
 * scores as links, and the SMS text. Pure functions over plain data; everything that came from
 * an organisation or a contact (names, survey texts) is escaped by `html`.
 */
import { html, raw } from '../pages/html.ts';
import { invitationStrings } from '../i18n/invitation.ts';
import { scaleOf, type Question, type Survey } from '../surveys/schema.ts';

export interface InvitationContent {
  language: string;
  organisation: string;
  contactName: string | null;
  survey: Pick<Survey, 'name' | 'texts' | 'defaultLanguage' | 'questions'>;
  /** The personal link (…/r/<token>) and the unsubscribe link (…/u/<token>). */
  answerUrl: string;
  unsubscribeUrl: string;
  /** An image that records the e-mail as opened; omitted = no pixel. */
  openPixelUrl?: string;
  reminder: boolean;
}

export interface RenderedInvitation { subject: string; html: string; text: string }

const pick = (texts: Record<string, string> | undefined, language: string, fallback: string) =>
  texts?.[language] ?? texts?.[fallback] ?? Object.values(texts ?? {})[0];

function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/** The first question, when it is a score the e-mail can offer as links. */
export function embeddedQuestion(survey: Pick<Survey, 'questions'>): { question: Question; scale: [number, number] } | undefined {
  const question = [...survey.questions].sort((a, b) => a.position - b.position)[0];
  const scale = question && !question.displayIf ? scaleOf(question) : undefined;
  return question && scale ? { question, scale } : undefined;
}

/** The link a score button opens: the survey with that score filled in. */
export const scoreUrl = (answerUrl: string, questionKey: string, score: number) => withQuery(answerUrl, { [questionKey]: String(score) });

export function renderInvitationEmail(c: InvitationContent): RenderedInvitation {
  const { strings: s } = invitationStrings(c.language);
  const title = pick(c.survey.texts.title, c.language, c.survey.defaultLanguage) ?? c.survey.name;
  const embedded = embeddedQuestion(c.survey);
  const label = embedded ? pick(Object.fromEntries(Object.entries(embedded.question.texts).map(([l, t]) => [l, t.label])), c.language, c.survey.defaultLanguage) : undefined;
  const scores = embedded ? Array.from({ length: embedded.scale[1] - embedded.scale[0] + 1 }, (_, i) => embedded.scale[0] + i) : [];
  const subject = c.reminder ? s.reminderSubject(c.organisation) : s.subject(c.organisation);
  const intro = c.reminder ? s.reminderIntro : s.intro(c.organisation);
  const button = 'display:inline-block;min-width:28px;padding:8px 4px;margin:2px;border:1px solid #1d4ed8;border-radius:4px;color:#1d4ed8;text-align:center;text-decoration:none;font-weight:bold';

  const scoreBlock = embedded && label ? html`<p style="font-weight:bold">${label}</p>
<p>${scores.map((n) => html`<a href="${scoreUrl(c.answerUrl, embedded.question.key, n)}" style="${button}" aria-label="${label}: ${n}">${n}</a>`)}</p>
<p style="color:#555;font-size:13px">${scores[0]} = ${s.low} · ${scores[scores.length - 1]} = ${s.high}. ${s.scoreHint}</p>` : '';
  const body = html`<!doctype html>
<html lang="${c.language}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#111;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:16px">
<h1 style="font-size:20px">${title}</h1>
<p>${s.greeting(c.contactName)}</p>
<p>${intro}</p>
${scoreBlock}
<p><a href="${c.answerUrl}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;border-radius:4px;text-decoration:none">${s.answer}</a></p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="color:#555;font-size:12px">${s.unsubscribeNote}<a href="${c.unsubscribeUrl}" style="color:#555">${s.unsubscribe}</a></p>
${c.openPixelUrl ? html`<img src="${c.openPixelUrl}" width="1" height="1" alt="" style="display:block;border:0">` : raw('')}
</div></body></html>`;

  const text = [
    title, '', s.greeting(c.contactName), intro, '',
    ...(embedded && label ? [label, ...scores.map((n) => `${n}: ${scoreUrl(c.answerUrl, embedded.question.key, n)}`), ''] : []),
    `${s.answer}: ${c.answerUrl}`, '', `${s.unsubscribeNote}${s.unsubscribe}: ${c.unsubscribeUrl}`,
  ].join('\n');
  return { subject, html: body.value, text };
}

export function renderInvitationSms(c: Pick<InvitationContent, 'language' | 'organisation' | 'answerUrl' | 'unsubscribeUrl'>): string {
  return invitationStrings(c.language).strings.sms(c.organisation, c.answerUrl, c.unsubscribeUrl);
}
