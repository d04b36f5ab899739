/** Texts of the contacts pages (/app/contacts, /app/contacts/:id) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';

export type ConsentFilter = 'email' | 'sms' | 'none' | 'withdrawn';

export interface ContactsStrings {
  title: string; intro: string; filtersHeading: string; search: string; searchHint: string;
  segment: string; anySegment: string; persona: string; anyPersona: string; cohort: string; anyCohort: string; cohortN: (n: number) => string;
  consent: string; anyConsent: string; consents: Record<ConsentFilter, string>; apply: string; reset: string;
  caption: (count: number, more: boolean) => string; empty: string; emptyFiltered: string; noName: string;
  columns: { name: string; email: string; phone: string; language: string; segment: string; persona: string; consent: string };
  consentSummary: (email: boolean, sms: boolean, withdrawn: boolean) => string;
  invalidFilter: string; importLink: string;
  details: string; externalId: string; timeZone: string; created: string;
  consentHeading: string; consentEmail: string; consentSms: string; given: string; notGiven: string; withdrawnAt: string; updatedAt: string;
  answersHeading: string; noAnswers: string; survey: string; submitted: string; nps: string; channel: string;
  casesHeading: string; noCases: string; caseTitle: string; caseStatus: string;
  back: string;
}

const pl = (n: number, forms: Record<'one' | 'few' | 'many' | 'other', string>) => forms[new Intl.PluralRules('pl').select(n) as 'one' | 'few' | 'many' | 'other'] ?? forms.other;
const one = (locale: string, n: number, single: string, plural: string) => (new Intl.PluralRules(locale).select(n) === 'one' ? single : plural);

const fi: ContactsStrings = {
  title: 'Yhteystiedot', intro: 'Asiakkaat, joille kyselyitä voi lähettää: haku, rajaukset ja kunkin omat vastaukset, tapaukset ja suostumukset.',
  filtersHeading: 'Rajaukset', search: 'Haku', searchHint: 'Osa nimestä, sähköpostista tai tunnisteesta',
  segment: 'Segmentti', anySegment: 'Kaikki segmentit', persona: 'Persoona', anyPersona: 'Kaikki persoonat', cohort: 'Kohortti', anyCohort: 'Kaikki kohortit',
  cohortN: (n) => `Kohortti ${n}`, consent: 'Suostumus', anyConsent: 'Kaikki',
  consents: { email: 'Sähköpostikyselyt sallittu', sms: 'Tekstiviestikyselyt sallittu', none: 'Ei suostumusta', withdrawn: 'Suostumus peruttu' },
  apply: 'Näytä', reset: 'Tyhjennä rajaukset',
  caption: (n, more) => `${n} ${one('fi', n, 'yhteystieto', 'yhteystietoa')}${more ? ' tällä sivulla' : ''}`,
  empty: 'Yhteystietoja ei ole vielä. Tuo ne CSV- tai Excel-tiedostosta.', emptyFiltered: 'Rajauksilla ei löytynyt yhteystietoja.', noName: '(ei nimeä)',
  columns: { name: 'Nimi', email: 'Sähköposti', phone: 'Puhelin', language: 'Kieli', segment: 'Segmentti', persona: 'Persoona', consent: 'Suostumus' },
  consentSummary: (e, s, w) => (w ? 'Peruttu' : e && s ? 'Sähköposti ja tekstiviesti' : e ? 'Sähköposti' : s ? 'Tekstiviesti' : 'Ei suostumusta'),
  invalidFilter: 'Rajaus ei kelpaa, eikä sitä käytetty', importLink: 'Tuo yhteystietoja',
  details: 'Tiedot', externalId: 'Tunniste', timeZone: 'Aikavyöhyke', created: 'Lisätty',
  consentHeading: 'Suostumukset', consentEmail: 'Kyselyt sähköpostilla', consentSms: 'Kyselyt tekstiviestillä', given: 'Annettu', notGiven: 'Ei annettu',
  withdrawnAt: 'Peruttu', updatedAt: 'Viimeksi muutettu',
  answersHeading: 'Vastaukset', noAnswers: 'Ei vastauksia.', survey: 'Kysely', submitted: 'Vastattu', nps: 'Suositteluhalukkuus (0–10)', channel: 'Kanava',
  casesHeading: 'Tapaukset', noCases: 'Ei tapauksia.', caseTitle: 'Otsikko', caseStatus: 'Tila',
  back: 'Takaisin yhteystietoihin',
};

const sv: ContactsStrings = {
  title: 'Kontakter', intro: 'Kunder som kan få enkäter: sök, filter och var och ens svar, ärenden och samtycken.',
  filtersHeading: 'Filter', search: 'Sök', searchHint: 'Del av namn, e-post eller id',
  segment: 'Segment', anySegment: 'Alla segment', persona: 'Persona', anyPersona: 'Alla personor', cohort: 'Kohort', anyCohort: 'Alla kohorter',
  cohortN: (n) => `Kohort ${n}`, consent: 'Samtycke', anyConsent: 'Alla',
  consents: { email: 'Enkäter per e-post tillåtna', sms: 'Enkäter per sms tillåtna', none: 'Inget samtycke', withdrawn: 'Samtycke återkallat' },
  apply: 'Visa', reset: 'Rensa filter',
  caption: (n, more) => `${n} ${one('sv', n, 'kontakt', 'kontakter')}${more ? ' på den här sidan' : ''}`,
  empty: 'Inga kontakter ännu. Importera dem från en CSV- eller Excel-fil.', emptyFiltered: 'Inga kontakter matchar filtren.', noName: '(inget namn)',
  columns: { name: 'Namn', email: 'E-post', phone: 'Telefon', language: 'Språk', segment: 'Segment', persona: 'Persona', consent: 'Samtycke' },
  consentSummary: (e, s, w) => (w ? 'Återkallat' : e && s ? 'E-post och sms' : e ? 'E-post' : s ? 'Sms' : 'Inget samtycke'),
  invalidFilter: 'Filtret är ogiltigt och användes inte', importLink: 'Importera kontakter',
  details: 'Uppgifter', externalId: 'Id', timeZone: 'Tidszon', created: 'Tillagd',
  consentHeading: 'Samtycken', consentEmail: 'Enkäter per e-post', consentSms: 'Enkäter per sms', given: 'Givet', notGiven: 'Inte givet',
  withdrawnAt: 'Återkallat', updatedAt: 'Senast ändrad',
  answersHeading: 'Svar', noAnswers: 'Inga svar.', survey: 'Enkät', submitted: 'Besvarad', nps: 'Rekommendationsvilja (0–10)', channel: 'Kanal',
  casesHeading: 'Ärenden', noCases: 'Inga ärenden.', caseTitle: 'Rubrik', caseStatus: 'Status',
  back: 'Tillbaka till kontakterna',
};

const en: ContactsStrings = {
  title: 'Contacts', intro: 'The customers surveys can be sent to: search, filters, and each one’s answers, cases and consent.',
  filtersHeading: 'Filters', search: 'Search', searchHint: 'Part of a name, e-mail address or id',
  segment: 'Segment', anySegment: 'All segments', persona: 'Persona', anyPersona: 'All personas', cohort: 'Cohort', anyCohort: 'All cohorts',
  cohortN: (n) => `Cohort ${n}`, consent: 'Consent', anyConsent: 'Any',
  consents: { email: 'E-mail surveys allowed', sms: 'SMS surveys allowed', none: 'No consent', withdrawn: 'Consent withdrawn' },
  apply: 'Show', reset: 'Clear filters',
  caption: (n, more) => `${n} ${one('en', n, 'contact', 'contacts')}${more ? ' on this page' : ''}`,
  empty: 'No contacts yet. Import them from a CSV or Excel file.', emptyFiltered: 'No contacts match the filters.', noName: '(no name)',
  columns: { name: 'Name', email: 'E-mail', phone: 'Phone', language: 'Language', segment: 'Segment', persona: 'Persona', consent: 'Consent' },
  consentSummary: (e, s, w) => (w ? 'Withdrawn' : e && s ? 'E-mail and SMS' : e ? 'E-mail' : s ? 'SMS' : 'No consent'),
  invalidFilter: 'A filter is not valid and was not used', importLink: 'Import contacts',
  details: 'Details', externalId: 'Id', timeZone: 'Time zone', created: 'Added',
  consentHeading: 'Consent', consentEmail: 'Surveys by e-mail', consentSms: 'Surveys by SMS', given: 'Given', notGiven: 'Not given',
  withdrawnAt: 'Withdrawn', updatedAt: 'Last changed',
  answersHeading: 'Answers', noAnswers: 'No answers.', survey: 'Survey', submitted: 'Answered', nps: 'Likelihood to recommend (0–10)', channel: 'Channel',
  casesHeading: 'Cases', noCases: 'No cases.', caseTitle: 'Title', caseStatus: 'Status',
  back: 'Back to contacts',
};

const plStrings: ContactsStrings = {
  title: 'Kontakty', intro: 'Klienci, do których można wysyłać ankiety: wyszukiwanie, filtry oraz odpowiedzi, sprawy i zgody każdego z nich.',
  filtersHeading: 'Filtry', search: 'Szukaj', searchHint: 'Część imienia, adresu e-mail lub identyfikatora',
  segment: 'Segment', anySegment: 'Wszystkie segmenty', persona: 'Persona', anyPersona: 'Wszystkie persony', cohort: 'Kohorta', anyCohort: 'Wszystkie kohorty',
  cohortN: (n) => `Kohorta ${n}`, consent: 'Zgoda', anyConsent: 'Dowolna',
  consents: { email: 'Ankiety e-mailem dozwolone', sms: 'Ankiety SMS-em dozwolone', none: 'Brak zgody', withdrawn: 'Zgoda wycofana' },
  apply: 'Pokaż', reset: 'Wyczyść filtry',
  caption: (n, more) => `${n} ${pl(n, { one: 'kontakt', few: 'kontakty', many: 'kontaktów', other: 'kontaktu' })}${more ? ' na tej stronie' : ''}`,
  empty: 'Nie ma jeszcze kontaktów. Zaimportuj je z pliku CSV lub Excel.', emptyFiltered: 'Żaden kontakt nie pasuje do filtrów.', noName: '(bez nazwy)',
  columns: { name: 'Nazwa', email: 'E-mail', phone: 'Telefon', language: 'Język', segment: 'Segment', persona: 'Persona', consent: 'Zgoda' },
  consentSummary: (e, s, w) => (w ? 'Wycofana' : e && s ? 'E-mail i SMS' : e ? 'E-mail' : s ? 'SMS' : 'Brak zgody'),
  invalidFilter: 'Filtr jest nieprawidłowy i nie został użyty', importLink: 'Importuj kontakty',
  details: 'Dane', externalId: 'Identyfikator', timeZone: 'Strefa czasowa', created: 'Dodano',
  consentHeading: 'Zgody', consentEmail: 'Ankiety e-mailem', consentSms: 'Ankiety SMS-em', given: 'Udzielona', notGiven: 'Nieudzielona',
  withdrawnAt: 'Wycofana', updatedAt: 'Ostatnia zmiana',
  answersHeading: 'Odpowiedzi', noAnswers: 'Brak odpowiedzi.', survey: 'Ankieta', submitted: 'Odpowiedziano', nps: 'Skłonność do polecenia (0–10)', channel: 'Kanał',
  casesHeading: 'Sprawy', noCases: 'Brak spraw.', caseTitle: 'Tytuł', caseStatus: 'Status',
  back: 'Powrót do kontaktów',
};

const byLanguage: Record<UiLanguage, ContactsStrings> = { fi, sv, en, pl: plStrings };
export const contactsText = (language: UiLanguage): ContactsStrings => byLanguage[language];
