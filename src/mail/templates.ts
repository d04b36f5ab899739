/**
 * Notification e-mails in Finnish, Swedish, English and Polish: a subject, an HTML part and a
 * plain-text part. Pure functions over plain data. Everything that came from a customer or a
 * user (case titles, open answers, names) goes through `html`, which escapes it; the text
 * part carries it as is.
 */
import { html, raw, type SafeHtml } from '../pages/html.ts';
import { LANGUAGES, type CasePriority, type Language } from '../vocabulary.ts';

export const mailLanguages = LANGUAGES;
export type MailLanguage = Language;

/** The user's language when Kaiku has texts for it, else English. */
export const mailLanguage = (language: string | null | undefined): MailLanguage =>
  (mailLanguages as readonly string[]).includes(language ?? '') ? language as MailLanguage : 'en';

export const notificationKinds = ['case_assigned', 'case_escalated', 'praise_received'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export type { CasePriority };

/** What a notification says about its case, as stored in `notifications.data`. */
export interface CaseNotice {
  kind: NotificationKind;
  caseId: string;
  title: string;
  priority: CasePriority;
  /** ISO time the case is due (SLA), if it has one. */
  dueAt: string | null;
  /** The customer's own words (an open answer of the case's response). */
  verbatim: string | null;
  touchpoint: string | null;
  /** The employee the feedback is about (praise). */
  employee: string | null;
}

export interface MailContext {
  language: MailLanguage;
  /** Base of links, e.g. https://cx.example.com (config.publicUrl). */
  publicUrl: string;
  /** Due times are shown in the organisation's time zone. */
  timeZone: string;
  recipientName: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

interface Texts {
  locale: string;
  subject: Record<NotificationKind, string>;
  intro: Record<NotificationKind, string>;
  digestSubject: (n: number) => string;
  /** Several notifications at once outside the daily digest (a burst of cases). */
  burstSubject: (n: number) => string;
  digestIntro: (n: number) => string;
  greeting: (name: string) => string;
  priority: string;
  priorities: Record<CasePriority, string>;
  due: string;
  touchpoint: string;
  employee: string;
  customerSaid: string;
  openCase: string;
  footer: string;
}

const texts: Record<MailLanguage, Texts> = {
  fi: {
    locale: 'fi-FI',
    subject: { case_assigned: 'Uusi tapaus sinulle', case_escalated: 'Tapaus on myöhässä ja eskaloitu', praise_received: 'Kiitosta asiakkaalta' },
    intro: {
      case_assigned: 'Sinulle on osoitettu uusi asiakastapaus. Ota yhteyttä asiakkaaseen ja kirjaa toimenpiteet tapaukseen.',
      case_escalated: 'Tämä tapaus ei ratkennut sovitussa ajassa, ja se on eskaloitu sinulle esihenkilönä.',
      praise_received: 'Asiakas antoi kiitosta. Hienoa työtä – jaa tämä myös tiimillesi!',
    },
    digestSubject: (n) => `Kaiku – päivän kooste (${n})`,
    burstSubject: (n) => `Kaiku: ${n} uutta ilmoitusta`,
    digestIntro: (n) => `Sinulle on ${n === 1 ? '1 uusi ilmoitus' : `${n} uutta ilmoitusta`}:`,
    greeting: (name) => `Hei ${name},`,
    priority: 'Prioriteetti',
    priorities: { low: 'matala', normal: 'normaali', high: 'korkea', urgent: 'kiireellinen' },
    due: 'Määräaika',
    touchpoint: 'Kosketuspiste',
    employee: 'Työntekijä',
    customerSaid: 'Asiakkaan sanoin',
    openCase: 'Avaa tapaus',
    footer: 'Saat tämän viestin Kaikusta. Voit valita päivittäisen koosteen yksittäisten viestien sijaan asetuksistasi.',
  },
  sv: {
    locale: 'sv-SE',
    subject: { case_assigned: 'Nytt ärende till dig', case_escalated: 'Ärendet är försenat och eskalerat', praise_received: 'Beröm från en kund' },
    intro: {
      case_assigned: 'Ett nytt kundärende har tilldelats dig. Kontakta kunden och dokumentera åtgärderna i ärendet.',
      case_escalated: 'Ärendet löstes inte inom överenskommen tid och har eskalerats till dig som chef.',
      praise_received: 'En kund gav beröm. Bra jobbat – dela gärna med ditt team!',
    },
    digestSubject: (n) => `Kaiku – dagens sammanfattning (${n})`,
    burstSubject: (n) => `Kaiku: ${n} nya aviseringar`,
    digestIntro: (n) => `Du har ${n === 1 ? '1 ny avisering' : `${n} nya aviseringar`}:`,
    greeting: (name) => `Hej ${name},`,
    priority: 'Prioritet',
    priorities: { low: 'låg', normal: 'normal', high: 'hög', urgent: 'brådskande' },
    due: 'Förfaller',
    touchpoint: 'Kontaktpunkt',
    employee: 'Medarbetare',
    customerSaid: 'Med kundens egna ord',
    openCase: 'Öppna ärendet',
    footer: 'Du får detta meddelande från Kaiku. I dina inställningar kan du välja en daglig sammanfattning i stället.',
  },
  en: {
    locale: 'en-GB',
    subject: { case_assigned: 'New case assigned to you', case_escalated: 'Case overdue and escalated', praise_received: 'Praise from a customer' },
    intro: {
      case_assigned: 'A new customer case has been assigned to you. Contact the customer and record what you do in the case.',
      case_escalated: 'This case was not resolved within its agreed time and has been escalated to you as the manager.',
      praise_received: 'A customer gave praise. Well done – share it with your team!',
    },
    digestSubject: (n) => `Kaiku – daily digest (${n})`,
    burstSubject: (n) => `Kaiku: ${n} new notifications`,
    digestIntro: (n) => `You have ${n === 1 ? '1 new notification' : `${n} new notifications`}:`,
    greeting: (name) => `Hello ${name},`,
    priority: 'Priority',
    priorities: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    due: 'Due',
    touchpoint: 'Touchpoint',
    employee: 'Employee',
    customerSaid: 'In the customer\'s words',
    openCase: 'Open the case',
    footer: 'You receive this e-mail from Kaiku. In your settings you can choose one daily digest instead.',
  },
  pl: {
    locale: 'pl-PL',
    subject: { case_assigned: 'Nowa sprawa przypisana do Ciebie', case_escalated: 'Sprawa po terminie została eskalowana', praise_received: 'Pochwała od klienta' },
    intro: {
      case_assigned: 'Przypisano Ci nową sprawę klienta. Skontaktuj się z klientem i zapisz podjęte działania w sprawie.',
      case_escalated: 'Ta sprawa nie została rozwiązana w uzgodnionym czasie i została eskalowana do Ciebie jako przełożonego.',
      praise_received: 'Klient przekazał pochwałę. Świetna robota – podziel się nią z zespołem!',
    },
    digestSubject: (n) => `Kaiku – podsumowanie dnia (${n})`,
    burstSubject: (n) => `Kaiku: nowe powiadomienia (${n})`,
    digestIntro: (n) => `Nowe powiadomienia (${n}):`,
    greeting: (name) => `Dzień dobry, ${name},`,
    priority: 'Priorytet',
    priorities: { low: 'niski', normal: 'normalny', high: 'wysoki', urgent: 'pilny' },
    due: 'Termin',
    touchpoint: 'Punkt styku',
    employee: 'Pracownik',
    customerSaid: 'Słowami klienta',
    openCase: 'Otwórz sprawę',
    footer: 'Otrzymujesz tę wiadomość z Kaiku. W ustawieniach możesz wybrać jedno dzienne podsumowanie.',
  },
};

/** Link to the case in the dashboard. */
export const caseUrl = (publicUrl: string, caseId: string) => `${publicUrl.replace(/\/$/, '')}/app/cases/${encodeURIComponent(caseId)}`;

/** Subjects are one line: a title with line breaks must not start new headers or look odd. */
const oneLine = (text: string, max = 120) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function formatDue(iso: string | null, t: Texts, timeZone: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Label/value rows shared by the single e-mail and each digest entry. */
function facts(notice: CaseNotice, t: Texts, ctx: MailContext): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (notice.kind !== 'praise_received') rows.push([t.priority, t.priorities[notice.priority]]);
  const due = notice.kind === 'praise_received' ? null : formatDue(notice.dueAt, t, ctx.timeZone);
  if (due) rows.push([t.due, due]);
  if (notice.touchpoint) rows.push([t.touchpoint, notice.touchpoint]);
  if (notice.employee) rows.push([t.employee, notice.employee]);
  return rows;
}

function noticeHtml(notice: CaseNotice, t: Texts, ctx: MailContext): SafeHtml {
  const link = caseUrl(ctx.publicUrl, notice.caseId);
  return html`<div style="border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0">
<p style="margin:0 0 8px;font-weight:bold">${t.subject[notice.kind]}: ${notice.title}</p>
<table style="border-collapse:collapse">${facts(notice, t, ctx).map(([label, value]) =>
    html`<tr><td style="padding:2px 12px 2px 0;color:#57606a">${label}</td><td style="padding:2px 0">${value}</td></tr>`)}</table>
${notice.verbatim ? html`<p style="margin:8px 0 4px;color:#57606a">${t.customerSaid}:</p>
<blockquote style="margin:0;padding:4px 12px;border-left:3px solid #d0d7de">${notice.verbatim}</blockquote>` : ''}
<p style="margin:12px 0 0"><a href="${link}" style="color:#0969da">${t.openCase}</a></p>
</div>`;
}

function noticeText(notice: CaseNotice, t: Texts, ctx: MailContext): string {
  const lines = [`${t.subject[notice.kind]}: ${notice.title}`];
  for (const [label, value] of facts(notice, t, ctx)) lines.push(`${label}: ${value}`);
  if (notice.verbatim) lines.push('', `${t.customerSaid}:`, ...notice.verbatim.split(/\r?\n/).map((l) => `> ${l}`));
  lines.push('', `${t.openCase}: ${caseUrl(ctx.publicUrl, notice.caseId)}`);
  return lines.join('\n');
}

/** The HTML document of an e-mail: one narrow column, system fonts, inline styles only. */
export function mailPage(lang: MailLanguage, subject: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:640px;margin:0 auto;padding:16px">
${body}
</body></html>`.value;
}

/** One e-mail about one case: assigned, escalated or praise. */
export function caseEmail(notice: CaseNotice, ctx: MailContext): RenderedMail {
  const t = texts[ctx.language];
  const subject = `${t.subject[notice.kind]}: ${oneLine(notice.title)}`;
  const body = html`<p>${t.greeting(ctx.recipientName)}</p>
<p>${t.intro[notice.kind]}</p>
${noticeHtml(notice, t, ctx)}
<p style="color:#57606a;font-size:13px">${t.footer}</p>`;
  const text = [t.greeting(ctx.recipientName), '', t.intro[notice.kind], '', noticeText(notice, t, ctx), '', '--', t.footer].join('\n');
  return { subject, html: mailPage(ctx.language, subject, body), text };
}

/** One e-mail gathering several notifications (the daily digest, or a burst in one batch). */
export function digestEmail(notices: CaseNotice[], ctx: MailContext, options: { shown?: number; daily?: boolean } = {}): RenderedMail {
  const t = texts[ctx.language];
  const shown = notices.slice(0, options.shown ?? 50);
  const more = notices.length - shown.length;
  const subject = (options.daily ?? true) ? t.digestSubject(notices.length) : t.burstSubject(notices.length);
  const moreLine = more > 0 ? `+ ${more} …` : '';
  const body = html`<p>${t.greeting(ctx.recipientName)}</p>
<p>${t.digestIntro(notices.length)}</p>
${shown.map((n) => noticeHtml(n, t, ctx))}
${moreLine ? html`<p><a href="${`${ctx.publicUrl.replace(/\/$/, '')}/app/cases`}">${moreLine}</a></p>` : raw('')}
<p style="color:#57606a;font-size:13px">${t.footer}</p>`;
  const text = [
    t.greeting(ctx.recipientName), '', t.digestIntro(notices.length), '',
    shown.map((n) => noticeText(n, t, ctx)).join('\n\n----\n\n'),
    ...(moreLine ? ['', `${moreLine} ${ctx.publicUrl.replace(/\/$/, '')}/app/cases`] : []),
    '', '--', t.footer,
  ].join('\n');
  return { subject, html: mailPage(ctx.language, subject, body), text };
}
