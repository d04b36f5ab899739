/**
 * Texts of sending a survey to people by e-mail or text message (/app/setup/surveys/:id/send),
 * its list of sends and a send's funnel, in Finnish, Swedish, English and Polish.
 */
import { formatNumber, localeOf, type UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';
import type { PulseChannel, SkipReason } from '../distribution/policy.ts';
import type { WavePreview } from '../distribution/waves.ts';

export type FunnelStep = 'invited' | 'leftOut' | 'sent' | 'delivered' | 'opened' | 'started' | 'completed' | 'bounced' | 'unsubscribed';
/** Who a send goes to, and by what: e-mail, text message, or e-mail and a text message to those who cannot be e-mailed. */
export type SendAudience = 'all' | 'segment' | 'cohort';
export type SendChannel = 'email' | 'sms' | 'both';

export interface SendStrings {
  title: (survey: string) => string;
  intro: string;
  notActive: { draft: string; closed: string };
  publish: string;
  audience: string;
  audiences: Record<SendAudience, string>;
  segment: string;
  noSegments: string;
  unknownSegment: (segment: string) => string;
  quarter: string;
  quarterHint: string;
  quarterTaken: (quarter: string) => string;
  /** A quarter in the picker this survey was already sent to. */
  quarterSent: (quarter: string) => string;
  channel: string;
  channels: Record<SendChannel, string>;
  smsUnavailable: string;
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
  /** "Will be sent to 2 contacts; 2 of 4 left out: 1 without consent, 1 asked within the last 90 days." */
  preview: (counts: WavePreview, channel: SendChannel) => string;
  /** "By channel: 2 contacts by e-mail, 1 contact by text message." */
  byChannel: (byChannel: WavePreview['byChannel']) => string;
  /** "By language: Finnish 2, English 1. 1 contact gets the survey's default language, Finnish, as the survey is not in theirs." */
  byLanguage: (byLanguage: Record<string, number>, fallbacks: number, defaultLanguage: string) => string;
  sendNow: (invited: number) => string;
  nobody: string;
  change: string;
  sendsTitle: (survey: string) => string;
  sendsIntro: string;
  noSends: string;
  newSend: string;
  sendsCaption: string;
  columns: { when: string; audience: string; channel: string; status: string; invited: string; leftOut: string; delivered: string; funnel: string };
  scheduled: string;
  launched: string;
  everyone: string;
  cohort: (quarter: string) => string;
  inSegment: (segment: string) => string;
  channelWords: Record<SendChannel, string>;
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

type Words = Omit<SendStrings, 'preview' | 'byChannel' | 'byLanguage' | 'sendNow' | 'answered'> & {
  contacts: PluralForms;
  /** A number of people on its own ("2 contacts" as a subject). */
  people: PluralForms;
  leftOutOf: (out: number, audience: string) => string;
  noneLeftOut: string;
  nobodyPreview: string;
  reasons: Record<Exclude<SkipReason, 'no_address' | 'quarantined'>, PluralForms>;
  noAddress: Record<SendChannel, PluralForms>;
  /** Asked within the quarantine, which is `days` days. */
  askedWithin: (days: number) => PluralForms;
  channelHead: string;
  viaChannel: Record<'email' | 'sms', (people: string) => string>;
  languageHead: string;
  fallback: (people: number, language: string) => string;
  willSend: (contacts: string) => string;
  sendTo: (contacts: string) => string;
  of: (completed: number, sent: string) => string;
  invitations: PluralForms;
};

/** The order reasons are listed in, most telling first, whatever order the contacts came in. */
const reasonOrder: SkipReason[] = ['unsubscribed', 'no_consent', 'no_address', 'invalid_address', 'quarantined', 'survey_closed', 'expired', 'sampled_out'];

function strings(language: UiLanguage, w: Words): SendStrings {
  const { contacts, people, leftOutOf, noneLeftOut, nobodyPreview, reasons, noAddress, askedWithin, channelHead, viaChannel, languageHead, fallback,
    willSend, sendTo, of, invitations, ...rest } = w;
  const num = (n: number) => formatNumber(n, language);
  const count = (n: number, forms: PluralForms) => plural(language, n, forms, num);
  const names = new Intl.DisplayNames([localeOf(language)], { type: 'language' });
  const languageName = (code: string) => names.of(code) ?? code;
  return {
    ...rest,
    preview: (counts, channel) => {
      const reasonForms = (reason: SkipReason): PluralForms =>
        reason === 'no_address' ? noAddress[channel] : reason === 'quarantined' ? askedWithin(counts.quarantineDays) : reasons[reason];
      const why = reasonOrder.filter((reason) => (counts.leftOutBy[reason] ?? 0) > 0)
        .map((reason) => count(counts.leftOutBy[reason] ?? 0, reasonForms(reason))).join(', ');
      const head = counts.invited > 0 ? willSend(count(counts.invited, contacts)) : nobodyPreview;
      return counts.leftOut > 0 ? `${head}; ${leftOutOf(counts.leftOut, num(counts.audience))}: ${why}.` : `${head}; ${noneLeftOut}.`;
    },
    byChannel: (by) => `${channelHead}: ${(['email', 'sms'] as const).filter((c) => (by[c as PulseChannel] ?? 0) > 0)
      .map((c) => viaChannel[c](count(by[c] ?? 0, people))).join(', ')}.`,
    byLanguage: (by, fallbacks, defaultLanguage) => {
      const list = Object.entries(by).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([code, n]) => `${languageName(code)} ${num(n)}`).join(', ');
      return `${languageHead}: ${list}.${fallbacks > 0 ? ` ${fallback(fallbacks, languageName(defaultLanguage))}` : ''}`;
    },
    sendNow: (n) => sendTo(count(n, contacts)),
    answered: (completed, sent) => of(completed, plural(language, sent, invitations)),
  };
}

const en = strings('en', {
  title: (s) => `Send to people: ${s}`,
  intro: 'Send an invitation to answer this survey by e-mail or text message. Contacts who have not agreed to surveys by that channel, have unsubscribed or were asked recently are left out.',
  notActive: { draft: 'This survey is a draft: publish it before sending it.', closed: 'This survey is closed: open it again before sending it.' },
  publish: 'Publish the survey',
  audience: 'Who',
  audiences: { all: 'All contacts who may be contacted', segment: 'The contacts of one segment', cohort: "One quarter's cohort" },
  segment: 'Segment', noSegments: 'No contact has a segment yet.', unknownSegment: (g) => `No contact is in the segment “${g}”. Choose one from the list.`,
  quarter: 'Quarter', quarterHint: 'Each contact belongs to one of four cohorts and is asked once a year: a quarter invites its cohort.',
  quarterTaken: (q) => `This survey has already been sent to quarter ${q}'s cohort. Choose another quarter.`, quarterSent: (q) => `${q} (already sent)`,
  channel: 'How',
  channels: { email: 'By e-mail', sms: 'By text message', both: 'By e-mail, and by text message to those who cannot be e-mailed' },
  smsUnavailable: 'Text messages cannot be sent: no text message service has been set up for Kaiku. An administrator can set one up in the server settings.',
  when: 'When', now: 'Now', later: 'At a date and time', sendAt: 'Date and time',
  sendAtHint: (tz) => `In the organisation's time zone (${tz}).`,
  badDateTime: 'Enter a date and time, such as 2026-12-24 09:00.', pastDateTime: 'Choose a time in the future.',
  reminder: 'Reminder after (days, optional)', reminderHint: 'One reminder to those who have not answered. Leave empty for none.',
  check: 'Check', previewHeading: 'Check before sending',
  contacts: { one: '# contact', other: '# contacts' },
  people: { one: '# contact', other: '# contacts' },
  leftOutOf: (out, all) => `${formatNumber(out, 'en')} of ${all} left out`,
  noneLeftOut: 'no one left out',
  nobodyPreview: 'No one would get it',
  reasons: {
    unsubscribed: { one: '# unsubscribed', other: '# unsubscribed' },
    no_consent: { one: '# without consent', other: '# without consent' },
    invalid_address: { one: '# with an invalid address', other: '# with an invalid address' },
    survey_closed: { one: '# because the survey is not open', other: '# because the survey is not open' },
    expired: { one: '# expired', other: '# expired' },
    sampled_out: { one: '# not in the sample', other: '# not in the sample' },
  },
  noAddress: {
    email: { one: '# without an e-mail address', other: '# without an e-mail address' },
    sms: { one: '# without a phone number', other: '# without a phone number' },
    both: { one: '# without an e-mail address or phone number', other: '# without an e-mail address or phone number' },
  },
  askedWithin: (days) => (days === 1 ? { one: '# asked within the last day', other: '# asked within the last day' }
    : { one: `# asked within the last ${days} days`, other: `# asked within the last ${days} days` }),
  channelHead: 'By channel', viaChannel: { email: (c) => `${c} by e-mail`, sms: (c) => `${c} by text message` },
  languageHead: 'By language',
  fallback: (n, l) => (n === 1 ? `1 contact gets the survey's default language, ${l}, as the survey is not in theirs.`
    : `${formatNumber(n, 'en')} contacts get the survey's default language, ${l}, as the survey is not in theirs.`),
  willSend: (c) => `Will be sent to ${c}`,
  sendTo: (c) => `Send to ${c}`,
  nobody: 'No contact can be sent this survey now.',
  change: 'Change',
  sendsTitle: (s) => `Sends: ${s}`,
  sendsIntro: 'Sends of this survey, to whom and how, and how far each got.',
  noSends: 'This survey has not been sent yet.',
  newSend: 'Send to people',
  sendsCaption: 'Sends of the survey',
  columns: { when: 'When', audience: 'Who', channel: 'How', status: 'Status', invited: 'Invited', leftOut: 'Left out', delivered: 'Delivered', funnel: 'Progress' },
  scheduled: 'Waiting to be sent', launched: 'Sent', everyone: 'All contacts', cohort: (q) => `Quarter ${q}'s cohort`, inSegment: (g) => `Segment ${g}`,
  channelWords: { email: 'E-mail', sms: 'Text message', both: 'E-mail or text message' },
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
  title: (s) => `Lähetä ihmisille: ${s}`,
  intro: 'Lähetä kutsu vastata tähän kyselyyn sähköpostilla tai tekstiviestillä. Pois jätetään ne, jotka eivät ole antaneet lupaa kyselyihin sitä kautta, ovat peruneet tilauksen tai joilta on kysytty äskettäin.',
  notActive: { draft: 'Kysely on luonnos: julkaise se ennen lähettämistä.', closed: 'Kysely on suljettu: avaa se uudelleen ennen lähettämistä.' },
  publish: 'Julkaise kysely',
  audience: 'Kenelle',
  audiences: { all: 'Kaikille, joihin saa ottaa yhteyttä', segment: 'Yhden segmentin yhteystiedoille', cohort: 'Yhden vuosineljänneksen kohortille' },
  segment: 'Segmentti', noSegments: 'Yhdelläkään yhteystiedolla ei ole vielä segmenttiä.', unknownSegment: (g) => `Segmentissä ”${g}” ei ole yhteystietoja. Valitse segmentti luettelosta.`,
  quarter: 'Vuosineljännes', quarterHint: 'Jokainen yhteystieto kuuluu yhteen neljästä kohortista, ja siltä kysytään kerran vuodessa: kukin neljännes kutsuu oman kohorttinsa.',
  quarterTaken: (q) => `Kysely on jo lähetetty neljänneksen ${q} kohortille. Valitse toinen neljännes.`, quarterSent: (q) => `${q} (jo lähetetty)`,
  channel: 'Miten',
  channels: { email: 'Sähköpostilla', sms: 'Tekstiviestillä', both: 'Sähköpostilla, ja tekstiviestillä niille, joille ei voi lähettää sähköpostia' },
  smsUnavailable: 'Tekstiviestejä ei voi lähettää: Kaikuun ei ole määritetty tekstiviestipalvelua. Ylläpitäjä voi määrittää sen palvelimen asetuksissa.',
  when: 'Milloin', now: 'Nyt', later: 'Tiettynä ajankohtana', sendAt: 'Päivä ja kellonaika',
  sendAtHint: (tz) => `Organisaation aikavyöhykkeellä (${tz}).`,
  badDateTime: 'Anna päivä ja kellonaika, esim. 2026-12-24 09:00.', pastDateTime: 'Valitse tuleva ajankohta.',
  reminder: 'Muistutus (päivän kuluttua, valinnainen)', reminderHint: 'Yksi muistutus niille, jotka eivät ole vastanneet. Jätä tyhjäksi, jos et halua muistutusta.',
  check: 'Tarkista', previewHeading: 'Tarkista ennen lähettämistä',
  contacts: { one: '# vastaanottajalle', other: '# vastaanottajalle' },
  people: { one: '# vastaanottaja', other: '# vastaanottajaa' },
  leftOutOf: (out, all) => `${formatNumber(out, 'fi')} jätetään pois (yhteensä ${all})`,
  noneLeftOut: 'ketään ei jätetä pois',
  nobodyPreview: 'Kukaan ei saisi kutsua',
  reasons: {
    unsubscribed: { one: '# perunut tilauksen', other: '# perunut tilauksen' },
    no_consent: { one: '# ilman suostumusta', other: '# ilman suostumusta' },
    invalid_address: { one: '# virheellinen osoite', other: '# virheellistä osoitetta' },
    survey_closed: { one: '# koska kysely ei ole avoinna', other: '# koska kysely ei ole avoinna' },
    expired: { one: '# vanhentunut', other: '# vanhentunutta' },
    sampled_out: { one: '# ei otoksessa', other: '# ei otoksessa' },
  },
  noAddress: {
    email: { one: '# ilman sähköpostiosoitetta', other: '# ilman sähköpostiosoitetta' },
    sms: { one: '# ilman puhelinnumeroa', other: '# ilman puhelinnumeroa' },
    both: { one: '# ilman sähköpostiosoitetta tai puhelinnumeroa', other: '# ilman sähköpostiosoitetta tai puhelinnumeroa' },
  },
  askedWithin: (days) => (days === 1 ? { one: '# kysytty viimeisen vuorokauden aikana', other: '# kysytty viimeisen vuorokauden aikana' }
    : { one: `# kysytty viimeisten ${days} päivän aikana`, other: `# kysytty viimeisten ${days} päivän aikana` }),
  channelHead: 'Kanavittain', viaChannel: { email: (c) => `sähköpostilla ${c}`, sms: (c) => `tekstiviestillä ${c}` },
  languageHead: 'Kielittäin',
  fallback: (n, l) => (n === 1 ? `1 vastaanottaja saa kyselyn oletuskielellä (${l}), koska kyselyä ei ole hänen kielellään.`
    : `${formatNumber(n, 'fi')} vastaanottajaa saa kyselyn oletuskielellä (${l}), koska kyselyä ei ole heidän kielellään.`),
  willSend: (c) => `Lähetetään ${c}`,
  sendTo: (c) => `Lähetä ${c}`,
  nobody: 'Tätä kyselyä ei voi nyt lähettää kenellekään.',
  change: 'Muuta',
  sendsTitle: (s) => `Lähetykset: ${s}`,
  sendsIntro: 'Kyselyn lähetykset, kenelle ja miten, ja kuinka pitkälle kukin on edennyt.',
  noSends: 'Kyselyä ei ole vielä lähetetty.',
  newSend: 'Lähetä ihmisille',
  sendsCaption: 'Kyselyn lähetykset',
  columns: { when: 'Milloin', audience: 'Kenelle', channel: 'Miten', status: 'Tila', invited: 'Kutsuttu', leftOut: 'Jätetty pois', delivered: 'Toimitettu', funnel: 'Eteneminen' },
  scheduled: 'Odottaa lähetystä', launched: 'Lähetetty', everyone: 'Kaikki yhteystiedot', cohort: (q) => `Neljänneksen ${q} kohortti`, inSegment: (g) => `Segmentti ${g}`,
  channelWords: { email: 'Sähköposti', sms: 'Tekstiviesti', both: 'Sähköposti tai tekstiviesti' },
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
  title: (s) => `Skicka till personer: ${s}`,
  intro: 'Skicka en inbjudan att svara på enkäten per e-post eller sms. Kontakter som inte samtyckt till enkäter den vägen, har avregistrerat sig eller tillfrågats nyligen utelämnas.',
  notActive: { draft: 'Enkäten är ett utkast: publicera den innan du skickar den.', closed: 'Enkäten är stängd: öppna den igen innan du skickar den.' },
  publish: 'Publicera enkäten',
  audience: 'Till vem',
  audiences: { all: 'Alla kontakter som får kontaktas', segment: 'Kontakterna i ett segment', cohort: 'Ett kvartals kohort' },
  segment: 'Segment', noSegments: 'Ingen kontakt har ett segment ännu.', unknownSegment: (g) => `Ingen kontakt finns i segmentet ”${g}”. Välj ett i listan.`,
  quarter: 'Kvartal', quarterHint: 'Varje kontakt hör till en av fyra kohorter och tillfrågas en gång om året: ett kvartal bjuder in sin kohort.',
  quarterTaken: (q) => `Enkäten har redan skickats till kohorten för kvartal ${q}. Välj ett annat kvartal.`, quarterSent: (q) => `${q} (redan skickat)`,
  channel: 'Hur',
  channels: { email: 'Per e-post', sms: 'Per sms', both: 'Per e-post, och per sms till dem som inte kan nås per e-post' },
  smsUnavailable: 'Sms kan inte skickas: ingen sms-tjänst har ställts in för Kaiku. En administratör kan ställa in en i serverns inställningar.',
  when: 'När', now: 'Nu', later: 'Vid en viss tidpunkt', sendAt: 'Datum och tid',
  sendAtHint: (tz) => `I organisationens tidszon (${tz}).`,
  badDateTime: 'Ange datum och tid, till exempel 2026-12-24 09:00.', pastDateTime: 'Välj en tidpunkt i framtiden.',
  reminder: 'Påminnelse efter (dagar, valfritt)', reminderHint: 'En påminnelse till dem som inte svarat. Lämna tomt för ingen.',
  check: 'Kontrollera', previewHeading: 'Kontrollera innan du skickar',
  contacts: { one: '# kontakt', other: '# kontakter' },
  people: { one: '# kontakt', other: '# kontakter' },
  leftOutOf: (out, all) => `${formatNumber(out, 'sv')} av ${all} utelämnas`,
  noneLeftOut: 'ingen utelämnas',
  nobodyPreview: 'Ingen skulle få den',
  reasons: {
    unsubscribed: { one: '# har avregistrerat sig', other: '# har avregistrerat sig' },
    no_consent: { one: '# utan samtycke', other: '# utan samtycke' },
    invalid_address: { one: '# med ogiltig adress', other: '# med ogiltig adress' },
    survey_closed: { one: '# eftersom enkäten inte är öppen', other: '# eftersom enkäten inte är öppen' },
    expired: { one: '# har gått ut', other: '# har gått ut' },
    sampled_out: { one: '# inte i urvalet', other: '# inte i urvalet' },
  },
  noAddress: {
    email: { one: '# utan e-postadress', other: '# utan e-postadress' },
    sms: { one: '# utan telefonnummer', other: '# utan telefonnummer' },
    both: { one: '# utan e-postadress eller telefonnummer', other: '# utan e-postadress eller telefonnummer' },
  },
  askedWithin: (days) => (days === 1 ? { one: '# tillfrågad det senaste dygnet', other: '# tillfrågade det senaste dygnet' }
    : { one: `# tillfrågad under de senaste ${days} dagarna`, other: `# tillfrågade under de senaste ${days} dagarna` }),
  channelHead: 'Per kanal', viaChannel: { email: (c) => `${c} per e-post`, sms: (c) => `${c} per sms` },
  languageHead: 'Per språk',
  fallback: (n, l) => (n === 1 ? `1 kontakt får enkätens standardspråk, ${l}, eftersom enkäten inte finns på kontaktens språk.`
    : `${formatNumber(n, 'sv')} kontakter får enkätens standardspråk, ${l}, eftersom enkäten inte finns på deras språk.`),
  willSend: (c) => `Skickas till ${c}`,
  sendTo: (c) => `Skicka till ${c}`,
  nobody: 'Ingen kontakt kan få den här enkäten nu.',
  change: 'Ändra',
  sendsTitle: (s) => `Utskick: ${s}`,
  sendsIntro: 'Enkätens utskick, till vem och hur, och hur långt vart och ett har kommit.',
  noSends: 'Enkäten har inte skickats ännu.',
  newSend: 'Skicka till personer',
  sendsCaption: 'Enkätens utskick',
  columns: { when: 'När', audience: 'Till vem', channel: 'Hur', status: 'Status', invited: 'Inbjudna', leftOut: 'Utelämnade', delivered: 'Levererade', funnel: 'Förlopp' },
  scheduled: 'Väntar på att skickas', launched: 'Skickat', everyone: 'Alla kontakter', cohort: (q) => `Kohorten för kvartal ${q}`, inSegment: (g) => `Segment ${g}`,
  channelWords: { email: 'E-post', sms: 'Sms', both: 'E-post eller sms' },
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
  title: (s) => `Wyślij do osób: ${s}`,
  intro: 'Wyślij zaproszenie do wypełnienia ankiety e-mailem lub SMS-em. Pominięte zostaną kontakty bez zgody na ankiety tą drogą, wypisane lub pytane niedawno.',
  notActive: { draft: 'Ankieta jest szkicem: opublikuj ją przed wysłaniem.', closed: 'Ankieta jest zamknięta: otwórz ją ponownie przed wysłaniem.' },
  publish: 'Opublikuj ankietę',
  audience: 'Do kogo',
  audiences: { all: 'Wszystkie kontakty, z którymi można się kontaktować', segment: 'Kontakty z jednego segmentu', cohort: 'Kohorta jednego kwartału' },
  segment: 'Segment', noSegments: 'Żaden kontakt nie ma jeszcze segmentu.', unknownSegment: (g) => `W segmencie „${g}” nie ma kontaktów. Wybierz segment z listy.`,
  quarter: 'Kwartał', quarterHint: 'Każdy kontakt należy do jednej z czterech kohort i jest pytany raz w roku: każdy kwartał zaprasza swoją kohortę.',
  quarterTaken: (q) => `Ankieta została już wysłana do kohorty kwartału ${q}. Wybierz inny kwartał.`, quarterSent: (q) => `${q} (już wysłano)`,
  channel: 'Jak',
  channels: { email: 'E-mailem', sms: 'SMS-em', both: 'E-mailem, a SMS-em do tych, do których nie można napisać e-maila' },
  smsUnavailable: 'Nie można wysyłać SMS-ów: w Kaiku nie skonfigurowano usługi SMS. Administrator może ją skonfigurować w ustawieniach serwera.',
  when: 'Kiedy', now: 'Teraz', later: 'W wybranym terminie', sendAt: 'Data i godzina',
  sendAtHint: (tz) => `W strefie czasowej organizacji (${tz}).`,
  badDateTime: 'Podaj datę i godzinę, np. 2026-12-24 09:00.', pastDateTime: 'Wybierz termin w przyszłości.',
  reminder: 'Przypomnienie po (dniach, opcjonalnie)', reminderHint: 'Jedno przypomnienie dla tych, którzy nie odpowiedzieli. Zostaw puste, aby nie wysyłać.',
  check: 'Sprawdź', previewHeading: 'Sprawdź przed wysłaniem',
  contacts: { one: '# kontaktu', few: '# kontaktów', many: '# kontaktów', other: '# kontaktu' },
  people: { one: '# kontakt', few: '# kontakty', many: '# kontaktów', other: '# kontaktu' },
  leftOutOf: (out, all) => `pominięto ${formatNumber(out, 'pl')} z ${all}`,
  noneLeftOut: 'nikt nie zostanie pominięty',
  nobodyPreview: 'Nikt by jej nie otrzymał',
  reasons: {
    unsubscribed: { one: 'wypisani: #', other: 'wypisani: #' },
    no_consent: { one: 'bez zgody: #', other: 'bez zgody: #' },
    invalid_address: { one: 'z błędnym adresem: #', other: 'z błędnym adresem: #' },
    survey_closed: { one: 'ankieta nie jest otwarta: #', other: 'ankieta nie jest otwarta: #' },
    expired: { one: 'po terminie: #', other: 'po terminie: #' },
    sampled_out: { one: 'poza próbą: #', other: 'poza próbą: #' },
  },
  noAddress: {
    email: { one: 'bez adresu e-mail: #', other: 'bez adresu e-mail: #' },
    sms: { one: 'bez numeru telefonu: #', other: 'bez numeru telefonu: #' },
    both: { one: 'bez adresu e-mail i numeru telefonu: #', other: 'bez adresu e-mail i numeru telefonu: #' },
  },
  askedWithin: (days) => (days === 1 ? { one: 'pytani w ciągu ostatniej doby: #', other: 'pytani w ciągu ostatniej doby: #' }
    : { one: `pytani w ciągu ostatnich ${days} dni: #`, other: `pytani w ciągu ostatnich ${days} dni: #` }),
  channelHead: 'Według kanału', viaChannel: { email: (c) => `e-mailem ${c}`, sms: (c) => `SMS-em ${c}` },
  languageHead: 'Według języka',
  fallback: (n, l) => `${plural('pl', n, { one: '# kontakt otrzyma', few: '# kontakty otrzymają', many: '# kontaktów otrzyma', other: '# kontaktu otrzyma' }, (x) => formatNumber(x, 'pl'))} ankietę w języku domyślnym (${l}), bo ankieta nie ma ich języka.`,
  willSend: (c) => `Zostanie wysłana do ${c}`,
  sendTo: (c) => `Wyślij do ${c}`,
  nobody: 'Tej ankiety nie można teraz wysłać do nikogo.',
  change: 'Zmień',
  sendsTitle: (s) => `Wysyłki: ${s}`,
  sendsIntro: 'Wysyłki tej ankiety, do kogo i jak, oraz jak daleko doszła każda z nich.',
  noSends: 'Ta ankieta nie została jeszcze wysłana.',
  newSend: 'Wyślij do osób',
  sendsCaption: 'Wysyłki ankiety',
  columns: { when: 'Kiedy', audience: 'Do kogo', channel: 'Jak', status: 'Stan', invited: 'Zaproszeni', leftOut: 'Pominięci', delivered: 'Doręczone', funnel: 'Postęp' },
  scheduled: 'Czeka na wysłanie', launched: 'Wysłana', everyone: 'Wszystkie kontakty', cohort: (q) => `Kohorta kwartału ${q}`, inSegment: (g) => `Segment ${g}`,
  channelWords: { email: 'E-mail', sms: 'SMS', both: 'E-mail lub SMS' },
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
