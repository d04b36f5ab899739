/**
 * The churn feature table: one row per contact, experience data (latest NPS and its change,
 * latest CSAT and CES, complaints, open cases, negative open answers) joined with the contact's
 * operational data (`contacts.operational`: tenure, plan, revenue, usage, service contacts and
 * the churned flag). Each source is read in one pass grouped by contact, never per contact,
 * because responses carry no contact index (ingestion stays lean); the contacts themselves are
 * read in primary-key order in chunks.
 */
import type { Queryable } from '../db/connection.ts';
import { analyzeText } from '../text/analyze.ts';

/** Experience features computed from answers and cases; operational keys add to these. */
export const experienceFeatures = ['nps', 'npsChange', 'csat', 'ces', 'complaints', 'openCases', 'negativeTexts'] as const;
export type ExperienceFeature = (typeof experienceFeatures)[number];

export interface ContactRows {
  ids: string[];
  externalIds: Array<string | null>;
  /** Per contact, the experience features (NaN = no such answer). */
  experience: Record<ExperienceFeature, Float64Array>;
  /** Per contact, its operational jsonb (scalars). */
  operational: Array<Record<string, unknown>>;
}

const contactChunk = 20_000;
const textChunk = 20_000;

/** Latest and previous NPS, latest CSAT and CES per contact who answered (window over the org's scored answers). */
async function scoredAnswers(db: Queryable, orgId: string) {
  return db.query<{ contactId: string; nps: number | null; npsPrevious: number | null; csat: number | null; ces: number | null }>(
    `select contact_id as "contactId",
            max(number) filter (where type = 'nps' and k = 1) as nps,
            max(number) filter (where type = 'nps' and k = 2) as "npsPrevious",
            max(number) filter (where type = 'csat' and k = 1) as csat,
            max(number) filter (where type = 'ces' and k = 1) as ces
       from (select r.contact_id, q.type, a.number,
                    row_number() over (partition by r.contact_id, q.type order by r.submitted_at desc, r.id desc) as k
               from responses r
               join answers a on a.org_id = r.org_id and a.response_id = r.id
               join questions q on q.org_id = a.org_id and q.id = a.question_id
              where r.org_id = $1 and r.contact_id is not null and a.number is not null
                and q.type in ('nps', 'csat', 'ces')) x
      where k <= 2
      group by contact_id`,
    [orgId],
  );
}

/** Complaints (problem cases, any status) and open cases per contact. */
async function caseCounts(db: Queryable, orgId: string) {
  return db.query<{ contactId: string; complaints: number; open: number }>(
    `select contact_id as "contactId",
            count(*) filter (where kind = 'problem')::int as complaints,
            count(*) filter (where status in ('new', 'in_progress', 'waiting_customer'))::int as open
       from cases where org_id = $1 and contact_id is not null
      group by contact_id`,
    [orgId],
  );
}

interface TextRow { contactId: string; text: string; language: string | null; sentiment: string | null }

/**
 * Negative texts per contact: open answers of the contact's responses and feedback texts
 * (complaints, chats, e-mails… in feedback_texts) whose sentiment is negative. The stored
 * analysis (text_insights, feedback_texts.sentiment) is used when the text job has made it;
 * a text not analysed yet is analysed here (src/text). Read in id order in chunks, so memory
 * stays flat.
 */
async function negativeTexts(db: Queryable, orgId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const count = (row: TextRow) => {
    const sentiment = row.sentiment ?? analyzeText(row.text, row.language ? { language: row.language } : {}).sentiment;
    if (sentiment === 'negative') counts.set(row.contactId, (counts.get(row.contactId) ?? 0) + 1);
  };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Responses first, then their texts, so a chunk never ends between two answers of one response.
    const chunk = await db.query<{ id: string }>(
      `select id from responses where org_id = $1 and contact_id is not null and id > $2 order by id limit ${textChunk}`, [orgId, after]);
    if (chunk.length === 0) break;
    after = chunk[chunk.length - 1].id;
    const rows = await db.query<TextRow>(
      `select r.contact_id as "contactId", a.text, r.language, ti.sentiment
         from responses r
         join answers a on a.org_id = r.org_id and a.response_id = r.id and a.text is not null
         left join text_insights ti on ti.org_id = a.org_id and ti.response_id = a.response_id and ti.question_id = a.question_id
        where r.org_id = $1 and r.id = any($2::uuid[])`,
      [orgId, chunk.map((c) => c.id)]);
    rows.forEach(count);
    if (chunk.length < textChunk) break;
  }
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<TextRow & { id: string }>(
      `select id, contact_id as "contactId", text, coalesce(language, language_hint) as language, sentiment
         from feedback_texts where org_id = $1 and contact_id is not null and id > $2 order by id limit ${textChunk}`,
      [orgId, after]);
    rows.forEach(count);
    if (rows.length < textChunk) break;
    after = rows[rows.length - 1].id;
  }
  return counts;
}

/**
 * Every contact of the organisation with its features, in id order.
 * `onProgress` receives a 0–1 fraction as the steps complete.
 */
export async function contactFeatureRows(db: Queryable, orgId: string, onProgress: (fraction: number) => Promise<void> = async () => {}): Promise<ContactRows> {
  // Independent passes: on PostgreSQL they run at once on the pool's connections.
  const [scored, caseRows, negative] = await Promise.all([scoredAnswers(db, orgId), caseCounts(db, orgId), negativeTexts(db, orgId)]);
  const scores = new Map(scored.map((r) => [r.contactId, r]));
  const cases = new Map(caseRows.map((r) => [r.contactId, r]));
  await onProgress(0.6);
  const [{ total }] = await db.query<{ total: number }>('select count(*)::int as total from contacts where org_id = $1', [orgId]);
  const ids: string[] = [];
  const externalIds: Array<string | null> = [];
  const operational: Array<Record<string, unknown>> = [];
  const experience = Object.fromEntries(experienceFeatures.map((f) => [f, new Float64Array(total)])) as ContactRows['experience'];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; externalId: string | null; operational: Record<string, unknown> }>(
      `select id, external_id as "externalId", operational from contacts where org_id = $1 and id > $2 order by id limit ${contactChunk}`,
      [orgId, after],
    );
    for (const row of rows) {
      const i = ids.length;
      // A contact created while reading lies beyond the preallocated columns: it waits for the next run.
      if (i >= total) break;
      ids.push(row.id);
      externalIds.push(row.externalId);
      operational.push(row.operational ?? {});
      const s = scores.get(row.id);
      const c = cases.get(row.id);
      const value = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : Number(x));
      experience.nps[i] = value(s?.nps);
      experience.npsChange[i] = s && s.nps !== null && s.npsPrevious !== null ? Number(s.nps) - Number(s.npsPrevious) : Number.NaN;
      experience.csat[i] = value(s?.csat);
      experience.ces[i] = value(s?.ces);
      experience.complaints[i] = c?.complaints ?? 0;
      experience.openCases[i] = c?.open ?? 0;
      experience.negativeTexts[i] = negative.get(row.id) ?? 0;
    }
    if (rows.length < contactChunk || ids.length >= total) break;
    after = rows[rows.length - 1].id;
  }
  const n = ids.length;
  for (const f of experienceFeatures) if (n < total) experience[f] = experience[f].slice(0, n);
  await onProgress(0.8);
  return { ids, externalIds, experience, operational };
}
