/**
 * Who gets a pulse, when and how: the pure core of distribution. No database, no clock — the
 * scheduler (schedule.ts) and the wave launcher (waves.ts) feed it plain data and store what it
 * decides, including every skip with its reason.
 */
import { createHash } from 'node:crypto';
import { localMinutes } from '../i18n/calendar.ts';

export const pulseChannels = ['email', 'sms', 'web'] as const;
export type PulseChannel = (typeof pulseChannels)[number];

export const skipReasons = [
  'no_consent', 'unsubscribed', 'sampled_out', 'no_address', 'expired', 'quarantined', 'survey_closed', 'invalid_address',
] as const;
export type SkipReason = (typeof skipReasons)[number];

const DAY_MS = 86_400_000;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an 'HH:MM' clock time, or undefined when it is not one. */
export function clockMinutes(value: string): number | undefined {
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}


export interface QuietHours { start: string; end: string }

/**
 * The first moment at or after `at` outside the quiet hours in `timeZone`. The window may wrap
 * midnight (21:00–08:00). Re-checked after the shift, so a daylight-saving change inside the
 * window still lands outside it.
 */
export function outsideQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  if (start === undefined || end === undefined || start === end) return at;
  let t = at;
  for (let i = 0; i < 3; i++) {
    const m = localMinutes(t, timeZone);
    const quietNow = start < end ? m >= start && m < end : m >= start || m < end;
    if (!quietNow) return t;
    const minutesLeft = (end - m + 1440) % 1440;
    // To the start of the minute the window ends at.
    t = new Date(Math.floor(t.getTime() / 60_000) * 60_000 + minutesLeft * 60_000);
  }
  return t;
}

/**
 * Whether an event is in the sample: a hash of rule and event, so a retried or re-delivered
 * event decides the same way, and about `rate` of all events are in.
 */
export function inSample(ruleId: string, eventId: string, rate: number): boolean {
  if (rate >= 1) return true;
  const digest = createHash('sha256').update(`${ruleId}:${eventId}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000 < rate;
}

/** What a contact can be reached by. */
export interface Reach {
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentWithdrawnAt: Date | null;
  unsubscribedAt: Date | null;
}

/** Consent withdrawn through an invitation's unsubscribe link (not by the CRM), and not given again since. */
export const unsubscribed = (reach: Pick<Reach, 'consentWithdrawnAt' | 'unsubscribedAt'>) =>
  reach.consentWithdrawnAt !== null && reach.unsubscribedAt !== null && new Date(reach.unsubscribedAt).getTime() >= new Date(reach.consentWithdrawnAt).getTime();

/** The first channel in order the contact has an address and consent for; else why none. */
export function chooseChannel(channels: readonly PulseChannel[], reach: Reach): { channel: PulseChannel } | { skip: SkipReason } {
  let addressWithoutConsent = false;
  for (const channel of channels) {
    if (channel === 'web') return { channel };
    const address = channel === 'email' ? reach.email : reach.phone;
    const consent = channel === 'email' ? reach.consentEmail : reach.consentSms;
    if (address && consent) return { channel };
    if (address) addressWithoutConsent = true;
  }
  return { skip: addressWithoutConsent ? 'no_consent' : 'no_address' };
}

export interface PulsePlan {
  ruleId: string;
  delayMinutes: number;
  channels: readonly PulseChannel[];
  samplingRate: number;
  quiet: QuietHours | null;
  expiryHours: number;
}

export interface PulseDecisionInput {
  plan: PulsePlan;
  eventId: string;
  occurredAt: Date;
  reach: Reach;
  timeZone: string;
  surveyOpen: boolean;
  /** The contact's latest invitation that went (or will go) out, any survey. */
  lastInvitedAt: Date | null;
  quarantineDays: number;
  now: Date;
}

export type PulseDecision =
  | { status: 'scheduled' | 'waiting'; channel: PulseChannel; sendAt: Date; expiresAt: Date }
  | { status: 'skipped'; skipReason: SkipReason; channel: PulseChannel; sendAt: Date; expiresAt: Date };

/** Within the quarantine of an earlier invitation (before or after `at`). */
export function quarantined(at: Date, lastInvitedAt: Date | null, quarantineDays: number): boolean {
  return quarantineDays > 0 && lastInvitedAt !== null && Math.abs(at.getTime() - lastInvitedAt.getTime()) < quarantineDays * DAY_MS;
}

/**
 * One (contact, rule, event): skipped (and why) or scheduled on a channel at a time. Checks in
 * the order a person would explain them: consent, sample, reachability, expiry, quarantine —
 * quarantine last, so a pulse that would not have gone out anyway does not use up the quota.
 */
export function decidePulse(input: PulseDecisionInput): PulseDecision {
  const { plan, reach } = input;
  const expiresAt = new Date(input.occurredAt.getTime() + plan.expiryHours * 3_600_000);
  const due = new Date(Math.max(input.occurredAt.getTime() + plan.delayMinutes * 60_000, input.now.getTime()));
  const choice = chooseChannel(plan.channels, reach);
  const channel = 'channel' in choice ? choice.channel : plan.channels[0];
  // Web invitations wait for the contact's next visit: quiet hours concern messages only.
  const sendAt = channel === 'web' ? due : outsideQuietHours(due, plan.quiet, input.timeZone);
  const skip = (skipReason: SkipReason): PulseDecision => ({ status: 'skipped', skipReason, channel, sendAt, expiresAt });
  if (reach.consentWithdrawnAt) return skip(unsubscribed(reach) ? 'unsubscribed' : 'no_consent');
  if (!input.surveyOpen) return skip('survey_closed');
  if (!inSample(plan.ruleId, input.eventId, plan.samplingRate)) return skip('sampled_out');
  if ('skip' in choice) return skip(choice.skip);
  if (sendAt.getTime() >= expiresAt.getTime()) return skip('expired');
  if (quarantined(sendAt, input.lastInvitedAt, input.quarantineDays)) return skip('quarantined');
  return { status: channel === 'web' ? 'waiting' : 'scheduled', channel, sendAt, expiresAt };
}

/** The survey language for a contact: theirs when the survey has it, else the survey default. */
export function invitationLanguage(contactLanguage: string | null, languages: readonly string[], defaultLanguage: string): string {
  return contactLanguage && languages.includes(contactLanguage) ? contactLanguage : defaultLanguage;
}

/** '2026-Q3' → { year, quarter: 3, cohort: 2 }; the cohort invited in quarter q is q − 1. */
export function parseQuarter(value: string): { year: number; quarter: number; cohort: number } | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) return undefined;
  const quarter = Number(match[2]);
  return { year: Number(match[1]), quarter, cohort: quarter - 1 };
}
