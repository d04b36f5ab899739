/**
 * E-mails to customers from a case, in Finnish, Swedish, English and Polish: the follow-up
 * (the owner's own message in a greeting and signature) and the re-survey invitation ("is it
 * solved?" with a personal link). Pure functions; everything from people (the message, names,
 * the organisation's name) is escaped in the HTML part by `html`.
 */
import { html } from '../pages/html.ts';
import { mailLanguage, mailPage, type MailLanguage, type RenderedMail } from './templates.ts';
import { LANGUAGES } from '../vocabulary.ts';

interface CustomerTexts {
  followUpSubject: (organisation: string) => string;
  greeting: (name: string | null) => string;
  regards: string;
  resurveySubject: (organisation: string) => string;
  resurveyIntro: string;
  resurveyQuestion: string;
  resurveyButton: string;
  resurveyFooter: string;
}

const texts: Record<MailLanguage, CustomerTexts> = {
  fi: {
    followUpSubject: (o) => `Palautteesi – ${o}`,
    greeting: (name) => (name ? `Hei ${name},` : 'Hei,'),
    regards: 'Ystävällisin terveisin',
    resurveySubject: (o) => `Ratkesiko asiasi? – ${o}`,
    resurveyIntro: 'Kiitos, että kerroit meille kokemuksestasi. Olemme käsitelleet asiasi.',
    resurveyQuestion: 'Haluaisimme tietää, ratkesiko asiasi. Vastaaminen vie alle minuutin.',
    resurveyButton: 'Vastaa kahteen kysymykseen',
    resurveyFooter: 'Linkki on henkilökohtainen; älä välitä sitä eteenpäin.',
  },
  sv: {
    followUpSubject: (o) => `Din feedback – ${o}`,
    greeting: (name) => (name ? `Hej ${name},` : 'Hej,'),
    regards: 'Med vänliga hälsningar',
    resurveySubject: (o) => `Blev ditt ärende löst? – ${o}`,
    resurveyIntro: 'Tack för att du berättade om din upplevelse. Vi har behandlat ditt ärende.',
    resurveyQuestion: 'Vi vill gärna veta om ditt ärende blev löst. Det tar mindre än en minut att svara.',
    resurveyButton: 'Svara på två frågor',
    resurveyFooter: 'Länken är personlig; vidarebefordra den inte.',
  },
  en: {
    followUpSubject: (o) => `Your feedback – ${o}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    regards: 'Kind regards',
    resurveySubject: (o) => `Is your issue solved? – ${o}`,
    resurveyIntro: 'Thank you for telling us about your experience. We have looked into it.',
    resurveyQuestion: 'We would like to know whether your issue is now solved. Answering takes less than a minute.',
    resurveyButton: 'Answer two questions',
    resurveyFooter: 'The link is personal; please do not forward it.',
  },
  pl: {
    followUpSubject: (o) => `Twoja opinia – ${o}`,
    greeting: (name) => (name ? `Dzień dobry, ${name},` : 'Dzień dobry,'),
    regards: 'Z poważaniem',
    resurveySubject: (o) => `Czy Twoja sprawa została rozwiązana? – ${o}`,
    resurveyIntro: 'Dziękujemy, że podzielił(a) się Pan/Pani swoim doświadczeniem. Zajęliśmy się sprawą.',
    resurveyQuestion: 'Chcielibyśmy wiedzieć, czy sprawa została rozwiązana. Odpowiedź zajmie mniej niż minutę.',
    resurveyButton: 'Odpowiedz na dwa pytania',
    resurveyFooter: 'Link jest osobisty; prosimy go nie przekazywać.',
  },
};

export interface CustomerMailContext {
  language: string | null | undefined;
  organisationName: string;
  contactName: string | null;
  /** Who signs: the case owner (or the organisation when the case has none). */
  senderName: string | null;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 150);

function signature(t: CustomerTexts, ctx: CustomerMailContext): string[] {
  return [t.regards, ...(ctx.senderName ? [ctx.senderName] : []), ctx.organisationName];
}

/** The owner's message to the customer; paragraphs are kept, markup in it is shown as text. */
export function followUpEmail(message: string, ctx: CustomerMailContext, subject?: string): RenderedMail & { language: MailLanguage } {
  const language = mailLanguage(ctx.language);
  const t = texts[language];
  const title = oneLine(subject ?? t.followUpSubject(ctx.organisationName));
  const paragraphs = message.trim().split(/\r?\n\s*\r?\n/).map((p) => p.split(/\r?\n/));
  const body = html`<p>${t.greeting(ctx.contactName)}</p>
${paragraphs.map((lines) => html`<p>${lines.map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`)}
<p>${signature(t, ctx).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`;
  const text = [t.greeting(ctx.contactName), '', message.trim(), '', ...signature(t, ctx)].join('\n');
  return { subject: title, html: mailPage(language, title, body), text, language };
}

/** The re-survey invitation after a case is resolved, with the personal answer link. */
export function resurveyEmail(link: string, ctx: CustomerMailContext): RenderedMail & { language: MailLanguage } {
  const language = mailLanguage(ctx.language);
  const t = texts[language];
  const subject = oneLine(t.resurveySubject(ctx.organisationName));
  const body = html`<p>${t.greeting(ctx.contactName)}</p>
<p>${t.resurveyIntro}</p>
<p>${t.resurveyQuestion}</p>
<p><a href="${link}" style="display:inline-block;padding:10px 16px;background:#0b5394;color:#ffffff;border-radius:6px;text-decoration:none">${t.resurveyButton}</a></p>
<p>${signature(t, ctx).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>
<p style="color:#57606a;font-size:13px">${t.resurveyFooter}</p>`;
  const text = [t.greeting(ctx.contactName), '', t.resurveyIntro, t.resurveyQuestion, '', `${t.resurveyButton}: ${link}`, '', ...signature(t, ctx), '', t.resurveyFooter].join('\n');
  return { subject, html: mailPage(language, subject, body), text, language };
}

/** The re-survey's questions in every mail language: "is it solved?" (yes/no) and the 0–10 score. */
export function resurveyDefinition() {
  const all = <K extends keyof typeof questionTexts>(key: K) => questionTexts[key];
  return {
    name: 'Case follow-up (re-survey)',
    kind: 'adhoc' as const,
    defaultLanguage: 'fi',
    languages: [...LANGUAGES],
    title: all('title'),
    thanks: all('thanks'),
    questions: [
      { key: 'solved', type: 'single_choice' as const, required: true, text: all('solved'),
        options: [{ value: 'yes', label: all('yes') }, { value: 'no', label: all('no') }] },
      { key: 'score', type: 'nps' as const, required: true, why: false, text: all('score') },
      { key: 'comment', type: 'text' as const, text: all('comment') },
    ],
  };
}

const questionTexts = {
  title: { fi: 'Ratkesiko asiasi?', sv: 'Blev ditt ärende löst?', en: 'Is your issue solved?', pl: 'Czy sprawa została rozwiązana?' },
  thanks: { fi: 'Kiitos vastauksestasi!', sv: 'Tack för ditt svar!', en: 'Thank you for your answer!', pl: 'Dziękujemy za odpowiedź!' },
  solved: { fi: 'Ratkesiko asiasi?', sv: 'Blev ditt ärende löst?', en: 'Is your issue solved?', pl: 'Czy Twoja sprawa została rozwiązana?' },
  yes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes', pl: 'Tak' },
  no: { fi: 'Ei', sv: 'Nej', en: 'No', pl: 'Nie' },
  score: {
    fi: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi nyt?', sv: 'Hur troligt är det att du nu skulle rekommendera oss till en vän?',
    en: 'How likely are you now to recommend us to a friend?', pl: 'Jak prawdopodobne jest teraz, że polecisz nas znajomemu?',
  },
  comment: { fi: 'Haluatko kertoa vielä jotain?', sv: 'Vill du berätta något mer?', en: 'Anything else you would like to tell us?', pl: 'Czy chcesz coś jeszcze dodać?' },
};
