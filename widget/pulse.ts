/**
 * The short pulse survey both the web widget and the kiosk show: one question per step,
 * score questions as a row of buttons (smileys on a 5-point kiosk scale), open questions as
 * a text box with Send. Display conditions are judged like the server does, so the answers
 * sent always pass its validation. Plain DOM, no framework: the widget must stay under 10 KB.
 *
 * A survey that asks anonymous respondents for consent to be contacted (issue 15.4) ends with
 * an unticked box and the address fields, checked with the server's own rule, so an answer is
 * never refused for its address after it was queued.
 */
import { checkContactForm, EMAIL_MAX, PHONE_MAX } from '../src/surveys/contact-requests.ts';
import type { ContactConsentStrings } from '../src/i18n/contact-consent.ts';

/** A question as the public collector endpoints describe it, texts already in one language. */
export interface PulseQuestion {
  key: string;
  /** Inclusive score range; absent for open (text) questions. */
  scale?: [number, number];
  label: string;
  low?: string;
  high?: string;
  required: boolean;
  displayIf: { question: string; op: string; value?: number | string | Array<number | string> } | null;
}

export interface PulseSurvey {
  language: string;
  title: string;
  thanks: string;
  questions: PulseQuestion[];
  ui: { send: string; close: string; score: string; required: string };
  /** Present when the respondent is asked for consent to be contacted; `lang` is the texts' language. */
  contact?: ContactConsentStrings['respondent'] & { lang: string };
}

export type PulseAnswer = { question: string; value: number | string };
/** A ticked consent with its address(es), as the responses endpoint takes it. */
export type PulseContact = { consent: true; email?: string; phone?: string };

/** 128 random bits in hex: idempotency keys and visitor ids (crypto.randomUUID needs a secure context). */
export const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const SMILEYS = ['😠', '🙁', '😐', '🙂', '😄'];

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]);
  if (text !== undefined) node.textContent = text;
  return node;
};

function holds(q: PulseQuestion, given: Map<string, number | string>): boolean {
  const c = q.displayIf;
  if (!c) return true;
  const v = given.get(c.question);
  if (c.op === 'answered') return v !== undefined;
  if (v === undefined) return false;
  const x = c.value;
  switch (c.op) {
    case 'eq': return v === x;
    case 'neq': return v !== x;
    case 'lte': return typeof v === 'number' && typeof x === 'number' && v <= x;
    case 'gte': return typeof v === 'number' && typeof x === 'number' && v >= x;
    case 'in': return Array.isArray(x) && x.includes(v);
    default: return false;
  }
}

/**
 * Renders the survey into `root`, one step at a time, and calls `done` with the answers after
 * the last step. Focus follows the steps (the first control of each), so a keyboard user
 * never has to look for where they are.
 */
export function runPulse(root: HTMLElement, survey: PulseSurvey, options: { smileys: boolean; sharedDevice?: boolean },
  done: (answers: PulseAnswer[], contact?: PulseContact) => void) {
  const given = new Map<string, number | string>();
  let index = -1;
  let finished = false;
  /** Ends the survey; without `contact` (also when the kiosk gives up on an idle customer) no address leaves the step. */
  const finish = (contact?: PulseContact) => {
    if (finished) return;
    finished = true;
    // Whatever was typed into the address fields leaves the screen now.
    root.textContent = '';
    done([...given].map(([question, value]) => ({ question, value })), contact);
  };

  /** The last step: may we contact you? An unticked box sends no address, whatever was typed. */
  const askContact = (c: NonNullable<PulseSurvey['contact']>) => {
    root.textContent = '';
    const set = el('fieldset', { class: 'contact', lang: c.lang, 'aria-describedby': 'kc-intro' });
    const tick = el('input', { type: 'checkbox', id: 'kc-consent' });
    const tickLabel = el('label', { class: 'consent', for: 'kc-consent' }, c.consent);
    const field = (name: 'email' | 'phone', type: string, max: number) => {
      // A kiosk is shared: the browser must not offer the previous customer's address.
      const input = el('input', { type, id: `kc-${name}`, maxlength: String(max), autocomplete: options.sharedDevice ? 'off' : type === 'email' ? 'email' : 'tel',
        'aria-describedby': `kc-${name}-note kc-hint`, ...(type === 'email' ? { inputmode: 'email' } : {}) });
      const note = el('p', { id: `kc-${name}-note`, class: 'note' });
      set.append(el('label', { for: `kc-${name}`, class: 'label' }, name === 'email' ? c.email : c.phone), input, note);
      return { input, note };
    };
    set.append(el('legend', { class: 'label' }, c.legend), el('p', { id: 'kc-intro', class: 'ends' }, c.intro), tickLabel);
    tickLabel.prepend(tick, ' ');
    set.append(el('p', { id: 'kc-hint', class: 'ends' }, c.addressHint));
    const fields = { email: field('email', 'email', EMAIL_MAX), phone: field('phone', 'tel', PHONE_MAX) };
    const send = el('button', { type: 'button', class: 'send' }, survey.ui.send);
    send.addEventListener('click', () => {
      const { request, problems } = checkContactForm({ consent: tick.checked, email: fields.email.input.value.trim(), phone: fields.phone.input.value.trim() });
      for (const name of ['email', 'phone'] as const) {
        const problem = problems.find((p) => p.field === name);
        fields[name].note.textContent = problem ? c[problem.kind] : '';
        if (problem) fields[name].input.setAttribute('aria-invalid', 'true');
        else fields[name].input.removeAttribute('aria-invalid');
      }
      if (problems.length > 0) return fields[problems[0].field].input.focus();
      finish(request ? { consent: true, ...(request.email ? { email: request.email } : {}), ...(request.phone ? { phone: request.phone } : {}) } : undefined);
    });
    root.append(set, send);
    tick.focus();
  };

  const next = () => {
    index++;
    while (index < survey.questions.length && !holds(survey.questions[index], given)) index++;
    const q = survey.questions[index];
    if (!q) return survey.contact ? askContact(survey.contact) : finish();
    root.textContent = '';
    const id = `kq-${q.key}`;
    const heading = el('p', { id, class: 'label' }, q.label);
    root.append(heading);
    if (q.scale) {
      const [min, max] = q.scale;
      const group = el('div', { role: 'group', 'aria-labelledby': id, class: 'scale' });
      const buttons: HTMLButtonElement[] = [];
      const smiley = options.smileys && max - min === 4;
      for (let n = min; n <= max; n++) {
        const b = el('button', { type: 'button', class: smiley ? 'score smiley' : 'score', 'aria-label': `${survey.ui.score} ${n}${n === min && q.low ? `, ${q.low}` : ''}${n === max && q.high ? `, ${q.high}` : ''}` },
          smiley ? SMILEYS[n - min] : String(n));
        b.addEventListener('click', () => { given.set(q.key, n); next(); });
        buttons.push(b);
      }
      // Arrow keys move along the scale, as in a radio group; Tab leaves it.
      group.addEventListener('keydown', (e) => {
        const at = buttons.indexOf(e.target as HTMLButtonElement);
        const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
        if (at < 0 || !step) return;
        e.preventDefault();
        buttons[(at + step + buttons.length) % buttons.length].focus();
      });
      group.append(...buttons);
      root.append(group);
      if (q.low && q.high) root.append(el('p', { class: 'ends', 'aria-hidden': 'true' }, `${min} = ${q.low} · ${max} = ${q.high}`));
      buttons[0].focus();
    } else {
      const box = el('textarea', { 'aria-labelledby': id, maxlength: '2000', rows: '3' });
      const send = el('button', { type: 'button', class: 'send' }, survey.ui.send);
      const note = el('p', { class: 'note', role: 'alert' });
      send.addEventListener('click', () => {
        const text = box.value.trim();
        if (!text && q.required) { note.textContent = survey.ui.required; box.focus(); return; }
        if (text) given.set(q.key, text);
        next();
      });
      root.append(box, note, send);
      box.focus();
    }
  };
  next();
  return {
    /** How many questions have an answer so far. */
    answered: () => given.size,
    /** Ends the survey with the answers given so far (a kiosk customer who walked away), without a contact. */
    finish: () => finish(),
  };
}
