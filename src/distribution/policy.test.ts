import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseChannel, decidePulse, inSample, outsideQuietHours, parseQuarter, type PulseDecisionInput, type Reach } from './policy.ts';

const reach = (over: Partial<Reach> = {}): Reach => ({
  email: 'anna@example.com', phone: '+358401234567', consentEmail: true, consentSms: true, consentWithdrawnAt: null, unsubscribedAt: null, ...over,
});

const base = (over: Partial<PulseDecisionInput> = {}): PulseDecisionInput => ({
  plan: { ruleId: '00000000-0000-4000-8000-000000000001', delayMinutes: 60, channels: ['email', 'sms'], samplingRate: 1, quiet: null, expiryHours: 72 },
  eventId: '00000000-0000-4000-8000-0000000000e1',
  occurredAt: new Date('2026-11-24T10:00:00Z'),
  reach: reach(),
  timeZone: 'Europe/Helsinki',
  surveyOpen: true,
  lastInvitedAt: null,
  quarantineDays: 30,
  now: new Date('2026-11-24T10:00:05Z'),
  ...over,
});

test('quiet hours move a send to the end of the window in the contact\'s own time zone, across midnight', () => {
  // 20:30 UTC = 22:30 in Helsinki (UTC+2 in November): inside 21:00–08:00, so 08:00 Helsinki = 06:00 UTC next day.
  assert.equal(outsideQuietHours(new Date('2026-11-24T20:30:00Z'), { start: '21:00', end: '08:00' }, 'Europe/Helsinki').toISOString(), '2026-11-25T06:00:00.000Z');
  // 03:15 Helsinki (01:15 UTC) is inside too: 08:00 the same day.
  assert.equal(outsideQuietHours(new Date('2026-11-25T01:15:00Z'), { start: '21:00', end: '08:00' }, 'Europe/Helsinki').toISOString(), '2026-11-25T06:00:00.000Z');
  // 10:00 Helsinki is outside: unchanged.
  assert.equal(outsideQuietHours(new Date('2026-11-24T08:00:00Z'), { start: '21:00', end: '08:00' }, 'Europe/Helsinki').toISOString(), '2026-11-24T08:00:00.000Z');
  // The same instant is 15:30 in New York (UTC−5): a 12:00–16:00 window there ends at 16:00 New York = 21:00 UTC.
  assert.equal(outsideQuietHours(new Date('2026-11-24T20:30:00Z'), { start: '12:00', end: '16:00' }, 'America/New_York').toISOString(), '2026-11-24T21:00:00.000Z');
  // The window's end is free again: 08:00 exactly is allowed.
  assert.equal(outsideQuietHours(new Date('2026-11-25T06:00:00Z'), { start: '21:00', end: '08:00' }, 'Europe/Helsinki').toISOString(), '2026-11-25T06:00:00.000Z');
  // Summer time (UTC+3): 23:00 Helsinki on 1 July = 20:00 UTC → 07:00 Helsinki = 04:00 UTC.
  assert.equal(outsideQuietHours(new Date('2026-07-01T20:00:00Z'), { start: '22:00', end: '07:00' }, 'Europe/Helsinki').toISOString(), '2026-07-02T04:00:00.000Z');
});

test('sampling keeps about the rate and decides the same way for the same event', () => {
  const rule = 'rule-1';
  let kept = 0;
  for (let i = 0; i < 20_000; i++) if (inSample(rule, `event-${i}`, 0.25)) kept++;
  // Binomial(20000, 0.25): sd ≈ 61; ±4 sd.
  assert.ok(Math.abs(kept - 5000) < 250, `kept ${kept}`);
  for (let i = 0; i < 100; i++) assert.equal(inSample(rule, `event-${i}`, 0.25), inSample(rule, `event-${i}`, 0.25));
  assert.equal(inSample(rule, 'x', 1), true);
});

test('the first channel with an address and consent is used; otherwise the reason says which was missing', () => {
  assert.deepEqual(chooseChannel(['email', 'sms'], reach()), { channel: 'email' });
  assert.deepEqual(chooseChannel(['sms', 'email'], reach()), { channel: 'sms' });
  assert.deepEqual(chooseChannel(['email', 'sms'], reach({ email: null })), { channel: 'sms' });
  assert.deepEqual(chooseChannel(['email', 'sms'], reach({ consentEmail: false })), { channel: 'sms' });
  assert.deepEqual(chooseChannel(['email'], reach({ consentEmail: false })), { skip: 'no_consent' });
  assert.deepEqual(chooseChannel(['email', 'sms'], reach({ email: null, phone: null })), { skip: 'no_address' });
  assert.deepEqual(chooseChannel(['email', 'web'], reach({ email: null })), { channel: 'web' });
});

test('a pulse is scheduled at event + delay on the chosen channel, expiring expiryHours after the event', () => {
  const d = decidePulse(base());
  assert.deepEqual(d, { status: 'scheduled', channel: 'email', sendAt: new Date('2026-11-24T11:00:00Z'), expiresAt: new Date('2026-11-27T10:00:00Z') });
  // An event reported late is sent now, not in the past.
  const late = decidePulse(base({ occurredAt: new Date('2026-11-23T10:00:00Z') }));
  assert.equal(late.sendAt.toISOString(), '2026-11-24T10:00:05.000Z');
  assert.equal(decidePulse(base({ plan: { ...base().plan, channels: ['web'] } })).status, 'waiting');
});

test('skips carry their reason, checked in order: consent, survey, sample, address, expiry, quarantine', () => {
  const reason = (over: Partial<PulseDecisionInput>) => { const d = decidePulse(base(over)); return d.status === 'skipped' ? d.skipReason : d.status; };
  const withdrawn = new Date('2026-10-01T00:00:00Z');
  assert.equal(reason({ reach: reach({ consentWithdrawnAt: withdrawn }) }), 'no_consent');
  assert.equal(reason({ reach: reach({ consentWithdrawnAt: withdrawn, unsubscribedAt: withdrawn }) }), 'unsubscribed');
  // Unsubscribed once, consent given again later, then withdrawn by the CRM: not "unsubscribed".
  assert.equal(reason({ reach: reach({ consentWithdrawnAt: new Date('2026-11-01T00:00:00Z'), unsubscribedAt: withdrawn }) }), 'no_consent');
  assert.equal(reason({ surveyOpen: false }), 'survey_closed');
  const out = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`)
    .find((id) => !inSample(base().plan.ruleId, id, 0.1)) as string;
  assert.equal(reason({ eventId: out, plan: { ...base().plan, samplingRate: 0.1 } }), 'sampled_out');
  assert.equal(reason({ reach: reach({ email: null, phone: null }) }), 'no_address');
  assert.equal(reason({ reach: reach({ consentEmail: false, consentSms: false }) }), 'no_consent');
  assert.equal(reason({ occurredAt: new Date('2026-11-20T10:00:00Z') }), 'expired');
  // Invited 29 days before the send time: quarantined; 30 days: free again; quarantine 0 = off.
  assert.equal(reason({ lastInvitedAt: new Date('2026-10-26T11:00:01Z') }), 'quarantined');
  assert.equal(reason({ lastInvitedAt: new Date('2026-10-25T11:00:00Z') }), 'scheduled');
  assert.equal(reason({ lastInvitedAt: new Date('2026-11-24T09:00:00Z'), quarantineDays: 0 }), 'scheduled');
  // A consent problem wins over quarantine: the reason is the one that matters.
  assert.equal(reason({ reach: reach({ consentWithdrawnAt: withdrawn }), lastInvitedAt: new Date('2026-11-24T09:00:00Z') }), 'no_consent');
});

test('quarter q invites cohort q − 1', () => {
  assert.deepEqual(parseQuarter('2026-Q1'), { year: 2026, quarter: 1, cohort: 0 });
  assert.deepEqual(parseQuarter('2026-Q4'), { year: 2026, quarter: 4, cohort: 3 });
  assert.equal(parseQuarter('2026-Q5'), undefined);
  assert.equal(parseQuarter('26-Q1'), undefined);
});
