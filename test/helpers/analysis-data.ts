/**
 * Data for the analytic pages' tests (drivers, open answers, churn): a survey with three
 * driver statements, 60 seeded respondents with open answers, a user of every role, and on
 * request contacts with a churn flag. The tests compute their expectations from `respondents`.
 */
import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { createUser } from '../../src/auth/service.ts';
import { createRandom } from '../../src/linalg/random.ts';
import { roles, type Role } from '../../src/auth/permissions.ts';

const texts = (en: string) => ({ fi: en, en });
export const survey = {
  name: 'Service study', kind: 'strategic', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('Service study'),
  questions: [
    { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') },
    { key: 'speed', type: 'likert7', isDriver: true, text: texts('Service was fast') },
    { key: 'staff', type: 'likert7', isDriver: true, text: texts('Staff were friendly') },
    { key: 'price', type: 'likert7', isDriver: true, text: texts('Price was fair') },
    { key: 'nps_why', type: 'text', text: texts('Why?') },
  ],
};

/** 60 seeded respondents; the first three skip "price" (left out listwise). NPS follows speed most, staff less, price little. */
const random = createRandom(11);
const likert = () => 1 + Math.floor(random() * 7);
export const respondents = Array.from({ length: 60 }, (_, i) => {
  const speed = likert();
  const staff = likert();
  const price = i < 3 ? null : likert();
  const nps = Math.max(0, Math.min(10, Math.round(speed * 0.9 + staff * 0.5 + (price ?? 4) * 0.15 + 1.5 * (random() - 0.5))));
  const why = i % 4 === 0 ? 'The waiting time was far too long, terrible service.'
    : i % 4 === 1 ? 'Friendly staff, thank you! Mail me at anna.asiakas@example.com'
      : i % 4 === 2 ? 'Price is too high.' : null;
  return { speed, staff, price, nps, why };
});


/** Stores the survey and its answers; creates a user of each role (password "correct horse battery", unit-scoped roles in the answers' unit). */
export async function seedAnalysisData(t: TestApp): Promise<{ surveyId: string; unitId: string; emails: Record<Role, string> }> {
  const unitId = (await t.api('/api/v1/units', { body: { name: 'Branch' } })).body.id;
  const surveyId = (await t.api('/api/v1/surveys', { body: survey })).body.id;
  const res = await t.api('/api/v1/responses/batch', { body: { responses: respondents.map((r) => ({
    surveyId, submittedAt: '2026-06-10T10:00:00Z', unitId,
    answers: [
      { question: 'nps', value: r.nps }, { question: 'speed', value: r.speed }, { question: 'staff', value: r.staff },
      ...(r.price === null ? [] : [{ question: 'price', value: r.price }]), ...(r.why === null ? [] : [{ question: 'nps_why', value: r.why }]),
    ],
  })) } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const emails = {} as Record<Role, string>;
  for (const role of roles) {
    emails[role] = `pages-${role}@example.com`;
    await createUser(t.db, t.orgId, { email: emails[role], name: `The ${role}`, role, password: 'correct horse battery', unitId: role === 'unit_manager' || role === 'frontline' ? unitId : null, language: 'en' });
  }
  return { surveyId, unitId, emails };
}

/** 120 contacts with a tenure; 100 carry a churn flag (short tenures leave more often). */
export const churnContacts = Array.from({ length: 120 }, (_, i) => ({
  externalId: `k-${i}`, name: `Customer ${i}`, segment: i % 2 ? 'home' : 'business',
  operational: { tenureMonths: 1 + ((i * 13) % 60), ...(i < 100 ? { churned: ((i * 13) % 60) < 18 ? (i % 5 !== 0) : i % 7 === 0 } : {}) },
}));
