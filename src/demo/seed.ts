/**
 * Writes the demo organisation (generator.ts) into a database. `kaiku serve` calls it on an
 * empty database; it takes a few seconds on embedded PGlite because everything bulk-inserts:
 * contacts in one statement, responses through `storeResponses` in chunks.
 *
 * Seeding twice is refused: if an organisation with the demo slug exists, `seedDemo` throws a
 * `conflict` error and changes nothing. A seed that fails half-way removes what it wrote, so the
 * next start tries again on an empty database.
 */
import { createUser } from '../auth/service.ts';
import { defaultTrainOptions, runChurnTraining } from '../churn/service.ts';
import { hashPassword } from '../auth/secrets.ts';
import type { Database } from '../db/connection.ts';
import { uuidv7 } from '../db/ids.ts';
import { conflict } from '../errors.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';
import { createEmployee, createOrganization, createUnit } from '../orgs/service.ts';
import { storeResponses, type PreparedResponse } from '../responses/service.ts';
import { validateAnswers } from '../responses/validate.ts';
import { createSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { randomUUID } from 'node:crypto';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, generateDemo } from './generator.ts';
import { seedLoop, type SeededIds } from './seed-loop.ts';

export { DEMO_USERS, DEMO_PASSWORD, DEMO_ORG, DEMO_RESPONSE_COUNT, DEMO_REFERENCE_DATE } from './generator.ts';

const CHUNK = 2_000;

export interface SeedResult {
  orgId: string;
  login: { email: string; password: string };
}

export async function seedDemo(db: Database, options: { onProgress?: (text: string) => void } = {}): Promise<SeedResult> {
  const progress = options.onProgress ?? (() => {});
  const [existing] = await db.query<{ id: string }>(`select id from organizations where slug = $1`, [DEMO_ORG.slug]);
  if (existing) throw conflict(`The demo organisation "${DEMO_ORG.slug}" already exists; it is seeded once, on an empty database`);

  const started = Date.now();
  const demo = generateDemo();
  const orgId = await createOrganization(db, { name: DEMO_ORG.name, slug: DEMO_ORG.slug, defaultLanguage: DEMO_ORG.defaultLanguage, timeZone: DEMO_ORG.timeZone });
  try {
    const unitIds = new Map<string, string>();
    for (const unit of demo.units) {
      unitIds.set(unit.key, await createUnit(db, orgId, { name: unit.name, kind: unit.kind, parentId: unit.parentKey ? unitIds.get(unit.parentKey) : null }));
    }
    const employeeIds = new Map<string, string>();
    for (const e of demo.employees) {
      employeeIds.set(e.key, await createEmployee(db, orgId, { name: e.name, unitId: unitIds.get(e.unitKey) as string, externalId: e.externalId }));
    }
    // One argon2 hash for all demo logins (they share the password): hashing is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const users: SeededIds['users'] = new Map();
    for (const u of DEMO_USERS) {
      const employeeId = u.employeeKey ? employeeIds.get(u.employeeKey) : undefined;
      const unitId = u.unitKey ? unitIds.get(u.unitKey) : employeeId ? unitIds.get(demo.employees.find((e) => e.key === u.employeeKey)?.unitKey ?? '') : null;
      const userId = await createUser(db, orgId, { email: u.email, name: u.name, role: u.role, unitId: unitId ?? null, language: u.language });
      users.set(u.email, { id: userId, role: u.role, unitId: unitId ?? null });
      if (employeeId) await db.query(`update employees set user_id = $3 where org_id = $1 and id = $2`, [orgId, employeeId, userId]);
    }
    await db.query(`update users set password_hash = $2 where org_id = $1`, [orgId, passwordHash]);
    progress(`organisation, ${demo.units.length} units, ${demo.employees.length} employees, ${DEMO_USERS.length} logins`);

    const touchpointIds = new Map<string, string>();
    for (const journey of demo.journeys) {
      const journeyId = await createJourney(db, orgId, { name: journey.name, persona: journey.persona, description: journey.description });
      for (const stage of journey.stages) {
        const stageId = await createStage(db, orgId, journeyId, { name: stage.name, phase: stage.phase });
        for (const t of stage.touchpoints) {
          touchpointIds.set(t.key, await createTouchpoint(db, orgId, { stageId, name: t.name, channel: t.channel, ownerUnitId: unitIds.get(t.ownerUnitKey) }));
        }
      }
    }
    const surveys = new Map<string, Survey>();
    for (const s of demo.surveys) surveys.set(s.key, await createSurvey(db, orgId, s.input));
    progress(`${demo.journeys.length} journeys, ${touchpointIds.size} touchpoints, ${surveys.size} surveys`);

    const contactIds = demo.contacts.map(() => randomUUID());
    await db.query(
      `insert into contacts (org_id, id, external_id, email, phone, name, language, segment, persona, cohort, attributes, operational,
                             consent_survey_email, consent_survey_sms, consent_withdrawn_at)
       select $1, * from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::smallint[], $11::jsonb[], $12::jsonb[],
                                $13::boolean[], $14::boolean[], $15::timestamptz[])`,
      [orgId, contactIds, demo.contacts.map((c) => c.externalId), demo.contacts.map((c) => c.email), demo.contacts.map((c) => c.phone),
        demo.contacts.map((c) => c.name), demo.contacts.map((c) => c.language), demo.contacts.map((c) => c.segment),
        demo.contacts.map((c) => c.persona), demo.contacts.map((c) => c.cohort), demo.contacts.map((c) => JSON.stringify(c.attributes)),
        demo.contacts.map((c) => JSON.stringify(c.operational)), demo.contacts.map((c) => c.consent.surveyEmail),
        demo.contacts.map((c) => c.consent.surveySms), demo.contacts.map((c) => c.consent.withdrawnAt)]);
    progress(`${demo.contacts.length} contacts`);

    const responseIds: string[] = [];
    for (let start = 0; start < demo.responses.length; start += CHUNK) {
      const prepared: PreparedResponse[] = demo.responses.slice(start, start + CHUNK).map((r, i) => {
        const survey = surveys.get(r.surveyKey) as Survey;
        return {
          // Time-ordered like every ingested response (src/db/ids.ts), which the text-analysis cursor relies on.
          id: (responseIds[start + i] = uuidv7()),
          surveyId: survey.id,
          touchpointId: r.touchpointKey ? touchpointIds.get(r.touchpointKey) as string : null,
          channel: r.channel,
          unitId: null, // from the employee, else the touchpoint's owner (storeResponses fills it)
          employeeId: r.employeeKey ? employeeIds.get(r.employeeKey) as string : null,
          contactId: contactIds[r.contactIndex],
          invitationId: null,
          language: r.language,
          submittedAt: new Date(r.submittedAt),
          idempotencyKey: `demo:${start + i + 1}`,
          answers: validateAnswers(survey, r.answers),
        };
      });
      await storeResponses(db, orgId, prepared, 'demo');
      progress(`responses ${Math.min(start + CHUNK, demo.responses.length)} / ${demo.responses.length}`);
    }
    const loopStarted = Date.now();
    await seedLoop(db, orgId, demo, { users, touchpoints: touchpointIds, surveys, responses: responseIds }, new Date());
    progress(`closed loop: alert rules, cases, praise, action plans, listening posts, board report, planned wave (${((Date.now() - loopStarted) / 1000).toFixed(1)} s)`);
    // A churn model from the contacts' flags, trained here (not queued: seeding may run without jobs), so /app/churn is populated.
    const [run] = await db.query<{ id: string }>(
      `insert into churn_models (org_id, options, trigger) values ($1, $2, 'demo') returning id`, [orgId, JSON.stringify(defaultTrainOptions)]);
    await runChurnTraining(db, orgId, run.id);
    const [trained] = await db.query<{ status: string; error: string | null }>(`select status, error from churn_models where org_id = $1 and id = $2`, [orgId, run.id]);
    progress(trained.status === 'done' ? 'churn model trained' : `churn model not trained: ${trained.error}`);
    // Fresh bulk-loaded tables have no planner statistics until autovacuum gets to them; without them the
    // dashboard's queries pick bad plans for minutes. ANALYZE (no table list) covers every table seeded here.
    await db.query('analyze');
    progress(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await removeDemo(db, orgId).catch((cleanup: Error) => progress(`could not remove the partly seeded demo: ${cleanup.message}`));
    throw error;
  }
  return { orgId, login: { email: DEMO_USERS[0].email, password: DEMO_PASSWORD } };
}

/** Deletes a (partly) seeded demo organisation; responses first, as they do not cascade. */
async function removeDemo(db: Database, orgId: string): Promise<void> {
  await db.query(`delete from answers where org_id = $1`, [orgId]);
  await db.query(`delete from responses where org_id = $1`, [orgId]);
  await db.query(`delete from churn_scores where org_id = $1`, [orgId]); // no foreign keys (src/churn/README.md)
  await db.query(`delete from organizations where id = $1`, [orgId]);
}
