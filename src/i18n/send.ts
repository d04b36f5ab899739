/**
 * Texts of sending a survey by e-mail (/app/setup/surveys/:id/send), its list of sends and a
 * send's funnel, in Finnish, Swedish, English and Polish.
 */
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';
import type { SkipReason } from '../distribution/policy.ts';

export type FunnelStep = 'invited' | 'leftOut' | 'sent' | 'delivered' | 'opened' | 'started' | 'completed' | 'bounced' | 'unsubscribed';

export interface SendStrings {
  title: (survey: string) => string;
  intro: string;
  notActive: { draft: string; closed: string };
  publish: string;
  audience: string;
  audienceAll: string;
  when: string;
  now: string;
  later: string;
  sendAt: string;
  sendAtHint: (timeZone: string) => string;
  badDateTime: string;
  pastDateTime: string;
  reminder: string;
  reminderHint: string;
  check: string;
  previewHeading: string;
  /** "Will be sent to 18 contacts; 2 left out: 1 unsubscribed, 1 without consent." */
  preview: (invited: number, leftOutBy: Partial<Record<SkipReason, number>>) => string;
  sendNow: (invited: number) => string;
  nobody: string;
  change: string;
  sendsTitle: (survey: string) => string;
  sendsIntro: string;
  noSends: string;
  newSend: string;
  sendsCaption: string;
  columns: { when: string; audience: string; status: string; invited: string; leftOut: string; delivered: string; funnel: string };
  scheduled: string;
  launched: string;
  everyone: string;
  cohort: (quarter: string) => string;
  showFunnel: string;
  started: string;
  scheduledFor: (at: string) => string;
  funnelTitle: (survey: string, at: string) => string;
  funnelCaption: string;
  steps: Record<FunnelStep, string>;
  count: string;
  /** "1 of 2 sent invitations answered." */
  answered: (completed: number, sent: number) => string;
  notLaunched: (at: string) => string;
  backToSends: string;
}

type Words = Omit<SendStrings, 'preview' | 'sendNow' | 'answered'> & {
  contacts: PluralForms;
  leftOut: PluralForms;
  noneLeftOut: string;
  nobodyPreview: string;
  reasons: Record<SkipReason, PluralForms>;
  willSend: (contacts: string) => string;
  sendTo: (contacts: string) => string;
  of: (completed: number, sent: string) => string;
  invitations: PluralForms;
};

function strings(language: UiLanguage, w: Words): SendStrings {
  const { contacts, leftOut, noneLeftOut, nobodyPreview, reasons, willSend, sendTo, of, invitations, ...rest } = w;
  // In the order the reasons are written below (most telling first), whatever order the contacts came in.
  const reasonList = (by: Partial<Record<SkipReason, number>>) => (Object.keys(reasons) as SkipReason[])
    .filter((reason) => (by[reason] ?? 0) > 0).map((reason) => plural(language, by[reason] ?? 0, reasons[reason])).join(', ');
  return {
    ...rest,
    preview: (invited, by) => {
      const out = Object.values(by).reduce((a, n) => a + (n ?? 0), 0);
      const head = invited > 0 ? willSend(plural(language, invited, contacts)) : nobodyPreview;
      return out > 0 ? `${head}; ${plural(language, out, leftOut)}: ${reasonList(by)}.` : `${head}; ${noneLeftOut}.`;
    },
    sendNow: (n) => sendTo(plural(language, n, contacts)),
    answered: (completed, sent) => of(completed, plural(language, sent, invitations)),
  };
}

const en = strings('en', {
  title: (s) => `Send by e-mail: ${s}`,
  intro: 'E-mail an invitation to answer this survey. Contacts who have not agreed to surveys by e-mail, have unsubscribed or were asked recently are left out.',
  notActive: { draft: 'This survey is a draft: publish it before sending it.', closed: 'This survey is closed: open it again before sending it.' },
  publish: 'Publish the survey',
  audience: 'Who', audienceAll: 'All contacts who may be contacted by e-mail',
  when: 'When', now: 'Now', later: 'At a date and time', sendAt: 'Date and time',
  sendAtHint: (tz) => `In the organisation's time zone (${tz}).`,
  badDateTime: 'Enter a date and time, such as 2026-12-24 09:00.', pastDateTime: 'Choose a time in the future.',
  reminder: 'Reminder after (days, optional)', reminderHint: 'One reminder to those who have not answered. Leave empty for none.',
  check: 'Check', previewHeading: 'Check before sending',
  contacts: { one: '# contact', other: '# contacts' },
  leftOut: { one: '# left out', other: '# left out' },
  noneLeftOut: 'no one left out',
  nobodyPreview: 'No one would get it',
  reasons: {
    unsubscribed: { one: '# unsubscribed', other: '# unsubscribed' },
    no_consent: { one: '# without consent', other: '# without consent' },
    no_address: { one: '# without an e-mail address', other: '# without an e-mail address' },
    invalid_address: { one: '# with an invalid address', other: '# with an invalid address' },
    quarantined: { one: '# asked too recently', other: '# asked too recently' },
    survey_closed: { one: '# because the survey is not open', other: '# because the survey is not open' },
    expired: { one: '# expired', other: '# expired' },
    sampled_out: { one: '# not in the sample', other: '# not in the sample' },
  },
  willSend: (c) => `Will be sent to ${c}`,
  sendTo: (c) => `Send to ${c}`,
  nobody: 'No contact can be sent this survey now.',
  change: 'Change',
  sendsTitle: (s) => `Sends: ${s}`,
  sendsIntro: 'E-mail sends of this survey and how far each got.',
  noSends: 'This survey has not been sent yet.',
  newSend: 'Send by e-mail',
  sendsCaption: 'Sends of the survey',
  columns: { when: 'When', audience: 'Who', status: 'Status', invited: 'Invited', leftOut: 'Left out', delivered: 'Delivered', funnel: 'Progress' },
  scheduled: 'Waiting to be sent', launched: 'Sent', everyone: 'All contacts', cohort: (q) => `Quarter ${q}'s cohort`,
  showFunnel: 'Show progress',
  started: 'Sending has started.', scheduledFor: (at) => `The send is scheduled for ${at}.`,
  funnelTitle: (s, at) => `${s}: send of ${at}`, funnelCaption: 'From invitation to answer',
  steps: { invited: 'Invited', leftOut: 'Left out', sent: 'Sent', delivered: 'Delivered', opened: 'Opened', started: 'Started answering', completed: 'Completed', bounced: 'Bounced', unsubscribed: 'Left out as unsubscribed' },
  count: 'Number',
  invitations: { one: '# sent invitation', other: '# sent invitations' },
  of: (c, sent) => `${c} of ${sent} answered.`,
  notLaunched: (at) => `Nothing has been sent yet: the send is scheduled for ${at}.`,
  backToSends: 'All sends of this survey',
});

const fi = strings('fi', {
  title: (s) => `Lähetä sähköpostilla: ${s}`,
  intro: 'Lähetä sähköpostikutsu vastata tähän kyselyyn. Pois jätetään ne, jotka eivät ole antaneet lupaa sähköpostikyselyihin, ovat peruneet tilauksen tai joilta on kysytty äskettäin.',
  notActive: { draft: 'Kysely on luonnos: julkaise se ennen lähettämistä.', closed: 'Kysely on suljettu: avaa se uudelleen ennen lähettämistä.' },
  publish: 'Julkaise kysely',
  audience: 'Kenelle', audienceAll: 'Kaikille, joille saa lähettää sähköpostia',
  when: 'Milloin', now: 'Nyt', later: 'Tiettynä ajankohtana', sendAt: 'Päivä ja kellonaika',
  sendAtHint: (tz) => `Organisaation aikavyöhykkeellä (${tz}).`,
  badDateTime: 'Anna päivä ja kellonaika, esim. 2026-12-24 09:00.', pastDateTime: 'Valitse tuleva ajankohta.',
  reminder: 'Muistutus (päivän kuluttua, valinnainen)', reminderHint: 'Yksi muistutus niille, jotka eivät ole vastanneet. Jätä tyhjäksi, jos et halua muistutusta.',
  check: 'Tarkista', previewHeading: 'Tarkista ennen lähettämistä',
  contacts: { one: '# vastaanottajalle', other: '# vastaanottajalle' },
  leftOut: { one: '# jätetään pois', other: '# jätetään pois' },
  noneLeftOut: 'ketään ei jätetä pois',
  nobodyPreview: 'Kukaan ei saisi kutsua',
  reasons: {
    unsubscribed: { one: '# perunut tilauksen', other: '# perunut tilauksen' },
    no_consent: { one: '# ilman suostumusta', other: '# ilman suostumusta' },
    no_address: { one: '# ilman sähköpostiosoitetta', other: '# ilman sähköpostiosoitetta' },
    invalid_address: { one: '# virheellinen osoite', other: '# virheellistä osoitetta' },
    quarantined: { one: '# kysytty äskettäin', other: '# kysytty äskettäin' },
    survey_closed: { one: '# koska kysely ei ole avoinna', other: '# koska kysely ei ole avoinna' },
    expired: { one: '# vanhentunut', other: '# vanhentunutta' },
    sampled_out: { one: '# ei otoksessa', other: '# ei otoksessa' },
  },
  willSend: (c) => `Lähetetään ${c}`,
  sendTo: (c) => `Lähetä ${c}`,
  nobody: 'Tätä kyselyä ei voi nyt lähettää kenellekään.',
  change: 'Muuta',
  sendsTitle: (s) => `Lähetykset: ${s}`,
  sendsIntro: 'Kyselyn sähköpostilähetykset ja kuinka pitkälle kukin on edennyt.',
  noSends: 'Kyselyä ei ole vielä lähetetty.',
  newSend: 'Lähetä sähköpostilla',
  sendsCaption: 'Kyselyn lähetykset',
  columns: { when: 'Milloin', audience: 'Kenelle', status: 'Tila', invited: 'Kutsuttu', leftOut: 'Jätetty pois', delivered: 'Toimitettu', funnel: 'Eteneminen' },
  scheduled: 'Odottaa lähetystä', launched: 'Lähetetty', everyone: 'Kaikki yhteystiedot', cohort: (q) => `Neljänneksen ${q} kohortti`,
  showFunnel: 'Näytä eteneminen',
  started: 'Lähetys on alkanut.', scheduledFor: (at) => `Lähetys on ajastettu: ${at}.`,
  funnelTitle: (s, at) => `${s}: lähetys ${at}`, funnelCaption: 'Kutsusta vastaukseen',
  steps: { invited: 'Kutsuttu', leftOut: 'Jätetty pois', sent: 'Lähetetty', delivered: 'Toimitettu', opened: 'Avattu', started: 'Aloittanut vastaamisen', completed: 'Vastannut', bounced: 'Palautunut', unsubscribed: 'Jätetty pois: perunut tilauksen' },
  count: 'Määrä',
  invitations: { one: '# lähetetystä kutsusta', other: '# lähetetystä kutsusta' },
  of: (c, sent) => `${sent} ${c} on vastattu.`,
  notLaunched: (at) => `Mitään ei ole vielä lähetetty: lähetys on ajastettu ${at}.`,
  backToSends: 'Kaikki kyselyn lähetykset',
});

const sv = strings('sv', {
  title: (s) => `Skicka per e-post: ${s}`,
  intro: 'Skicka en inbjudan per e-post att svara på enkäten. Kontakter som inte samtyckt till enkäter per e-post, har avregistrerat sig eller tillfrågats nyligen utelämnas.',
  notActive: { draft: 'Enkäten är ett utkast: publicera den innan du skickar den.', closed: 'Enkäten är stängd: öppna den igen innan du skickar den.' },
  publish: 'Publicera enkäten',
  audience: 'Till vem', audienceAll: 'Alla kontakter som får kontaktas per e-post',
  when: 'När', now: 'Nu', later: 'Vid en viss tidpunkt', sendAt: 'Datum och tid',
  sendAtHint: (tz) => `I organisationens tidszon (${tz}).`,
  badDateTime: 'Ange datum och tid, till exempel 2026-12-24 09:00.', pastDateTime: 'Välj en tidpunkt i framtiden.',
  reminder: 'Påminnelse efter (dagar, valfritt)', reminderHint: 'En påminnelse till dem som inte svarat. Lämna tomt för ingen.',
  check: 'Kontrollera', previewHeading: 'Kontrollera innan du skickar',
  contacts: { one: '# kontakt', other: '# kontakter' },
  leftOut: { one: '# utelämnas', other: '# utelämnas' },
  noneLeftOut: 'ingen utelämnas',
  nobodyPreview: 'Ingen skulle få den',
  reasons: {
    unsubscribed: { one: '# har avregistrerat sig', other: '# har avregistrerat sig' },
    no_consent: { one: '# utan samtycke', other: '# utan samtycke' },
    no_address: { one: '# utan e-postadress', other: '# utan e-postadress' },
    invalid_address: { one: '# med ogiltig adress', other: '# med ogiltig adress' },
    quarantined: { one: '# tillfrågad nyligen', other: '# tillfrågade nyligen' },
    survey_closed: { one: '# eftersom enkäten inte är öppen', other: '# eftersom enkäten inte är öppen' },
    expired: { one: '# har gått ut', other: '# har gått ut' },
    sampled_out: { one: '# inte i urvalet', other: '# inte i urvalet' },
  },
  willSend: (c) => `Skickas till ${c}`,
  sendTo: (c) => `Skicka till ${c}`,
  nobody: 'Ingen kontakt kan få den här enkäten nu.',
  change: 'Ändra',
  sendsTitle: (s) => `Utskick: ${s}`,
  sendsIntro: 'Enkätens utskick per e-post och hur långt vart och ett har kommit.',
  noSends: 'Enkäten har inte skickats ännu.',
  newSend: 'Skicka per e-post',
  sendsCaption: 'Enkätens utskick',
  columns: { when: 'När', audience: 'Till vem', status: 'Status', invited: 'Inbjudna', leftOut: 'Utelämnade', delivered: 'Levererade', funnel: 'Förlopp' },
  scheduled: 'Väntar på att skickas', launched: 'Skickat', everyone: 'Alla kontakter', cohort: (q) => `Kohorten för kvartal ${q}`,
  showFunnel: 'Visa förlopp',
  started: 'Utskicket har börjat.', scheduledFor: (at) => `Utskicket är schemalagt till ${at}.`,
  funnelTitle: (s, at) => `${s}: utskick ${at}`, funnelCaption: 'Från inbjudan till svar',
  steps: { invited: 'Inbjudna', leftOut: 'Utelämnade', sent: 'Skickade', delivered: 'Levererade', opened: 'Öppnade', started: 'Började svara', completed: 'Svarade', bounced: 'Studsade', unsubscribed: 'Utelämnade som avregistrerade' },
  count: 'Antal',
  invitations: { one: '# skickad inbjudan', other: '# skickade inbjudningar' },
  of: (c, sent) => `${c} av ${sent} besvarades.`,
  notLaunched: (at) => `Inget har skickats ännu: utskicket är schemalagt till ${at}.`,
  backToSends: 'Alla utskick av enkäten',
});

const pl = strings('pl', {
  title: (s) => `Wyślij e-mailem: ${s}`,
  intro: 'Wyślij e-mailem zaproszenie do wypełnienia ankiety. Pominięte zostaną kontakty bez zgody na ankiety e-mailowe, wypisane lub pytane niedawno.',
  notActive: { draft: 'Ankieta jest szkicem: opublikuj ją przed wysłaniem.', closed: 'Ankieta jest zamknięta: otwórz ją ponownie przed wysłaniem.' },
  publish: 'Opublikuj ankietę',
  audience: 'Do kogo', audienceAll: 'Wszystkie kontakty, do których można pisać e-mailem',
  when: 'Kiedy', now: 'Teraz', later: 'W wybranym terminie', sendAt: 'Data i godzina',
  sendAtHint: (tz) => `W strefie czasowej organizacji (${tz}).`,
  badDateTime: 'Podaj datę i godzinę, np. 2026-12-24 09:00.', pastDateTime: 'Wybierz termin w przyszłości.',
  reminder: 'Przypomnienie po (dniach, opcjonalnie)', reminderHint: 'Jedno przypomnienie dla tych, którzy nie odpowiedzieli. Zostaw puste, aby nie wysyłać.',
  check: 'Sprawdź', previewHeading: 'Sprawdź przed wysłaniem',
  contacts: { one: '# kontaktu', few: '# kontaktów', many: '# kontaktów', other: '# kontaktu' },
  leftOut: { one: '# pominięty', few: '# pominięte', many: '# pominiętych', other: '# pominiętego' },
  noneLeftOut: 'nikt nie zostanie pominięty',
  nobodyPreview: 'Nikt by jej nie otrzymał',
  reasons: {
    unsubscribed: { one: 'wypisani: #', other: 'wypisani: #' },
    no_consent: { one: 'bez zgody: #', other: 'bez zgody: #' },
    no_address: { one: 'bez adresu e-mail: #', other: 'bez adresu e-mail: #' },
    invalid_address: { one: 'z błędnym adresem: #', other: 'z błędnym adresem: #' },
    quarantined: { one: 'pytani niedawno: #', other: 'pytani niedawno: #' },
    survey_closed: { one: 'ankieta nie jest otwarta: #', other: 'ankieta nie jest otwarta: #' },
    expired: { one: 'po terminie: #', other: 'po terminie: #' },
    sampled_out: { one: 'poza próbą: #', other: 'poza próbą: #' },
  },
  willSend: (c) => `Zostanie wysłana do ${c}`,
  sendTo: (c) => `Wyślij do ${c}`,
  nobody: 'Tej ankiety nie można teraz wysłać do nikogo.',
  change: 'Zmień',
  sendsTitle: (s) => `Wysyłki: ${s}`,
  sendsIntro: 'Wysyłki e-mailowe tej ankiety i jak daleko doszła każda z nich.',
  noSends: 'Ta ankieta nie została jeszcze wysłana.',
  newSend: 'Wyślij e-mailem',
  sendsCaption: 'Wysyłki ankiety',
  columns: { when: 'Kiedy', audience: 'Do kogo', status: 'Stan', invited: 'Zaproszeni', leftOut: 'Pominięci', delivered: 'Doręczone', funnel: 'Postęp' },
  scheduled: 'Czeka na wysłanie', launched: 'Wysłana', everyone: 'Wszystkie kontakty', cohort: (q) => `Kohorta kwartału ${q}`,
  showFunnel: 'Pokaż postęp',
  started: 'Wysyłka się rozpoczęła.', scheduledFor: (at) => `Wysyłka zaplanowana na ${at}.`,
  funnelTitle: (s, at) => `${s}: wysyłka z ${at}`, funnelCaption: 'Od zaproszenia do odpowiedzi',
  steps: { invited: 'Zaproszeni', leftOut: 'Pominięci', sent: 'Wysłane', delivered: 'Doręczone', opened: 'Otwarte', started: 'Rozpoczęte', completed: 'Wypełnione', bounced: 'Odrzucone', unsubscribed: 'Pominięci jako wypisani' },
  count: 'Liczba',
  invitations: { one: '# wysłanego zaproszenia', few: '# wysłanych zaproszeń', many: '# wysłanych zaproszeń', other: '# wysłanego zaproszenia' },
  of: (c, sent) => `Odpowiedzi: ${c} z ${sent}.`,
  notLaunched: (at) => `Nic jeszcze nie wysłano: wysyłka zaplanowana na ${at}.`,
  backToSends: 'Wszystkie wysyłki ankiety',
});

const texts: Record<UiLanguage, SendStrings> = { fi, sv, en, pl };

export const sendText = (language: UiLanguage): SendStrings => texts[language];
