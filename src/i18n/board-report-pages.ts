/**
 * Texts of /app/reports/board (choosing, previewing and scheduling the board report) in
 * Finnish, Swedish, English and Polish. The report's own texts are in board-report.ts.
 */
import type { UiLanguage } from './index.ts';
import { localeOf } from './index.ts';
import { plural } from './plural.ts';

export interface BoardReportPageStrings {
  title: string;
  intro: string;
  chooseHeading: string;
  month: string;
  language: string;
  show: string;
  /** The error under the month chooser, naming it. */
  badMonth: string;
  badLanguage: (label: string) => string;
  downloadPdf: (month: string) => string;
  previewHeading: string;
  toSchedules: string;
  schedulesHeading: string;
  schedulesIntro: (timeZone: string) => string;
  noSchedules: string;
  caption: (count: number) => string;
  columns: { recipients: string; language: string; when: string; lastSent: string; actions: string };
  /** "On day 5 of every month at 07:00" */
  when: (day: number, hour: string) => string;
  never: string;
  disabled: string;
  addHeading: string;
  recipients: string;
  recipientsHint: string;
  scheduleLanguage: string;
  dayOfMonth: string;
  dayHint: string;
  hour: string;
  hourHint: string;
  add: string;
  remove: string;
  removeQuestion: (words: string) => string;
  removeConfirm: string;
  keep: string;
  added: string;
  removed: string;
  recipientsRequired: string;
  notEmail: (address: string) => string;
  tooMany: (max: number) => string;
  dayRange: string;
  hourRange: string;
  edit: string;
  editHeading: string;
  activeLegend: string;
  active: string;
  activeHint: string;
  save: string;
  cancel: string;
  pause: string;
  resume: string;
  updated: string;
  pausedNotice: string;
  resumedNotice: string;
}

const fi: BoardReportPageStrings = {
  title: 'Hallitusraportti',
  intro: 'Kuukauden asiakaskokemusraportti hallitukselle: valitse kuukausi ja kieli, katso raportti tässä ja lataa se PDF-tiedostona.',
  chooseHeading: 'Kuukausi ja kieli',
  month: 'Kuukausi',
  language: 'Raportin kieli',
  show: 'Näytä raportti',
  badMonth: 'Kuukausi: valitse päättynyt kuukausi luettelosta.',
  badLanguage: (label) => `${label}: valitse jokin luettelon kielistä.`,
  downloadPdf: (m) => `Lataa PDF (${m})`,
  previewHeading: 'Esikatselu',
  toSchedules: 'Sähköpostiajastukset',
  schedulesHeading: 'Sähköpostiajastukset',
  schedulesIntro: (tz) => `Edellisen kuukauden raportti lähetetään PDF-liitteenä valittuna päivänä ja kellonaikana (aikavyöhyke ${tz}).`,
  noSchedules: 'Ajastuksia ei vielä ole.',
  caption: (n) => plural('fi', n, { one: '# ajastus', other: '# ajastusta' }),
  columns: { recipients: 'Vastaanottajat', language: 'Kieli', when: 'Milloin', lastSent: 'Viimeksi lähetetty', actions: 'Toiminnot' },
  when: (d, h) => `Kuukauden ${d}. päivänä klo ${h}`,
  never: 'Ei vielä lähetetty',
  disabled: 'keskeytetty',
  addHeading: 'Lisää ajastus',
  recipients: 'Vastaanottajat',
  recipientsHint: 'Sähköpostiosoitteet, kukin omalle rivilleen tai pilkuin erotettuina.',
  scheduleLanguage: 'Kieli',
  dayOfMonth: 'Kuukauden päivä',
  dayHint: '1–28',
  hour: 'Kellonaika',
  hourHint: 'Tunti 0–23',
  add: 'Lisää ajastus',
  remove: 'Poista',
  removeQuestion: (w) => `Poistetaanko ajastus: ${w}?`,
  removeConfirm: 'Poista ajastus',
  keep: 'Älä poista',
  added: 'Ajastus lisätty.',
  removed: 'Ajastus poistettu.',
  recipientsRequired: 'Vastaanottajat: anna vähintään yksi sähköpostiosoite.',
  notEmail: (a) => `Vastaanottajat: ”${a}” ei ole sähköpostiosoite.`,
  tooMany: (m) => `Vastaanottajat: enintään ${m} osoitetta.`,
  dayRange: 'Kuukauden päivä: anna kokonaisluku 1–28.',
  hourRange: 'Kellonaika: anna kokonaisluku 0–23.',
  edit: 'Muokkaa',
  editHeading: 'Muokkaa ajastusta',
  activeLegend: 'Lähetys',
  active: 'Käytössä: lähetä raportit',
  activeHint: 'Ilman rastia ajastus säilyy, mutta raportteja ei lähetetä.',
  save: 'Tallenna',
  cancel: 'Peruuta',
  pause: 'Keskeytä',
  resume: 'Jatka',
  updated: 'Ajastus tallennettu.',
  pausedNotice: 'Ajastus keskeytetty: raportteja ei lähetetä ennen kuin jatkat.',
  resumedNotice: 'Ajastus jatkuu: seuraava raportti lähtee valittuna päivänä.',
};

const sv: BoardReportPageStrings = {
  title: 'Styrelserapport',
  intro: 'Månadens kundupplevelserapport till styrelsen: välj månad och språk, se rapporten här och ladda ner den som PDF.',
  chooseHeading: 'Månad och språk',
  month: 'Månad',
  language: 'Rapportens språk',
  show: 'Visa rapporten',
  badMonth: 'Månad: välj en avslutad månad i listan.',
  badLanguage: (label) => `${label}: välj ett av språken i listan.`,
  downloadPdf: (m) => `Ladda ner PDF (${m})`,
  previewHeading: 'Förhandsvisning',
  toSchedules: 'Utskick per e-post',
  schedulesHeading: 'Utskick per e-post',
  schedulesIntro: (tz) => `Förra månadens rapport skickas med PDF-bilaga på vald dag och timme (tidszon ${tz}).`,
  noSchedules: 'Inga utskick ännu.',
  caption: (n) => plural('sv', n, { one: '# utskick', other: '# utskick' }),
  columns: { recipients: 'Mottagare', language: 'Språk', when: 'När', lastSent: 'Senast skickad', actions: 'Åtgärder' },
  when: (d, h) => `Den ${d}:e varje månad kl. ${h}`,
  never: 'Inte skickad ännu',
  disabled: 'pausat',
  addHeading: 'Lägg till utskick',
  recipients: 'Mottagare',
  recipientsHint: 'E-postadresser, en per rad eller åtskilda med kommatecken.',
  scheduleLanguage: 'Språk',
  dayOfMonth: 'Dag i månaden',
  dayHint: '1–28',
  hour: 'Klockslag',
  hourHint: 'Timme 0–23',
  add: 'Lägg till utskick',
  remove: 'Ta bort',
  removeQuestion: (w) => `Ta bort utskicket: ${w}?`,
  removeConfirm: 'Ta bort utskicket',
  keep: 'Behåll',
  added: 'Utskicket har lagts till.',
  removed: 'Utskicket har tagits bort.',
  recipientsRequired: 'Mottagare: ange minst en e-postadress.',
  notEmail: (a) => `Mottagare: ”${a}” är ingen e-postadress.`,
  tooMany: (m) => `Mottagare: högst ${m} adresser.`,
  dayRange: 'Dag i månaden: ange ett heltal 1–28.',
  hourRange: 'Klockslag: ange ett heltal 0–23.',
  edit: 'Redigera',
  editHeading: 'Redigera utskicket',
  activeLegend: 'Utskick',
  active: 'Aktivt: skicka rapporterna',
  activeHint: 'Utan bock finns utskicket kvar, men inga rapporter skickas.',
  save: 'Spara',
  cancel: 'Avbryt',
  pause: 'Pausa',
  resume: 'Återuppta',
  updated: 'Utskicket har sparats.',
  pausedNotice: 'Utskicket är pausat: inga rapporter skickas förrän du återupptar det.',
  resumedNotice: 'Utskicket är återupptaget: nästa rapport går på vald dag.',
};

const en: BoardReportPageStrings = {
  title: 'Board report',
  intro: 'The month’s customer experience report for the board: choose the month and language, read the report here and download it as a PDF.',
  chooseHeading: 'Month and language',
  month: 'Month',
  language: 'Report language',
  show: 'Show report',
  badMonth: 'Month: choose a completed month from the list.',
  badLanguage: (label) => `${label}: choose one of the languages in the list.`,
  downloadPdf: (m) => `Download PDF (${m})`,
  previewHeading: 'Preview',
  toSchedules: 'E-mail schedules',
  schedulesHeading: 'E-mail schedules',
  schedulesIntro: (tz) => `The previous month’s report is e-mailed with the PDF attached on the chosen day and hour (time zone ${tz}).`,
  noSchedules: 'No schedules yet.',
  caption: (n) => plural('en', n, { one: '# schedule', other: '# schedules' }),
  columns: { recipients: 'Recipients', language: 'Language', when: 'When', lastSent: 'Last sent', actions: 'Actions' },
  when: (d, h) => `On day ${d} of every month at ${h}`,
  never: 'Not sent yet',
  disabled: 'paused',
  addHeading: 'Add a schedule',
  recipients: 'Recipients',
  recipientsHint: 'E-mail addresses, one per line or separated by commas.',
  scheduleLanguage: 'Language',
  dayOfMonth: 'Day of the month',
  dayHint: '1–28',
  hour: 'Time of day',
  hourHint: 'Hour 0–23',
  add: 'Add schedule',
  remove: 'Delete',
  removeQuestion: (w) => `Delete the schedule: ${w}?`,
  removeConfirm: 'Delete schedule',
  keep: 'Keep it',
  added: 'Schedule added.',
  removed: 'Schedule deleted.',
  recipientsRequired: 'Recipients: enter at least one e-mail address.',
  notEmail: (a) => `Recipients: “${a}” is not an e-mail address.`,
  tooMany: (m) => `Recipients: at most ${m} addresses.`,
  dayRange: 'Day of the month: enter a whole number from 1 to 28.',
  hourRange: 'Time of day: enter a whole number from 0 to 23.',
  edit: 'Edit',
  editHeading: 'Edit schedule',
  activeLegend: 'Sending',
  active: 'Active: send the reports',
  activeHint: 'Unticked, the schedule is kept but no reports are sent.',
  save: 'Save',
  cancel: 'Cancel',
  pause: 'Pause',
  resume: 'Resume',
  updated: 'Schedule saved.',
  pausedNotice: 'Schedule paused: no reports are sent until you resume it.',
  resumedNotice: 'Schedule resumed: the next report goes out on the chosen day.',
};

const pl: BoardReportPageStrings = {
  title: 'Raport dla zarządu',
  intro: 'Miesięczny raport doświadczeń klientów dla zarządu: wybierz miesiąc i język, przeczytaj raport tutaj i pobierz go jako PDF.',
  chooseHeading: 'Miesiąc i język',
  month: 'Miesiąc',
  language: 'Język raportu',
  show: 'Pokaż raport',
  badMonth: 'Miesiąc: wybierz zakończony miesiąc z listy.',
  badLanguage: (label) => `${label}: wybierz jeden z języków z listy.`,
  downloadPdf: (m) => `Pobierz PDF (${m})`,
  previewHeading: 'Podgląd',
  toSchedules: 'Wysyłka e-mailem',
  schedulesHeading: 'Wysyłka e-mailem',
  schedulesIntro: (tz) => `Raport z poprzedniego miesiąca jest wysyłany z załącznikiem PDF w wybranym dniu i o wybranej godzinie (strefa czasowa ${tz}).`,
  noSchedules: 'Brak zaplanowanych wysyłek.',
  caption: (n) => plural('pl', n, { one: '# wysyłka', few: '# wysyłki', many: '# wysyłek', other: '# wysyłki' }),
  columns: { recipients: 'Odbiorcy', language: 'Język', when: 'Kiedy', lastSent: 'Ostatnio wysłano', actions: 'Działania' },
  when: (d, h) => `${d}. dnia każdego miesiąca o ${h}`,
  never: 'Jeszcze nie wysłano',
  disabled: 'wstrzymana',
  addHeading: 'Dodaj wysyłkę',
  recipients: 'Odbiorcy',
  recipientsHint: 'Adresy e-mail, każdy w osobnym wierszu lub oddzielone przecinkami.',
  scheduleLanguage: 'Język',
  dayOfMonth: 'Dzień miesiąca',
  dayHint: '1–28',
  hour: 'Godzina',
  hourHint: 'Godzina 0–23',
  add: 'Dodaj wysyłkę',
  remove: 'Usuń',
  removeQuestion: (w) => `Usunąć wysyłkę: ${w}?`,
  removeConfirm: 'Usuń wysyłkę',
  keep: 'Zachowaj',
  added: 'Wysyłka dodana.',
  removed: 'Wysyłka usunięta.',
  recipientsRequired: 'Odbiorcy: podaj co najmniej jeden adres e-mail.',
  notEmail: (a) => `Odbiorcy: „${a}” nie jest adresem e-mail.`,
  tooMany: (m) => `Odbiorcy: najwyżej ${m} adresów.`,
  dayRange: 'Dzień miesiąca: podaj liczbę całkowitą od 1 do 28.',
  hourRange: 'Godzina: podaj liczbę całkowitą od 0 do 23.',
  edit: 'Edytuj',
  editHeading: 'Edytuj wysyłkę',
  activeLegend: 'Wysyłanie',
  active: 'Aktywna: wysyłaj raporty',
  activeHint: 'Bez zaznaczenia wysyłka zostaje zapisana, ale raporty nie są wysyłane.',
  save: 'Zapisz',
  cancel: 'Anuluj',
  pause: 'Wstrzymaj',
  resume: 'Wznów',
  updated: 'Wysyłka zapisana.',
  pausedNotice: 'Wysyłka wstrzymana: raporty nie będą wysyłane, dopóki jej nie wznowisz.',
  resumedNotice: 'Wysyłka wznowiona: następny raport zostanie wysłany w wybranym dniu.',
};

const all: Record<UiLanguage, BoardReportPageStrings> = { fi, sv, en, pl };
export const boardReportPageText = (language: UiLanguage): BoardReportPageStrings => all[language];

/** "November 2026" for '2026-11' in the reader's language. */
export function monthInWords(month: string, language: UiLanguage): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A language's name in the reader's language ("Swedish", "ruotsi"). */
export function languageInWords(code: string, language: UiLanguage): string {
  const name = new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(localeOf(language)) + name.slice(1);
}
