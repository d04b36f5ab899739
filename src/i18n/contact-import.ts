/** Texts of the contact import page (/app/contacts/import) in Finnish, Swedish, English and Polish. */
import type { ColumnTarget } from '../contacts/import.ts';
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

/** Why a row was refused, by the field it names ('value' is the cell's text). */
export type ProblemWords = Partial<Record<ColumnTarget, (value: string) => string>>;

export interface ContactImportStrings {
  title: string;
  intro: string;
  fileLabel: string;
  fileHint: (megabytes: number) => string;
  columnsHeading: string;
  columnsIntro: string;
  columnNotes: Array<[column: string, meaning: string]>;
  upload: string;
  noFile: string;
  wrongType: string;
  tooLarge: (megabytes: number) => string;
  unreadable: string;
  empty: string;
  mappingHeading: string;
  mappingIntro: (fileName: string, rows: number) => string;
  columnLabel: (column: string) => string;
  targets: Record<ColumnTarget, string>;
  previewCaption: (shown: number) => string;
  checkHeading: string;
  checkSummary: (importable: number, problems: number) => string;
  problemsHeading: string;
  problemRow: (row: number, text: string) => string;
  moreProblems: (n: number) => string;
  /** Problems by field; `otherProblem` when the field is not one of them. */
  problems: ProblemWords;
  otherProblem: (reason: string) => string;
  checkAgain: string;
  importButton: string;
  chooseAnother: string;
  needExternalId: string;
  chosenTwice: (field: string) => string;
  resultTitle: string;
  imported: (n: number) => string;
  created: (n: number) => string;
  updated: (n: number) => string;
  unchanged: (n: number) => string;
  skipped: (n: number) => string;
  running: string;
  failed: string;
  backToContacts: string;
  anotherFile: string;
}

type Counted = 'checkSummary' | 'imported' | 'created' | 'updated' | 'unchanged' | 'skipped' | 'moreProblems';
type Source = Omit<ContactImportStrings, Counted> & {
  importable: PluralForms; withProblems: PluralForms; imported: PluralForms; created: PluralForms; updated: PluralForms;
  unchanged: PluralForms; skipped: PluralForms; moreProblems: PluralForms;
};

function strings(language: UiLanguage, s: Source): ContactImportStrings {
  const count = (forms: PluralForms) => (n: number) => plural(language, n, forms);
  return {
    ...s,
    checkSummary: (ok, bad) => (bad === 0 ? count(s.importable)(ok) : `${count(s.importable)(ok)}; ${count(s.withProblems)(bad)}`),
    imported: count(s.imported), created: count(s.created), updated: count(s.updated), unchanged: count(s.unchanged),
    skipped: count(s.skipped), moreProblems: count(s.moreProblems),
  };
}

const MB = (n: number) => `${n} Mt`;

const fi = strings('fi', {
  title: 'Tuo yhteystietoja',
  intro: 'Tuo asiakkaat CSV- tai Excel-tiedostosta (XLSX). Näet ennen tuontia, mitä kukin sarake täyttää ja mitkä rivit eivät kelpaa.',
  fileLabel: 'CSV- tai XLSX-tiedosto',
  fileHint: (n) => `Enintään ${MB(n)}. Ensimmäinen rivi nimeää sarakkeet.`,
  columnsHeading: 'Tiedoston sarakkeet',
  columnsIntro: 'Asiakasnumero on pakollinen: sen perusteella olemassa oleva yhteystieto päivitetään ja uusi lisätään. Muut sarakkeet ovat vapaaehtoisia, ja tyhjä solu jättää tiedon ennalleen. Sarakkeen voi valita myös seuraavassa vaiheessa.',
  columnNotes: [
    ['external_id', 'asiakasnumero (pakollinen), esim. CRM:n tunniste'],
    ['email, phone, name', 'sähköposti, puhelinnumero (0401234567 luetaan suomalaiseksi), nimi'],
    ['language, time_zone', 'kieli kahdella kirjaimella (fi, sv, en, pl), aikavyöhyke (Europe/Helsinki)'],
    ['segment, persona, plan', 'segmentti, persoona ja sopimus tekstinä'],
    ['consent_survey_email, consent_survey_sms', 'suostumus kyselyihin: kyllä tai ei'],
    ['revenue, tenure_months', 'liikevaihto numerona, asiakkuuden kesto kuukausina'],
    ['attr.<nimi>, op.<nimi>', 'muut tiedot ja operatiiviset luvut'],
  ],
  upload: 'Lataa ja tarkista',
  noFile: 'Valitse CSV- tai XLSX-tiedosto.',
  wrongType: 'Tiedosto ei ole CSV- eikä XLSX-tiedosto. Tallenna taulukko CSV-muodossa (pilkku- tai puolipiste-eroteltu) tai Excel-työkirjana (.xlsx).',
  tooLarge: (n) => `Tiedosto on suurempi kuin ${MB(n)}. Jaa se pienempiin tiedostoihin ja tuo ne yksi kerrallaan.`,
  unreadable: 'Tiedostoa ei voitu lukea. Tallenna se uudelleen CSV-muodossa (UTF-8) tai Excel-työkirjana ja yritä uudelleen.',
  empty: 'Tiedostossa ei ole rivejä. Ensimmäisen rivin pitää nimetä sarakkeet.',
  mappingHeading: 'Mitä kukin sarake sisältää',
  mappingIntro: (f, n) => `Tiedostossa ”${f}” on ${plural('fi', n, { one: '# rivi', other: '# riviä' })}. Valitse, minkä Kaikun tiedon kukin sarake täyttää. ”Älä tuo” -sarakkeet jätetään pois.`,
  columnLabel: (c) => `Sarake ”${c}”`,
  targets: {
    externalId: 'Asiakasnumero', email: 'Sähköposti', phone: 'Puhelin', name: 'Nimi', language: 'Kieli', segment: 'Segmentti', persona: 'Persoona',
    timeZone: 'Aikavyöhyke', consentSurveyEmail: 'Suostumus sähköpostikyselyihin', consentSurveySms: 'Suostumus tekstiviestikyselyihin',
    consentWithdrawnAt: 'Suostumus peruttu (aika)', revenue: 'Liikevaihto', tenureMonths: 'Asiakkuuden kesto (kk)', plan: 'Sopimus',
    attribute: 'Muu tieto', operational: 'Operatiivinen luku', ignore: 'Älä tuo',
  },
  previewCaption: (n) => `Tiedoston ${plural('fi', n, { one: 'ensimmäinen rivi', other: '# ensimmäistä riviä' })}`,
  checkHeading: 'Tarkistus',
  importable: { one: '# rivi voidaan tuoda', other: '# riviä voidaan tuoda' },
  withProblems: { one: '# rivissä on ongelma', other: '# rivissä on ongelmia' },
  problemsHeading: 'Rivit, joissa on ongelmia',
  problemRow: (r, text) => `Rivi ${r}: ${text}`,
  moreProblems: { one: '… ja # rivi lisää.', other: '… ja # riviä lisää.' },
  problems: {
    externalId: () => 'asiakasnumero puuttuu',
    email: (v) => `sähköposti ”${v}” ei ole sähköpostiosoite`,
    phone: (v) => `puhelin ”${v}” ei ole puhelinnumero`,
    language: (v) => `kieli ”${v}” ei ole kaksikirjaiminen kielikoodi (esim. fi, sv, en, pl)`,
    timeZone: (v) => `aikavyöhyke ”${v}” ei ole aikavyöhykkeen nimi (esim. Europe/Helsinki)`,
    consentSurveyEmail: (v) => `suostumus sähköpostikyselyihin ”${v}” ei ole kyllä tai ei`,
    consentSurveySms: (v) => `suostumus tekstiviestikyselyihin ”${v}” ei ole kyllä tai ei`,
    consentWithdrawnAt: (v) => `suostumuksen perumisaika ”${v}” ei ole mennyt ajankohta (esim. 1.3.2026 14:30), tai rivillä annetaan samalla suostumus`,
    revenue: (v) => `liikevaihto ”${v}” ei ole numero`,
    tenureMonths: (v) => `asiakkuuden kesto ”${v}” ei ole kokonainen määrä kuukausia`,
    attribute: () => 'muita tietoja on liikaa (enintään 16 kt)',
    operational: () => 'operatiivisia lukuja on liikaa (enintään 4 kt)',
  },
  otherProblem: (reason) => `rivi ei kelpaa (${reason})`,
  checkAgain: 'Tarkista uudelleen', importButton: 'Tuo yhteystiedot', chooseAnother: 'Valitse toinen tiedosto',
  needExternalId: 'Valitse sarake, jossa on asiakasnumero: yhteystiedot tunnistetaan sen perusteella.',
  chosenTwice: (f) => `${f} on valittu kahdelle sarakkeelle. Valitse se vain yhdelle.`,
  resultTitle: 'Tuonti valmis',
  imported: { one: '# yhteystieto tuotu', other: '# yhteystietoa tuotu' },
  created: { one: '# uusi', other: '# uutta' },
  updated: { one: '# päivitetty', other: '# päivitettyä' },
  unchanged: { one: '# oli jo ajan tasalla', other: '# oli jo ajan tasalla' },
  skipped: { one: '# rivi ohitettiin ongelman vuoksi', other: '# riviä ohitettiin ongelmien vuoksi' },
  running: 'Tiedostoa tuodaan parhaillaan. Lataa sivu hetken kuluttua uudelleen.',
  failed: 'Tuonti keskeytyi virheeseen. Osa riveistä on voitu tallentaa; saman tiedoston voi tuoda uudelleen turvallisesti.',
  backToContacts: 'Takaisin yhteystietoihin', anotherFile: 'Tuo toinen tiedosto',
});

const sv = strings('sv', {
  title: 'Importera kontakter',
  intro: 'Importera kunder från en CSV- eller Excel-fil (XLSX). Före importen ser du vad varje kolumn fyller i och vilka rader som inte godtas.',
  fileLabel: 'CSV- eller XLSX-fil',
  fileHint: (n) => `Högst ${n} MB. Första raden namnger kolumnerna.`,
  columnsHeading: 'Filens kolumner',
  columnsIntro: 'Kundnumret krävs: en befintlig kontakt med samma nummer uppdateras, annars läggs en ny till. Övriga kolumner är frivilliga, och en tom cell lämnar uppgiften som den är. Du kan också välja kolumnerna i nästa steg.',
  columnNotes: [
    ['external_id', 'kundnummer (krävs), t.ex. id i CRM-systemet'],
    ['email, phone, name', 'e-post, telefonnummer (0401234567 läses som finskt), namn'],
    ['language, time_zone', 'språk med två bokstäver (fi, sv, en, pl), tidszon (Europe/Helsinki)'],
    ['segment, persona, plan', 'segment, persona och avtal som text'],
    ['consent_survey_email, consent_survey_sms', 'samtycke till enkäter: ja eller nej'],
    ['revenue, tenure_months', 'omsättning som tal, kundförhållandets längd i månader'],
    ['attr.<namn>, op.<namn>', 'övriga uppgifter och operativa tal'],
  ],
  upload: 'Ladda upp och kontrollera',
  noFile: 'Välj en CSV- eller XLSX-fil.',
  wrongType: 'Filen är varken en CSV- eller en XLSX-fil. Spara kalkylbladet som CSV (komma- eller semikolonseparerad) eller som Excel-arbetsbok (.xlsx).',
  tooLarge: (n) => `Filen är större än ${n} MB. Dela upp den i mindre filer och importera dem en i taget.`,
  unreadable: 'Filen kunde inte läsas. Spara den på nytt som CSV (UTF-8) eller som Excel-arbetsbok och försök igen.',
  empty: 'Filen har inga rader. Första raden måste namnge kolumnerna.',
  mappingHeading: 'Vad varje kolumn innehåller',
  mappingIntro: (f, n) => `Filen ”${f}” har ${plural('sv', n, { one: '# rad', other: '# rader' })}. Välj vilken uppgift i Kaiku varje kolumn fyller i. Kolumner med ”Importera inte” lämnas bort.`,
  columnLabel: (c) => `Kolumnen ”${c}”`,
  targets: {
    externalId: 'Kundnummer', email: 'E-post', phone: 'Telefon', name: 'Namn', language: 'Språk', segment: 'Segment', persona: 'Persona',
    timeZone: 'Tidszon', consentSurveyEmail: 'Samtycke till enkäter per e-post', consentSurveySms: 'Samtycke till enkäter per sms',
    consentWithdrawnAt: 'Samtycke återkallat (tid)', revenue: 'Omsättning', tenureMonths: 'Kund i (månader)', plan: 'Avtal',
    attribute: 'Övrig uppgift', operational: 'Operativt tal', ignore: 'Importera inte',
  },
  previewCaption: (n) => `${plural('sv', n, { one: 'Filens första rad', other: 'Filens # första rader' })}`,
  checkHeading: 'Kontroll',
  importable: { one: '# rad kan importeras', other: '# rader kan importeras' },
  withProblems: { one: '# har ett problem', other: '# har problem' },
  problemsHeading: 'Rader med problem',
  problemRow: (r, text) => `Rad ${r}: ${text}`,
  moreProblems: { one: '… och # rad till.', other: '… och # rader till.' },
  problems: {
    externalId: () => 'kundnumret saknas',
    email: (v) => `e-post ”${v}” är ingen e-postadress`,
    phone: (v) => `telefon ”${v}” är inget telefonnummer`,
    language: (v) => `språk ”${v}” är ingen språkkod med två bokstäver (t.ex. fi, sv, en, pl)`,
    timeZone: (v) => `tidszon ”${v}” är inget tidszonsnamn (t.ex. Europe/Helsinki)`,
    consentSurveyEmail: (v) => `samtycke till enkäter per e-post ”${v}” är inte ja eller nej`,
    consentSurveySms: (v) => `samtycke till enkäter per sms ”${v}” är inte ja eller nej`,
    consentWithdrawnAt: (v) => `tiden för återkallat samtycke ”${v}” är ingen passerad tidpunkt (t.ex. 1.3.2026 14:30), eller så ges samtycke på samma rad`,
    revenue: (v) => `omsättning ”${v}” är inget tal`,
    tenureMonths: (v) => `kund i ”${v}” är inget helt antal månader`,
    attribute: () => 'för mycket övriga uppgifter (högst 16 kB)',
    operational: () => 'för många operativa tal (högst 4 kB)',
  },
  otherProblem: (reason) => `raden godtas inte (${reason})`,
  checkAgain: 'Kontrollera igen', importButton: 'Importera kontakterna', chooseAnother: 'Välj en annan fil',
  needExternalId: 'Välj kolumnen med kundnumret: kontakterna känns igen på det.',
  chosenTwice: (f) => `${f} är vald för två kolumner. Välj den för en enda.`,
  resultTitle: 'Importen är klar',
  imported: { one: '# kontakt importerad', other: '# kontakter importerade' },
  created: { one: '# ny', other: '# nya' },
  updated: { one: '# uppdaterad', other: '# uppdaterade' },
  unchanged: { one: '# var redan aktuell', other: '# var redan aktuella' },
  skipped: { one: '# rad hoppades över på grund av ett problem', other: '# rader hoppades över på grund av problem' },
  running: 'Filen importeras just nu. Ladda om sidan om en stund.',
  failed: 'Importen avbröts av ett fel. En del rader kan ha sparats; samma fil kan importeras igen utan risk.',
  backToContacts: 'Tillbaka till kontakterna', anotherFile: 'Importera en annan fil',
});

const en = strings('en', {
  title: 'Import contacts',
  intro: 'Import customers from a CSV or Excel (XLSX) file. Before importing you see what each column fills in and which rows are not accepted.',
  fileLabel: 'CSV or XLSX file',
  fileHint: (n) => `At most ${n} MB. The first row names the columns.`,
  columnsHeading: 'Columns of the file',
  columnsIntro: 'The customer number is required: a contact with the same number is updated, otherwise a new one is added. Other columns are optional, and an empty cell leaves that detail as it is. You can also choose the columns in the next step.',
  columnNotes: [
    ['external_id', 'customer number (required), e.g. the id in your CRM'],
    ['email, phone, name', 'e-mail, phone number (0401234567 is read as Finnish), name'],
    ['language, time_zone', 'two-letter language (fi, sv, en, pl), time zone (Europe/Helsinki)'],
    ['segment, persona, plan', 'segment, persona and plan as text'],
    ['consent_survey_email, consent_survey_sms', 'consent to surveys: yes or no'],
    ['revenue, tenure_months', 'revenue as a number, months as a customer'],
    ['attr.<name>, op.<name>', 'other details and operational figures'],
  ],
  upload: 'Upload and check',
  noFile: 'Choose a CSV or XLSX file.',
  wrongType: 'The file is not a CSV or XLSX file. Save the spreadsheet as CSV (comma- or semicolon-separated) or as an Excel workbook (.xlsx).',
  tooLarge: (n) => `The file is larger than ${n} MB. Split it into smaller files and import them one at a time.`,
  unreadable: 'The file could not be read. Save it again as CSV (UTF-8) or as an Excel workbook and try again.',
  empty: 'The file has no rows. The first row must name the columns.',
  mappingHeading: 'What each column holds',
  mappingIntro: (f, n) => `The file “${f}” has ${plural('en', n, { one: '# row', other: '# rows' })}. Choose the Kaiku field each column fills in. Columns set to “Do not import” are left out.`,
  columnLabel: (c) => `Column “${c}”`,
  targets: {
    externalId: 'Customer number', email: 'E-mail', phone: 'Phone', name: 'Name', language: 'Language', segment: 'Segment', persona: 'Persona',
    timeZone: 'Time zone', consentSurveyEmail: 'Consent to surveys by e-mail', consentSurveySms: 'Consent to surveys by SMS',
    consentWithdrawnAt: 'Consent withdrawn (time)', revenue: 'Revenue', tenureMonths: 'Customer for (months)', plan: 'Plan',
    attribute: 'Other detail', operational: 'Operational figure', ignore: 'Do not import',
  },
  previewCaption: (n) => plural('en', n, { one: 'The first row of the file', other: 'The first # rows of the file' }),
  checkHeading: 'Check',
  importable: { one: '# row can be imported', other: '# rows can be imported' },
  withProblems: { one: '# has a problem', other: '# have problems' },
  problemsHeading: 'Rows with problems',
  problemRow: (r, text) => `Row ${r}: ${text}`,
  moreProblems: { one: '… and # more row.', other: '… and # more rows.' },
  problems: {
    externalId: () => 'the customer number is missing',
    email: (v) => `e-mail '${v}' is not an e-mail address`,
    phone: (v) => `phone '${v}' is not a phone number`,
    language: (v) => `language '${v}' is not a two-letter language code (e.g. fi, sv, en, pl)`,
    timeZone: (v) => `time zone '${v}' is not a time zone name (e.g. Europe/Helsinki)`,
    consentSurveyEmail: (v) => `consent to surveys by e-mail '${v}' is not yes or no`,
    consentSurveySms: (v) => `consent to surveys by SMS '${v}' is not yes or no`,
    consentWithdrawnAt: (v) => `consent withdrawn '${v}' is not a past date and time (e.g. 2026-03-01 14:30), or consent is given on the same row`,
    revenue: (v) => `revenue '${v}' is not a number`,
    tenureMonths: (v) => `customer for '${v}' is not a whole number of months`,
    attribute: () => 'the other details are too long (at most 16 KB)',
    operational: () => 'the operational figures are too long (at most 4 KB)',
  },
  otherProblem: (reason) => `the row is not accepted (${reason})`,
  checkAgain: 'Check again', importButton: 'Import contacts', chooseAnother: 'Choose another file',
  needExternalId: 'Choose the column that holds the customer number: contacts are recognised by it.',
  chosenTwice: (f) => `${f} is chosen for two columns. Choose it for one only.`,
  resultTitle: 'Import finished',
  imported: { one: '# contact imported', other: '# contacts imported' },
  created: { one: '# new', other: '# new' },
  updated: { one: '# updated', other: '# updated' },
  unchanged: { one: '# already up to date', other: '# already up to date' },
  skipped: { one: '# row skipped because of a problem', other: '# rows skipped because of problems' },
  running: 'The file is being imported. Reload the page in a moment.',
  failed: 'The import stopped with an error. Some rows may have been stored; the same file can safely be imported again.',
  backToContacts: 'Back to contacts', anotherFile: 'Import another file',
});

const pl = strings('pl', {
  title: 'Importuj kontakty',
  intro: 'Zaimportuj klientów z pliku CSV lub Excel (XLSX). Przed importem zobaczysz, co wypełnia każda kolumna i które wiersze nie zostaną przyjęte.',
  fileLabel: 'Plik CSV lub XLSX',
  fileHint: (n) => `Najwyżej ${n} MB. Pierwszy wiersz nazywa kolumny.`,
  columnsHeading: 'Kolumny pliku',
  columnsIntro: 'Numer klienta jest wymagany: kontakt z tym samym numerem zostanie zaktualizowany, w przeciwnym razie powstanie nowy. Pozostałe kolumny są opcjonalne, a pusta komórka pozostawia daną bez zmian. Kolumny można też wybrać w następnym kroku.',
  columnNotes: [
    ['external_id', 'numer klienta (wymagany), np. identyfikator w CRM'],
    ['email, phone, name', 'e-mail, numer telefonu (0401234567 jest czytany jako fiński), nazwa'],
    ['language, time_zone', 'język dwuliterowo (fi, sv, en, pl), strefa czasowa (Europe/Helsinki)'],
    ['segment, persona, plan', 'segment, persona i plan jako tekst'],
    ['consent_survey_email, consent_survey_sms', 'zgoda na ankiety: tak lub nie'],
    ['revenue, tenure_months', 'przychód jako liczba, staż klienta w miesiącach'],
    ['attr.<nazwa>, op.<nazwa>', 'inne dane i wskaźniki operacyjne'],
  ],
  upload: 'Prześlij i sprawdź',
  noFile: 'Wybierz plik CSV lub XLSX.',
  wrongType: 'Plik nie jest plikiem CSV ani XLSX. Zapisz arkusz jako CSV (rozdzielany przecinkami lub średnikami) albo jako skoroszyt Excel (.xlsx).',
  tooLarge: (n) => `Plik jest większy niż ${n} MB. Podziel go na mniejsze pliki i importuj je po kolei.`,
  unreadable: 'Nie udało się odczytać pliku. Zapisz go ponownie jako CSV (UTF-8) lub skoroszyt Excel i spróbuj jeszcze raz.',
  empty: 'Plik nie zawiera wierszy. Pierwszy wiersz musi nazywać kolumny.',
  mappingHeading: 'Co zawiera każda kolumna',
  mappingIntro: (f, n) => `Plik „${f}” ma ${plural('pl', n, { one: '# wiersz', few: '# wiersze', many: '# wierszy', other: '# wiersza' })}. Wybierz, które pole Kaiku wypełnia każda kolumna. Kolumny ustawione na „Nie importuj” zostaną pominięte.`,
  columnLabel: (c) => `Kolumna „${c}”`,
  targets: {
    externalId: 'Numer klienta', email: 'E-mail', phone: 'Telefon', name: 'Nazwa', language: 'Język', segment: 'Segment', persona: 'Persona',
    timeZone: 'Strefa czasowa', consentSurveyEmail: 'Zgoda na ankiety e-mailem', consentSurveySms: 'Zgoda na ankiety SMS-em',
    consentWithdrawnAt: 'Zgoda wycofana (czas)', revenue: 'Przychód', tenureMonths: 'Staż klienta (miesiące)', plan: 'Plan',
    attribute: 'Inna dana', operational: 'Wskaźnik operacyjny', ignore: 'Nie importuj',
  },
  previewCaption: (n) => plural('pl', n, { one: 'Pierwszy wiersz pliku', few: 'Pierwsze # wiersze pliku', many: 'Pierwszych # wierszy pliku', other: 'Pierwsze # wiersza pliku' }),
  checkHeading: 'Sprawdzenie',
  importable: { one: '# wiersz można zaimportować', few: '# wiersze można zaimportować', many: '# wierszy można zaimportować', other: '# wiersza można zaimportować' },
  withProblems: { one: '# ma problem', few: '# mają problemy', many: '# ma problemy', other: '# ma problemy' },
  problemsHeading: 'Wiersze z problemami',
  problemRow: (r, text) => `Wiersz ${r}: ${text}`,
  moreProblems: { one: '… i jeszcze # wiersz.', few: '… i jeszcze # wiersze.', many: '… i jeszcze # wierszy.', other: '… i jeszcze # wiersza.' },
  problems: {
    externalId: () => 'brak numeru klienta',
    email: (v) => `e-mail „${v}” nie jest adresem e-mail`,
    phone: (v) => `telefon „${v}” nie jest numerem telefonu`,
    language: (v) => `język „${v}” nie jest dwuliterowym kodem języka (np. fi, sv, en, pl)`,
    timeZone: (v) => `strefa czasowa „${v}” nie jest nazwą strefy czasowej (np. Europe/Helsinki)`,
    consentSurveyEmail: (v) => `zgoda na ankiety e-mailem „${v}” to nie „tak” ani „nie”`,
    consentSurveySms: (v) => `zgoda na ankiety SMS-em „${v}” to nie „tak” ani „nie”`,
    consentWithdrawnAt: (v) => `czas wycofania zgody „${v}” nie jest minioną datą i godziną (np. 1.3.2026 14:30) albo w tym samym wierszu udzielono zgody`,
    revenue: (v) => `przychód „${v}” nie jest liczbą`,
    tenureMonths: (v) => `staż klienta „${v}” nie jest całkowitą liczbą miesięcy`,
    attribute: () => 'za dużo innych danych (najwyżej 16 KB)',
    operational: () => 'za dużo wskaźników operacyjnych (najwyżej 4 KB)',
  },
  otherProblem: (reason) => `wiersz nie został przyjęty (${reason})`,
  checkAgain: 'Sprawdź ponownie', importButton: 'Importuj kontakty', chooseAnother: 'Wybierz inny plik',
  needExternalId: 'Wybierz kolumnę z numerem klienta: po nim rozpoznawane są kontakty.',
  chosenTwice: (f) => `${f} wybrano dla dwóch kolumn. Wybierz je tylko dla jednej.`,
  resultTitle: 'Import zakończony',
  imported: { one: '# kontakt zaimportowany', few: '# kontakty zaimportowane', many: '# kontaktów zaimportowanych', other: '# kontaktu zaimportowanego' },
  created: { one: '# nowy', few: '# nowe', many: '# nowych', other: '# nowego' },
  updated: { one: '# zaktualizowany', few: '# zaktualizowane', many: '# zaktualizowanych', other: '# zaktualizowanego' },
  unchanged: { one: '# był już aktualny', few: '# były już aktualne', many: '# było już aktualnych', other: '# było już aktualnego' },
  skipped: { one: '# wiersz pominięto z powodu problemu', few: '# wiersze pominięto z powodu problemów', many: '# wierszy pominięto z powodu problemów', other: '# wiersza pominięto z powodu problemów' },
  running: 'Plik jest właśnie importowany. Odśwież stronę za chwilę.',
  failed: 'Import przerwał błąd. Część wierszy mogła zostać zapisana; ten sam plik można bezpiecznie zaimportować ponownie.',
  backToContacts: 'Wróć do kontaktów', anotherFile: 'Importuj inny plik',
});

const texts: Record<UiLanguage, ContactImportStrings> = { fi, sv, en, pl };

export const contactImportText = (language: UiLanguage): ContactImportStrings => texts[language];
