/**
 * PII redaction before display and export. Each detector validates what it finds (hetu
 * checksum and date, IBAN mod-97, card Luhn) so order numbers and amounts stay readable.
 */
export type PiiKind = 'email' | 'iban' | 'hetu' | 'card' | 'phone';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/gi;
// DDMMYY + century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s, the extra signs since 2023) + NNN + check.
const HETU = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;
const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}[ -]?(?:\(0?\d{1,4}\)[ -]?)?|\(0?\d{1,4}\)[ -]?|0)?\d[\d -]{5,16}\d(?!\d)/gu;

const IBAN_LENGTHS: Record<string, number> = {
  FI: 18, SE: 24, PL: 28, DE: 22, GB: 22, EE: 20, NO: 15, DK: 18, FR: 27, NL: 18, ES: 24, IT: 27, LT: 20, LV: 21, BE: 16, AT: 20,
  IE: 22, CH: 21, PT: 25, LU: 20, IS: 26, CZ: 24, SK: 24, HU: 28, GR: 27, RO: 24, BG: 22, HR: 21, SI: 19, CY: 28, MT: 31,
};

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };

export function isValidHetu(code: string): boolean {
  HETU.lastIndex = 0;
  const m = new RegExp(HETU.source, 'iu').exec(code.trim());
  if (!m || m[0].length !== code.trim().length) return false;
  const [, dd, mm, yy, sign, nnn, check] = m;
  const century = CENTURY[sign.toUpperCase()];
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (Number(nnn) < 2) return false; // 000 and 001 are never issued
  return HETU_CHECK[Number(`${dd}${mm}${yy}${nnn}`) % 31] === check.toUpperCase();
}

export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isLuhnValid(digits: string): boolean {
  const d = digits.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = /^(?:\+|00)/.test(candidate);
  if (international) return digits.length >= 8 && digits.length <= 15;
  if (/^\(?0/.test(candidate)) return digits.length >= 7 && digits.length <= 11; // fi/sv national: 040 123 4567, 08-123 456 78
  // Polish national numbers are 9 digits, written 601 234 567 or 601-234-567 or (22) 123 45 67.
  if (digits.length === 9 && /^(?:\(\d{2}\) ?\d{3}[ -]?\d{2}[ -]?\d{2}|\d{3}[ -]\d{3}[ -]\d{3}|\d{2} \d{3} \d{2} \d{2})$/.test(candidate)) return true;
  return false;
}

/** All PII spans in text, non-overlapping, earlier detectors first. */
export function findPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const taken = (start: number, end: number) => found.some((m) => start < m.end && end > m.start);
  const scan = (re: RegExp, kind: PiiKind, valid: (s: string) => boolean, trim = false) => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let value = m[0];
      if (trim) value = value.replace(/[ -]+$/, '');
      const start = m.index ?? 0;
      const end = start + value.length;
      if (!taken(start, end) && valid(value)) found.push({ kind, start, end });
    }
  };
  scan(EMAIL, 'email', () => true);
  scan(IBAN_CANDIDATE, 'iban', isValidIban);
  // An IBAN regex match can swallow a following word; try the grouped prefix lengths too.
  IBAN_CANDIDATE.lastIndex = 0;
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const start = m.index ?? 0;
    if (taken(start, start + m[0].length)) continue;
    const parts = m[0].split(' ');
    for (let k = parts.length - 1; k >= 2; k--) {
      const value = parts.slice(0, k).join(' ');
      if (isValidIban(value)) {
        found.push({ kind: 'iban', start, end: start + value.length });
        break;
      }
    }
  }
  scan(HETU, 'hetu', isValidHetu);
  scan(CARD_CANDIDATE, 'card', isLuhnValid);
  scan(PHONE_CANDIDATE, 'phone', isPhone, true);
  return found.sort((a, b) => a.start - b.start);
}

const PLACEHOLDER: Record<PiiKind, string> = { email: '[email]', iban: '[iban]', hetu: '[hetu]', card: '[card]', phone: '[phone]' };

export function redactPii(text: string): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  // Every kind found here holds a digit or an @: most feedback has neither and costs one scan (exports redact every text).
  if (!/[\d@]/.test(text)) return text;
  let out = '';
  let at = 0;
  for (const m of findPii(text)) {
    out += text.slice(at, m.start) + PLACEHOLDER[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}
