/**
 * The churn feature table: one row per contact, experience data (latest NPS and its change,
 * latest CSAT and CES, complaints, open cases, negative open answers) joined with the contact's
 * operational data (`contacts.operational`: tenure, plan, revenue, usage, service contacts and
 * the churned flag). Each source is read in one pass grouped by contact, never per contact,
 * because responses carry no contact index (ingestion stays lean). Long reads go through a
 * server-side cursor fetched in large batches: one plan, one pass, memory bounded by a batch
 * (bench/churn-db.ts: texts by chunks of response ids took 36 s at 1,000,000 contacts, one
 * hash-joined pass 0.6 s; contacts by key-range chunks 20 s, one cursor 15 s).
 */
import type { Database, Queryable } from '../db/connection.ts';
import { analyzeText } from '../text/analyze.ts';
import { openCaseStatuses } from '../vocabulary.ts';

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

const batch = 50_000;

/** Runs `sql` through a cursor in its own transaction and hands its rows over batch by batch. */
async function eachBatch<T>(db: Database, sql: string, params: unknown[], handle: (rows: T[]) => void): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`declare churn_rows no scroll cursor for ${sql}`, params);
    for (;;) {
      const rows = await tx.query<T>(`fetch ${batch} from churn_rows`);
      handle(rows);
      if (rows.length < batch) break;
    }
  });
}

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
            count(*) filter (where status = any($2::case_status[]))::int as open
       from cases where org_id = $1 and contact_id is not null
      group by contact_id`,
    [orgId, openCaseStatuses],
  );
}

interface TextRow { contactId: string; text: string; language: string | null; sentiment: string | null }

/**
 * Negative texts per contact: open answers of the contact's responses and feedback texts
 * (complaints, chats, e-mails… in feedback_texts) whose sentiment is negative. The stored
 * analysis (text_insights, feedback_texts.sentiment) is used when the text job has made it;
 * a text not analysed yet is analysed here (src/text). Each source is one cursor pass, so
 * memory stays flat.
 */
async function negativeTexts(db: Database, orgId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const count = (rows: TextRow[]) => {
    for (const row of rows) {
      const sentiment = row.sentiment ?? analyzeText(row.text, row.language ? { language: row.language } : {}).sentiment;
      if (sentiment === 'negative') counts.set(row.contactId, (counts.get(row.contactId) ?? 0) + 1);
    }
  };
  await eachBatch<TextRow>(db,
    `select r.contact_id as "contactId", a.text, r.language, ti.sentiment
       from answers a
       join responses r on r.org_id = a.org_id and r.id = a.response_id and r.contact_id is not null
       left join text_insights ti on ti.org_id = a.org_id and ti.response_id = a.response_id and ti.question_id = a.question_id
      where a.org_id = $1 and a.text is not null`,
    [orgId], count);
  await eachBatch<TextRow>(db,
    `select contact_id as "contactId", text, coalesce(language, language_hint) as language, sentiment
       from feedback_texts where org_id = $1 and contact_id is not null`,
    [orgId], count);
  return counts;
}

/**
 * Every contact of the organisation with its features, in id order.
 * `onProgress` receives a 0–1 fraction as the steps complete.
 */
export async function contactFeatureRows(db: Database, orgId: string, onProgress: (fraction: number) => Promise<void> = async () => {}): Promise<ContactRows> {
  const ids: string[] = [];
  const externalIds: Array<string | null> = [];
  const operational: Array<Record<string, unknown>> = [];
  const readContacts = eachBatch<{ id: string; externalId: string | null; operational: Record<string, unknown> | null }>(db,
    `select id, external_id as "externalId", operational from contacts where org_id = $1 order by id`, [orgId], (rows) => {
      for (const row of rows) {
        ids.push(row.id);
        externalIds.push(row.externalId);
        operational.push(row.operational ?? {});
      }
    });
  // Independent passes: on PostgreSQL they run at once on the pool's connections.
  const [scored, caseRows, negative] = await Promise.all([scoredAnswers(db, orgId), caseCounts(db, orgId), negativeTexts(db, orgId), readContacts]);
  await onProgress(0.6);
  const scores = new Map(scored.map((r) => [r.contactId, r]));
  const cases = new Map(caseRows.map((r) => [r.contactId, r]));
  const n = ids.length;
  const experience = Object.fromEntries(experienceFeatures.map((f) => [f, new Float64Array(n)])) as ContactRows['experience'];
  const value = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : Number(x));
  for (let i = 0; i < n; i++) {
    const s = scores.get(ids[i]);
    const c = cases.get(ids[i]);
    experience.nps[i] = value(s?.nps);
    experience.npsChange[i] = s && s.nps !== null && s.npsPrevious !== null ? Number(s.nps) - Number(s.npsPrevious) : Number.NaN;
    experience.csat[i] = value(s?.csat);
    experience.ces[i] = value(s?.ces);
    experience.complaints[i] = c?.complaints ?? 0;
    experience.openCases[i] = c?.open ?? 0;
    experience.negativeTexts[i] = negative.get(ids[i]) ?? 0;
  }
  await onProgress(0.8);
  return { ids, externalIds, experience, operational };
}
