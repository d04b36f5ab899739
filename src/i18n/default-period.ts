/**
 * Texts of the organisation's default period and business hours: their fields on the settings
 * page (/app/setup/organisation) and the line the analytic pages' filter bars show when the
 * default period applies. Finnish, Swedish, English and Polish; the type keeps the keys equal.
 */
import type { UiLanguage } from './index.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';

export interface DefaultPeriodStrings {
  /** "the last 90 days", as the option and inside the filter bar's line. */
  periods: Record<DefaultPeriod, string>;
  defaultPeriod: string; defaultPeriodHint: string; unknownPeriod: string;
  /** The filter bar's line when the URL gives no period. */
  showing: (period: string) => string;
  businessHours: string; businessHoursHint: string; businessDays: string;
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  weekdays: [string, string, string, string, string, string, string];
  businessStart: string; businessEnd: string; timeHint: string;
  noDays: string; badTime: string; endBeforeStart: string;
}

const strings: Record<UiLanguage, DefaultPeriodStrings> = {
  fi: {
    periods: { '30d': 'viimeiset 30 päivää', '90d': 'viimeiset 90 päivää', '180d': 'viimeiset 180 päivää', '365d': 'viimeiset 365 päivää', '18m': 'viimeiset 18 kuukautta' },
    defaultPeriod: 'Oletusjakso', defaultPeriodHint: 'Jakso, jonka analyysisivut näyttävät, kun alku- ja loppupäivää ei ole valittu.',
    unknownPeriod: 'Valitse jakso luettelosta.',
    showing: (period) => `Näytetään ${period} (organisaation oletusjakso).`,
    businessHours: 'Aukioloajat', businessHoursHint: 'Tapausten määräajat lasketaan vain näinä tunteina, organisaation aikavyöhykkeellä.',
    businessDays: 'Aukiolopäivät', weekdays: ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai'],
    businessStart: 'Avautuu', businessEnd: 'Sulkeutuu', timeHint: 'Muodossa TT:MM, esim. 08:00 (24:00 = keskiyöllä).',
    noDays: 'Valitse vähintään yksi aukiolopäivä.', badTime: 'Anna kellonaika muodossa TT:MM, esim. 08:00.', endBeforeStart: 'Sulkemisajan on oltava avautumisajan jälkeen.',
  },
  sv: {
    periods: { '30d': 'de senaste 30 dagarna', '90d': 'de senaste 90 dagarna', '180d': 'de senaste 180 dagarna', '365d': 'de senaste 365 dagarna', '18m': 'de senaste 18 månaderna' },
    defaultPeriod: 'Standardperiod', defaultPeriodHint: 'Perioden som analyssidorna visar när inget start- och slutdatum har valts.',
    unknownPeriod: 'Välj en period i listan.',
    showing: (period) => `Visar ${period} (organisationens standardperiod).`,
    businessHours: 'Öppettider', businessHoursHint: 'Ärendenas tidsfrister räknas bara under dessa timmar, i organisationens tidszon.',
    businessDays: 'Öppetdagar', weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    businessStart: 'Öppnar', businessEnd: 'Stänger', timeHint: 'Som TT:MM, t.ex. 08:00 (24:00 = vid midnatt).',
    noDays: 'Välj minst en öppetdag.', badTime: 'Ange en tid som TT:MM, t.ex. 08:00.', endBeforeStart: 'Stängningstiden måste vara efter öppningstiden.',
  },
  en: {
    periods: { '30d': 'the last 30 days', '90d': 'the last 90 days', '180d': 'the last 180 days', '365d': 'the last 365 days', '18m': 'the last 18 months' },
    defaultPeriod: 'Default period', defaultPeriodHint: 'The period the analytic pages show when no start and end date is chosen.',
    unknownPeriod: 'Choose a period from the list.',
    showing: (period) => `Showing ${period} (the organisation’s default).`,
    businessHours: 'Business hours', businessHoursHint: 'Case due times count these hours only, in the organisation’s time zone.',
    businessDays: 'Open on', weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    businessStart: 'Opens at', businessEnd: 'Closes at', timeHint: 'As HH:MM, e.g. 08:00 (24:00 = at midnight).',
    noDays: 'Choose at least one day.', badTime: 'Give a time as HH:MM, e.g. 08:00.', endBeforeStart: 'The closing time must be after the opening time.',
  },
  pl: {
    periods: { '30d': 'ostatnie 30 dni', '90d': 'ostatnie 90 dni', '180d': 'ostatnie 180 dni', '365d': 'ostatnie 365 dni', '18m': 'ostatnie 18 miesięcy' },
    defaultPeriod: 'Domyślny okres', defaultPeriodHint: 'Okres, który pokazują strony analiz, gdy nie wybrano daty początkowej i końcowej.',
    unknownPeriod: 'Wybierz okres z listy.',
    showing: (period) => `Pokazano ${period} (domyślny okres organizacji).`,
    businessHours: 'Godziny pracy', businessHoursHint: 'Terminy zgłoszeń liczą się tylko w tych godzinach, w strefie czasowej organizacji.',
    businessDays: 'Dni pracy', weekdays: ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'],
    businessStart: 'Otwarcie', businessEnd: 'Zamknięcie', timeHint: 'W formacie GG:MM, np. 08:00 (24:00 = o północy).',
    noDays: 'Wybierz co najmniej jeden dzień.', badTime: 'Podaj godzinę w formacie GG:MM, np. 08:00.', endBeforeStart: 'Godzina zamknięcia musi być po godzinie otwarcia.',
  },
};

export const defaultPeriodText = (language: UiLanguage): DefaultPeriodStrings => strings[language];
