/**
 * Pure rules for contact data: the stable cohort, phone and e-mail normalisation, time zones.
 * No database, no clock; src/contacts/service.ts feeds them.
 */
import { createHash } from 'node:crypto';

/**
 * Strategic-survey cohort 0–3 (seed 001: one cohort a quarter, so each customer is asked once a
 * year). The first four bytes of SHA-256("<org id>:<key>") read as a big-endian unsigned
 * 32-bit integer, modulo 4; `key` is the external id, or the contact id when there is none.
 * SHA-256's output is uniform, and 2^32 is divisible by 4, so the four cohorts are equally
 * likely; the org id in the hash keeps one organisation's waves independent of another's for
 * the same customer numbers. Computed once when a contact is created and never changed.
 */
export function cohortOf(orgId: string, key: string): number {
  return createHash('sha256').update(`${orgId}:${key}`).digest().readUInt32BE(0) % 4;
}

export type Normalised = { value: string } | { error: string };

/**
 * Phone numbers to E.164 ("+358401234567"). Spaces, hyphens, dots, slashes and parentheses are
 * dropped; an international prefix "00" becomes "+"; a national number starting with a single
 * 0 gets the default country code in place of the 0 (Finland, 358, unless the caller says
 * otherwise: "040 123 4567" → "+358401234567"). Anything else must start with "+". The result
 * must be "+" and 8–15 digits, the first not 0 (E.164 allows at most 15 digits).
 */
export function normalisePhone(raw: string, defaultCountryCode = '358'): Normalised {
  const compact = raw.trim().replace(/[\s\-./()]/g, '');
  let international: string;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (/^0[1-9]/.test(compact)) international = `+${defaultCountryCode}${compact.slice(1)}`;
  else return { error: 'phone must be in international form (+358 40 123 4567) or a national number starting with 0' };
  if (!/^\+[1-9]\d{7,14}$/.test(international)) return { error: 'phone must have 8–15 digits after the country code prefix and contain only digits' };
  return { value: international };
}

// Local part: the dot-atom of RFC 5322 (no quoted strings); domain: at least two labels of
// letters, digits and hyphens (internationalised domains in Unicode are allowed).
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/** E-mail addresses are trimmed and their domain lower-cased (the local part is kept as given). */
export function normaliseEmail(raw: string): Normalised {
  const value = raw.trim();
  if (value.length > 254 || !EMAIL.test(value)) return { error: 'email is not a valid e-mail address' };
  const local = value.slice(0, value.lastIndexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return { error: 'email is not a valid e-mail address' };
  return { value: `${local}@${value.slice(local.length + 1).toLowerCase()}` };
}

/**
 * IANA time zones ("Europe/Helsinki", "UTC"), returned with the zone's own letter case. Offsets
 * ("+02:00") and abbreviations ("EET") are refused: quiet hours need the zone's DST rules.
 */
export function normaliseTimeZone(raw: string): Normalised {
  const value = raw.trim();
  const error = { error: 'timeZone must be an IANA time zone such as Europe/Helsinki' };
  if (!/^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return error;
  if (!value.includes('/') && value.toUpperCase() !== 'UTC') return error;
  try {
    // ICU resolves links to its own canonical name (Asia/Kolkata → Asia/Calcutta); keep the
    // caller's zone and take only the letter case from ICU.
    const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    return { value: resolved.toLowerCase() === value.toLowerCase() ? resolved : value };
  } catch {
    return error;
  }
}
