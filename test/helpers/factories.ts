/** Small builders of domain data for tests. */
import type { TestApp } from './app.ts';

export async function journeyWithTouchpoint(t: TestApp, name = 'Move-in') {
  const unit = await t.api('/api/v1/units', { body: { name: 'Customer service' } });
  const journey = await t.api('/api/v1/journeys', { body: { name, persona: 'Household' } });
  const stage = await t.api(`/api/v1/journeys/${journey.body.id}/stages`, { body: { name: 'Contract', phase: 'before' } });
  const touchpoint = await t.api('/api/v1/touchpoints', { body: { stageId: stage.body.id, name: 'Contract by phone', channel: 'phone', ownerUnitId: unit.body.id } });
  return { unitId: unit.body.id as string, journeyId: journey.body.id as string, stageId: stage.body.id as string, touchpointId: touchpoint.body.id as string };
}

export const pulseSurvey = (touchpointId?: string) => ({
  name: 'Pulse after contract',
  kind: 'pulse',
  defaultLanguage: 'fi',
  languages: ['fi', 'en', 'sv', 'pl'],
  title: { fi: 'Kerro kokemuksestasi', en: 'Tell us about your experience', sv: 'Berätta om din upplevelse', pl: 'Opowiedz o swoim doświadczeniu' },
  ...(touchpointId ? { touchpointId } : {}),
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Kuinka todennäköisesti suosittelisit meitä?', en: 'How likely are you to recommend us?', sv: 'Hur troligt är det att du rekommenderar oss?', pl: 'Jak prawdopodobne jest, że polecisz nas?' } },
    { key: 'csat', type: 'csat', text: { fi: 'Kuinka tyytyväinen olit?', en: 'How satisfied were you?' } },
    { key: 'ease', type: 'ces', text: { fi: 'Asian hoitaminen oli helppoa', en: 'It was easy to get my issue handled' } },
    { key: 'staff_kind', type: 'likert7', allowDontKnow: true, isDriver: true, text: { fi: 'Henkilökunta oli ystävällistä', en: 'The staff were friendly' } },
    { key: 'topic', type: 'single_choice', text: { fi: 'Asia', en: 'Topic' }, options: [
      { value: 'billing', label: { fi: 'Laskutus', en: 'Billing' } }, { value: 'contract', label: { fi: 'Sopimus', en: 'Contract' } }] },
  ],
});

/** A widget/kiosk-shaped pulse: a 0–10 score, then its automatic open "why" (nps_why), shown once the score is given. */
export const shortPulse = (touchpointId?: string) => ({
  name: 'Checkout pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'],
  title: { en: 'How did checkout go?', fi: 'Miten kassalla meni?' },
  thanks: { en: 'Thank you!', fi: 'Kiitos!' },
  ...(touchpointId ? { touchpointId } : {}),
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { en: 'How likely are you to recommend us?', fi: 'Kuinka todennäköisesti suosittelisit meitä?' } },
  ],
});
