/**
 * What a case is about, for lists and titles: the score that opened it (metric and value), the
 * touchpoint and the first words of the customer's comment, PII-redacted as the text pages
 * redact (src/text/redact.ts) whoever reads them, since titles travel into notifications.
 *
 * Titles: a case opened by a rule is titled from its answer ("NPS 2 at E-lasku: “laskussa
 * virhe…”"); it is stored without the comment in the organisation's language when it is created. Cases stored before that carry
 * the rule's name (or the by-hand default): those, and generated titles, are shown generated
 * afresh in the reader's language (`displayTitle`), while a title a person wrote is shown as written.
 */
import type { Queryable } from '../db/connection.ts';
import { uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { caseInboxText } from '../i18n/case-inbox.ts';
import { plural } from '../i18n/plural.ts';
import { redactPii } from '../text/redact.ts';

/** The by-hand title used before titles were generated (cases.ts openCase). */
export const PLACEHOLDER_TITLE = 'Follow up on feedback';
const SCORE_TYPES = ['nps', 'csat', 'ces', 'likert7', 'rating'];

export interface CaseFacts {
  metric: string | null;
  score: number | null;
  touchpoint: string | null;
  comment: string | null;
  /** The name of the rule that opened the case, if it still exists. */
  ruleName: string | null;
}

/** The facts of each case by id (one query for a page of cases). */
export async function caseFacts(db: Queryable, orgId: string, caseIds: string[]): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.query<CaseFacts & { id: string }>(
    `select c.id, r.name as "ruleName", t.name as touchpoint, s.type as metric, s.number as score, x.text as comment
       from cases c
       left join alert_rules r on r.org_id = c.org_id and r.id = c.rule_id
       left join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id
       left join lateral (select q.type::text as type, a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                           where a.org_id = c.org_id and a.response_id = c.response_id and a.number is not null and q.type::text = any($3::text[])
                           order by q.type = 'nps' desc, q.position limit 1) s on true
       left join lateral (select a.text from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                           where a.org_id = c.org_id and a.response_id = c.response_id and a.text is not null and btrim(a.text) <> ''
                           order by q.position limit 1) x on true
      where c.org_id = $1 and c.id = any($2::uuid[])`, [orgId, caseIds, SCORE_TYPES]);
  return new Map(rows.map(({ id, ...facts }) => [id, { ...facts, score: facts.score === null ? null : Number(facts.score) }]));
}

/** The first words of a comment, redacted, cut at a word boundary within `max` characters with an ellipsis. */
export function commentStart(text: string | null, max = 60): string | null {
  if (!text) return null;
  const flat = redactPii(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat || null;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?–-]+$/, '')}…`;
}

const metricLabel = (metric: string | null, language: UiLanguage) =>
  metric === 'nps' || metric === 'csat' || metric === 'ces' ? metric.toUpperCase() : caseInboxText(language).scoreMetric;

/** "NPS 2" in a language, or null without a score. */
export const scoreText = (f: Pick<CaseFacts, 'metric' | 'score'>, language: UiLanguage) =>
  f.score === null ? null : `${metricLabel(f.metric, language)} ${f.score}`;

/**
 * The generated title, or null when the case has nothing to say it with (no answer, no touchpoint).
 * The stored title leaves the comment out (`withComment` false): it travels in webhooks and
 * notifications, which carry no customer words; pages add them when they show it.
 */
export function generatedTitle(f: CaseFacts, language: UiLanguage, withComment = true): string | null {
  const metric = scoreText(f, language) ?? undefined;
  const comment = withComment ? commentStart(f.comment, 40) ?? undefined : undefined;
  if (!metric && !f.touchpoint && !comment) return null;
  return caseInboxText(language).title({ metric, touchpoint: f.touchpoint ?? undefined, comment }).slice(0, 200);
}

/**
 * The title to show: generated in the reader's language unless a person wrote the stored one.
 * `withComment` false leaves the customer's words out (the notifications page, like the notice).
 */
export function displayTitle(stored: string, f: CaseFacts | undefined, language: UiLanguage, withComment = true): string {
  if (!f) return stored;
  const generated = stored === PLACEHOLDER_TITLE || stored === f.ruleName || uiLanguages.some((l) => generatedTitle(f, l, false) === stored || generatedTitle(f, l) === stored);
  return generated ? generatedTitle(f, language, withComment) ?? stored : stored;
}

/** Time to the due instant in words: minutes under an hour, hours under a day, else whole days. */
export function slaLeftText(dueAt: Date | string | null, now: Date, language: UiLanguage): string | null {
  if (dueAt === null) return null;
  const s = caseInboxText(language);
  const ms = new Date(dueAt).getTime() - now.getTime();
  const forms = ms >= 0 ? s.left : s.over;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return forms.minutes.replace('#', String(minutes));
  if (minutes < 24 * 60) return forms.hours.replace('#', String(Math.floor(minutes / 60)));
  return plural(language, Math.floor(minutes / (24 * 60)), forms.days);
}

/** The facts from a response's answers (in question order), as the evaluator loads them. */
export function factsFromAnswers(answers: Array<{ type: string; number: number | null; text: string | null }>, touchpoint: string | null, ruleName: string | null): CaseFacts {
  const scores = answers.filter((a) => a.number !== null && SCORE_TYPES.includes(a.type));
  const score = scores.find((a) => a.type === 'nps') ?? scores[0];
  return { metric: score?.type ?? null, score: score?.number ?? null, touchpoint, comment: answers.find((a) => a.text?.trim())?.text ?? null, ruleName };
}
