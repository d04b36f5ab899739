/**
 * What a customer reads in a survey invitation (e-mail, SMS, reminder) and on the unsubscribe
 * page, in Finnish, Swedish, English and Polish. The survey's own texts (title, questions) come
 * from the survey; these are the words around them.
 */
import type { UiLanguage } from './index.ts';

export interface InvitationStrings {
  subject: (organisation: string) => string;
  reminderSubject: (organisation: string) => string;
  greeting: (name: string | null) => string;
  intro: (organisation: string) => string;
  reminderIntro: string;
  scoreHint: string;
  answer: string;
  /** Scale end labels under the score links, so the numbers do not rely on position alone. */
  low: string;
  high: string;
  unsubscribe: string;
  unsubscribeNote: string;
  sms: (organisation: string, link: string, stop: string) => string;
  unsubscribeTitle: string;
  unsubscribeBody: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedBody: string;
}

const fi: InvitationStrings = {
  subject: (o) => `${o}: kerro kokemuksestasi`,
  reminderSubject: (o) => `Muistutus: ${o} kysyy kokemuksestasi`,
  greeting: (n) => (n ? `Hei ${n},` : 'Hei,'),
  intro: (o) => `kiitos, että asioit kanssamme. ${o} haluaa kuulla, miten onnistuimme – vastaaminen vie minuutin.`,
  reminderIntro: 'Muistutamme vielä lyhyestä kyselystämme. Vastauksesi auttaa meitä parantamaan palveluamme.',
  scoreHint: 'Valitse luku – kysely avautuu valintasi kanssa.',
  answer: 'Vastaa kyselyyn',
  low: 'Ei lainkaan',
  high: 'Erittäin',
  unsubscribe: 'Peru kyselykutsut',
  unsubscribeNote: 'Etkö halua kyselykutsuja? ',
  sms: (o, link, stop) => `${o}: kerro kokemuksestasi ${link} Peru kutsut: ${stop}`,
  unsubscribeTitle: 'Perutaanko kyselykutsut?',
  unsubscribeBody: 'Emme lähetä sinulle enää kyselykutsuja sähköpostilla emmekä tekstiviestillä.',
  unsubscribeButton: 'Peru kyselykutsut',
  unsubscribedTitle: 'Kyselykutsut on peruttu',
  unsubscribedBody: 'Et saa meiltä enää kyselykutsuja. Jo lähetetyt kutsut ja muistutukset on peruttu.',
};

const sv: InvitationStrings = {
  subject: (o) => `${o}: berätta om din upplevelse`,
  reminderSubject: (o) => `Påminnelse: ${o} vill höra om din upplevelse`,
  greeting: (n) => (n ? `Hej ${n},` : 'Hej,'),
  intro: (o) => `tack för att du valde oss. ${o} vill gärna höra hur det gick – det tar en minut att svara.`,
  reminderIntro: 'Vi påminner om vår korta enkät. Ditt svar hjälper oss att förbättra vår service.',
  scoreHint: 'Välj en siffra – enkäten öppnas med ditt val ifyllt.',
  answer: 'Svara på enkäten',
  low: 'Inte alls',
  high: 'Mycket',
  unsubscribe: 'Avsluta enkätinbjudningar',
  unsubscribeNote: 'Vill du inte få enkäter? ',
  sms: (o, link, stop) => `${o}: berätta om din upplevelse ${link} Avsluta: ${stop}`,
  unsubscribeTitle: 'Avsluta enkätinbjudningar?',
  unsubscribeBody: 'Vi skickar inga fler enkätinbjudningar till dig, varken per e-post eller sms.',
  unsubscribeButton: 'Avsluta inbjudningar',
  unsubscribedTitle: 'Enkätinbjudningarna är avslutade',
  unsubscribedBody: 'Du får inga fler enkätinbjudningar från oss. Planerade inbjudningar och påminnelser är strukna.',
};

const en: InvitationStrings = {
  subject: (o) => `${o}: tell us about your experience`,
  reminderSubject: (o) => `Reminder: ${o} would like your feedback`,
  greeting: (n) => (n ? `Hello ${n},` : 'Hello,'),
  intro: (o) => `thank you for choosing us. ${o} would like to hear how it went – answering takes a minute.`,
  reminderIntro: 'A gentle reminder of our short survey. Your answer helps us improve our service.',
  scoreHint: 'Choose a number – the survey opens with your choice filled in.',
  answer: 'Answer the survey',
  low: 'Not at all',
  high: 'Extremely',
  unsubscribe: 'Unsubscribe from surveys',
  unsubscribeNote: 'Prefer not to get surveys? ',
  sms: (o, link, stop) => `${o}: tell us about your experience ${link} Stop: ${stop}`,
  unsubscribeTitle: 'Unsubscribe from survey invitations?',
  unsubscribeBody: 'We will send you no more survey invitations, by e-mail or by text message.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedTitle: 'You are unsubscribed',
  unsubscribedBody: 'You will get no more survey invitations from us. Planned invitations and reminders are cancelled.',
};

const pl: InvitationStrings = {
  subject: (o) => `${o}: opowiedz o swoim doświadczeniu`,
  reminderSubject: (o) => `Przypomnienie: ${o} prosi o Twoją opinię`,
  greeting: (n) => (n ? `Dzień dobry, ${n},` : 'Dzień dobry,'),
  intro: (o) => `dziękujemy za skorzystanie z naszych usług. ${o} chce wiedzieć, jak nam poszło – odpowiedź zajmie minutę.`,
  reminderIntro: 'Przypominamy o naszej krótkiej ankiecie. Twoja odpowiedź pomoże nam ulepszyć obsługę.',
  scoreHint: 'Wybierz liczbę – ankieta otworzy się z zaznaczoną odpowiedzią.',
  answer: 'Wypełnij ankietę',
  low: 'Wcale',
  high: 'Bardzo',
  unsubscribe: 'Zrezygnuj z ankiet',
  unsubscribeNote: 'Nie chcesz otrzymywać ankiet? ',
  sms: (o, link, stop) => `${o}: opowiedz o swoim doświadczeniu ${link} Rezygnacja: ${stop}`,
  unsubscribeTitle: 'Zrezygnować z zaproszeń do ankiet?',
  unsubscribeBody: 'Nie będziemy już wysyłać Ci zaproszeń do ankiet ani e-mailem, ani SMS-em.',
  unsubscribeButton: 'Zrezygnuj',
  unsubscribedTitle: 'Zrezygnowano z ankiet',
  unsubscribedBody: 'Nie otrzymasz od nas więcej zaproszeń do ankiet. Zaplanowane zaproszenia i przypomnienia zostały anulowane.',
};

const all: Record<UiLanguage, InvitationStrings> = { fi, sv, en, pl };

/** Strings in `language` when Kaiku has them, else English (with the language actually used). */
export function invitationStrings(language: string): { strings: InvitationStrings; language: UiLanguage } {
  const ui = (language in all ? language : 'en') as UiLanguage;
  return { strings: all[ui], language: ui };
}
