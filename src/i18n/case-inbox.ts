/**
 * Texts of the case inbox's summary columns, the generated case titles, closing a case (root
 * cause and recovery outcome), the organisation's root-cause list (/app/setup/root-causes) and
 * the loop page's closed-case breakdown, in Finnish, Swedish, English and Polish.
 */
import type { UiLanguage } from './index.ts';
import type { PluralForms } from './plural.ts';
import type { RecoveryOutcome } from '../loop/closure.ts';

export interface CaseInboxStrings {
  columns: { score: string; comment: string; touchpoint: string; owner: string; slaLeft: string };
  /** SLA time left / over, `#` the number; hours and minutes are abbreviated (no plural needed). */
  left: { minutes: string; hours: string; days: PluralForms };
  over: { minutes: string; hours: string; days: PluralForms };
  /** The generated title: metric and score, touchpoint, comment start; any part may be missing. */
  title: (parts: { metric?: string; touchpoint?: string; comment?: string }) => string;
  /** The label of a score that is not NPS, CSAT or CES. */
  scoreMetric: string;
  close: {
    heading: string; intro: string; rootCause: string; rootCauseHint: string; outcome: string;
    /** The list is empty: who adds causes and where, in words (`noRootCauses`), or to one who may, before a link named `setupPlace`. */
    noRootCauses: string; addThemAt: string; setupPlace: string;
    resolution: string; resolutionHint: string; submit: string; needRootCause: string; needOutcome: string; needResolution: string; done: string;
  };
  outcomes: Record<RecoveryOutcome, string>;
  details: { rootCause: string; outcome: string };
  event: { rootCause: (name: string) => string; outcome: (label: string) => string };
  rootCauses: {
    section: [string, string]; title: string; intro: string; caption: string; name: string; state: string; active: string; retired: string; cases: string;
    empty: string; addHeading: string; nameIn: Record<UiLanguage, string>; nameHint: string; add: string; edit: (name: string) => string; editHeading: string;
    save: string; retire: string; restore: string; retireHint: string; needName: string; taken: (name: string) => string; back: string;
    done: { added: string; renamed: string; retired: string; restored: string };
  };
  loop: {
    byRootCause: string; byOutcome: string; closedIn: (from: string, to: string) => string; rootCause: string; outcome: string; closed: string; share: string;
    notRecorded: string; total: string; closedCount: PluralForms; noClosed: string;
  };
}

const fi: CaseInboxStrings = {
  columns: { score: 'Arvio', comment: 'Kommentti', touchpoint: 'Kosketuspiste', owner: 'Omistaja', slaLeft: 'SLA-aikaa' },
  left: { minutes: '# min jäljellä', hours: '# h jäljellä', days: { one: '# päivä jäljellä', other: '# päivää jäljellä' } },
  over: { minutes: '# min yli määräajan', hours: '# h yli määräajan', days: { one: '# päivä yli määräajan', other: '# päivää yli määräajan' } },
  title: ({ metric, touchpoint, comment }) => `${[metric, touchpoint].filter(Boolean).join(' – ')}${comment ? `: ”${comment}”` : ''}`,
  scoreMetric: 'Arvio',
  close: {
    heading: 'Sulje tapaus', intro: 'Tapausta suljettaessa kirjataan juurisyy ja se, miten asiakassuhde palautui.', rootCause: 'Juurisyy',
    rootCauseHint: 'Organisaation juurisyyluettelosta.', noRootCauses: 'Juurisyitä ei ole vielä määritelty; pääkäyttäjä lisää ne kohdassa Asetukset › Juurisyyt.',
    addThemAt: 'Juurisyitä ei ole vielä määritelty. Lisää ne kohdassa', setupPlace: 'Asetukset › Juurisyyt',
    outcome: 'Palautuminen', resolution: 'Ratkaisu', resolutionHint: 'Tarvitaan, jos tapausta ei ole vielä ratkaistu: mitä tehtiin.', submit: 'Sulje tapaus',
    needRootCause: 'Valitse juurisyy sulkeaksesi tapauksen.', needOutcome: 'Valitse, miten asiakassuhde palautui.', needResolution: 'Kirjoita ratkaisu sulkeaksesi tapauksen.',
    done: 'Tapaus suljettiin.',
  },
  outcomes: { recovered: 'Palautui', partly: 'Palautui osittain', not_recovered: 'Ei palautunut', unreachable: 'Asiakasta ei tavoitettu' },
  details: { rootCause: 'Juurisyy', outcome: 'Palautuminen' },
  event: { rootCause: (name) => `Juurisyy: ${name}`, outcome: (label) => `Palautuminen: ${label}` },
  rootCauses: {
    section: ['Juurisyyt', 'Luettelo, josta tapauksen juurisyy valitaan suljettaessa.'], title: 'Juurisyyt',
    intro: 'Suljettaessa jokaiselle tapaukselle valitaan juurisyy tästä luettelosta. Käytöstä poistettu syy säilyy vanhoissa tapauksissa.',
    caption: 'Organisaation juurisyyt', name: 'Nimi', state: 'Tila', active: 'Käytössä', retired: 'Poistettu käytöstä', cases: 'Tapauksia', empty: 'Juurisyitä ei ole vielä.',
    addHeading: 'Lisää juurisyy', nameIn: { fi: 'Nimi suomeksi', sv: 'Nimi ruotsiksi', en: 'Nimi englanniksi', pl: 'Nimi puolaksi' },
    nameHint: 'Vähintään yksi kieli; muilla kielillä näytetään ensimmäinen annettu nimi.', add: 'Lisää', edit: (name) => `Muokkaa: ${name}`,
    editHeading: 'Nimeä uudelleen', save: 'Tallenna', retire: 'Poista käytöstä', restore: 'Ota takaisin käyttöön',
    retireHint: 'Käytöstä poistettua syytä ei voi valita uusiin tapauksiin.', needName: 'Anna nimi ainakin yhdellä kielellä.', taken: (name) => `Juurisyy ”${name}” on jo luettelossa.`, back: 'Takaisin juurisyihin',
    done: { added: 'Juurisyy lisättiin.', renamed: 'Nimi tallennettiin.', retired: 'Juurisyy poistettiin käytöstä.', restored: 'Juurisyy otettiin takaisin käyttöön.' },
  },
  loop: {
    byRootCause: 'Suljetut tapaukset juurisyyn mukaan', byOutcome: 'Suljetut tapaukset palautumisen mukaan', closedIn: (from, to) => `Suljettu ${from}–${to}`,
    rootCause: 'Juurisyy', outcome: 'Palautuminen', closed: 'Suljettuja', share: 'Osuus', notRecorded: 'Ei kirjattu', total: 'Yhteensä',
    closedCount: { one: '# suljettu tapaus', other: '# suljettua tapausta' }, noClosed: 'Jaksolla ei suljettu yhtään tapausta.',
  },
};

const sv: CaseInboxStrings = {
  columns: { score: 'Betyg', comment: 'Kommentar', touchpoint: 'Kontaktpunkt', owner: 'Ägare', slaLeft: 'SLA-tid' },
  left: { minutes: '# min kvar', hours: '# h kvar', days: { one: '# dag kvar', other: '# dagar kvar' } },
  over: { minutes: 'försenat med # min', hours: 'försenat med # h', days: { one: 'försenat med # dag', other: 'försenat med # dagar' } },
  title: ({ metric, touchpoint, comment }) => `${[metric, touchpoint].filter(Boolean).join(' vid ')}${comment ? `: ”${comment}”` : ''}`,
  scoreMetric: 'Betyg',
  close: {
    heading: 'Stäng ärendet', intro: 'När ärendet stängs registreras grundorsaken och hur kundrelationen återhämtade sig.', rootCause: 'Grundorsak',
    rootCauseHint: 'Ur organisationens lista över grundorsaker.', noRootCauses: 'Inga grundorsaker har definierats ännu; en administratör lägger till dem under Inställningar › Grundorsaker.',
    addThemAt: 'Inga grundorsaker har definierats ännu. Lägg till dem under', setupPlace: 'Inställningar › Grundorsaker',
    outcome: 'Återhämtning', resolution: 'Lösning', resolutionHint: 'Behövs om ärendet inte är löst ännu: vad som gjordes.', submit: 'Stäng ärendet',
    needRootCause: 'Välj en grundorsak för att stänga ärendet.', needOutcome: 'Välj hur kundrelationen återhämtade sig.', needResolution: 'Skriv lösningen för att stänga ärendet.',
    done: 'Ärendet stängdes.',
  },
  outcomes: { recovered: 'Återhämtad', partly: 'Delvis återhämtad', not_recovered: 'Inte återhämtad', unreachable: 'Kunden nåddes inte' },
  details: { rootCause: 'Grundorsak', outcome: 'Återhämtning' },
  event: { rootCause: (name) => `Grundorsak: ${name}`, outcome: (label) => `Återhämtning: ${label}` },
  rootCauses: {
    section: ['Grundorsaker', 'Listan som ärendets grundorsak väljs ur när det stängs.'], title: 'Grundorsaker',
    intro: 'När ett ärende stängs väljs dess grundorsak ur den här listan. En orsak som tagits ur bruk finns kvar i gamla ärenden.',
    caption: 'Organisationens grundorsaker', name: 'Namn', state: 'Status', active: 'I bruk', retired: 'Ur bruk', cases: 'Ärenden', empty: 'Inga grundorsaker ännu.',
    addHeading: 'Lägg till en grundorsak', nameIn: { fi: 'Namn på finska', sv: 'Namn på svenska', en: 'Namn på engelska', pl: 'Namn på polska' },
    nameHint: 'Minst ett språk; på de andra visas det första namnet som angetts.', add: 'Lägg till', edit: (name) => `Redigera: ${name}`,
    editHeading: 'Byt namn', save: 'Spara', retire: 'Ta ur bruk', restore: 'Ta i bruk igen',
    retireHint: 'En orsak som tagits ur bruk kan inte väljas för nya ärenden.', needName: 'Ange ett namn på minst ett språk.', taken: (name) => `Grundorsaken ”${name}” finns redan i listan.`, back: 'Tillbaka till grundorsakerna',
    done: { added: 'Grundorsaken lades till.', renamed: 'Namnet sparades.', retired: 'Grundorsaken togs ur bruk.', restored: 'Grundorsaken togs i bruk igen.' },
  },
  loop: {
    byRootCause: 'Stängda ärenden efter grundorsak', byOutcome: 'Stängda ärenden efter återhämtning', closedIn: (from, to) => `Stängda ${from}–${to}`,
    rootCause: 'Grundorsak', outcome: 'Återhämtning', closed: 'Stängda', share: 'Andel', notRecorded: 'Inte registrerad', total: 'Totalt',
    closedCount: { one: '# stängt ärende', other: '# stängda ärenden' }, noClosed: 'Inga ärenden stängdes under perioden.',
  },
};

const en: CaseInboxStrings = {
  columns: { score: 'Score', comment: 'Comment', touchpoint: 'Touchpoint', owner: 'Owner', slaLeft: 'SLA left' },
  left: { minutes: '# min left', hours: '# h left', days: { one: '# day left', other: '# days left' } },
  over: { minutes: 'overdue by # min', hours: 'overdue by # h', days: { one: 'overdue by # day', other: 'overdue by # days' } },
  title: ({ metric, touchpoint, comment }) => `${[metric, touchpoint].filter(Boolean).join(' at ')}${comment ? `: “${comment}”` : ''}`,
  scoreMetric: 'Score',
  close: {
    heading: 'Close the case', intro: 'Closing a case records its root cause and how the customer relationship recovered.', rootCause: 'Root cause',
    rootCauseHint: 'From the organisation’s list of root causes.', noRootCauses: 'No root causes have been defined yet; an administrator adds them under Set-up › Root causes.',
    addThemAt: 'No root causes have been defined yet. Add them under', setupPlace: 'Set-up › Root causes',
    outcome: 'Recovery', resolution: 'Resolution', resolutionHint: 'Needed if the case is not resolved yet: what was done.', submit: 'Close case',
    needRootCause: 'Choose a root cause to close the case.', needOutcome: 'Choose how the customer relationship recovered.', needResolution: 'Write the resolution to close the case.',
    done: 'The case was closed.',
  },
  outcomes: { recovered: 'Recovered', partly: 'Partly recovered', not_recovered: 'Not recovered', unreachable: 'Could not reach the customer' },
  details: { rootCause: 'Root cause', outcome: 'Recovery' },
  event: { rootCause: (name) => `Root cause: ${name}`, outcome: (label) => `Recovery: ${label}` },
  rootCauses: {
    section: ['Root causes', 'The list a case’s root cause is chosen from when it is closed.'], title: 'Root causes',
    intro: 'When a case is closed, its root cause is chosen from this list. A retired cause stays on the cases that have it.',
    caption: 'The organisation’s root causes', name: 'Name', state: 'State', active: 'In use', retired: 'Retired', cases: 'Cases', empty: 'No root causes yet.',
    addHeading: 'Add a root cause', nameIn: { fi: 'Name in Finnish', sv: 'Name in Swedish', en: 'Name in English', pl: 'Name in Polish' },
    nameHint: 'At least one language; the others show the first name given.', add: 'Add', edit: (name) => `Edit: ${name}`,
    editHeading: 'Rename', save: 'Save', retire: 'Retire', restore: 'Bring back into use',
    retireHint: 'A retired cause cannot be chosen for new closures.', needName: 'Give a name in at least one language.', taken: (name) => `The root cause “${name}” is already on the list.`, back: 'Back to root causes',
    done: { added: 'The root cause was added.', renamed: 'The name was saved.', retired: 'The root cause was retired.', restored: 'The root cause is in use again.' },
  },
  loop: {
    byRootCause: 'Closed cases by root cause', byOutcome: 'Closed cases by recovery', closedIn: (from, to) => `Closed ${from}–${to}`,
    rootCause: 'Root cause', outcome: 'Recovery', closed: 'Closed', share: 'Share', notRecorded: 'Not recorded', total: 'Total',
    closedCount: { one: '# closed case', other: '# closed cases' }, noClosed: 'No cases were closed in the period.',
  },
};

const pl: CaseInboxStrings = {
  columns: { score: 'Ocena', comment: 'Komentarz', touchpoint: 'Punkt styku', owner: 'Właściciel', slaLeft: 'Czas SLA' },
  left: { minutes: 'jeszcze # min', hours: 'jeszcze # h', days: { one: 'jeszcze # dzień', few: 'jeszcze # dni', many: 'jeszcze # dni', other: 'jeszcze # dnia' } },
  over: { minutes: 'po terminie o # min', hours: 'po terminie o # h', days: { one: 'po terminie o # dzień', few: 'po terminie o # dni', many: 'po terminie o # dni', other: 'po terminie o # dnia' } },
  title: ({ metric, touchpoint, comment }) => `${[metric, touchpoint].filter(Boolean).join(' – ')}${comment ? `: „${comment}”` : ''}`,
  scoreMetric: 'Ocena',
  close: {
    heading: 'Zamknij sprawę', intro: 'Przy zamknięciu sprawy zapisuje się przyczynę źródłową i to, jak odbudowano relację z klientem.', rootCause: 'Przyczyna źródłowa',
    rootCauseHint: 'Z listy przyczyn źródłowych organizacji.', noRootCauses: 'Nie zdefiniowano jeszcze przyczyn źródłowych; administrator dodaje je w sekcji Ustawienia › Przyczyny źródłowe.',
    addThemAt: 'Nie zdefiniowano jeszcze przyczyn źródłowych. Dodaj je w sekcji', setupPlace: 'Ustawienia › Przyczyny źródłowe',
    outcome: 'Odbudowa relacji', resolution: 'Rozwiązanie', resolutionHint: 'Potrzebne, jeśli sprawa nie jest jeszcze rozwiązana: co zrobiono.', submit: 'Zamknij sprawę',
    needRootCause: 'Wybierz przyczynę źródłową, aby zamknąć sprawę.', needOutcome: 'Wybierz, jak odbudowano relację z klientem.', needResolution: 'Opisz rozwiązanie, aby zamknąć sprawę.',
    done: 'Sprawa została zamknięta.',
  },
  outcomes: { recovered: 'Odbudowana', partly: 'Częściowo odbudowana', not_recovered: 'Nieodbudowana', unreachable: 'Nie udało się skontaktować z klientem' },
  details: { rootCause: 'Przyczyna źródłowa', outcome: 'Odbudowa relacji' },
  event: { rootCause: (name) => `Przyczyna źródłowa: ${name}`, outcome: (label) => `Odbudowa relacji: ${label}` },
  rootCauses: {
    section: ['Przyczyny źródłowe', 'Lista, z której wybiera się przyczynę źródłową przy zamknięciu sprawy.'], title: 'Przyczyny źródłowe',
    intro: 'Przy zamknięciu sprawy jej przyczynę źródłową wybiera się z tej listy. Wycofana przyczyna pozostaje w sprawach, które ją mają.',
    caption: 'Przyczyny źródłowe organizacji', name: 'Nazwa', state: 'Stan', active: 'W użyciu', retired: 'Wycofana', cases: 'Sprawy', empty: 'Nie ma jeszcze przyczyn źródłowych.',
    addHeading: 'Dodaj przyczynę źródłową', nameIn: { fi: 'Nazwa po fińsku', sv: 'Nazwa po szwedzku', en: 'Nazwa po angielsku', pl: 'Nazwa po polsku' },
    nameHint: 'Co najmniej jeden język; w pozostałych wyświetla się pierwsza podana nazwa.', add: 'Dodaj', edit: (name) => `Edytuj: ${name}`,
    editHeading: 'Zmień nazwę', save: 'Zapisz', retire: 'Wycofaj', restore: 'Przywróć do użytku',
    retireHint: 'Wycofanej przyczyny nie można wybrać przy nowych zamknięciach.', needName: 'Podaj nazwę w co najmniej jednym języku.', taken: (name) => `Przyczyna źródłowa „${name}” jest już na liście.`, back: 'Wróć do przyczyn źródłowych',
    done: { added: 'Dodano przyczynę źródłową.', renamed: 'Zapisano nazwę.', retired: 'Przyczyna źródłowa została wycofana.', restored: 'Przyczyna źródłowa jest znowu w użyciu.' },
  },
  loop: {
    byRootCause: 'Zamknięte sprawy według przyczyny źródłowej', byOutcome: 'Zamknięte sprawy według odbudowy relacji', closedIn: (from, to) => `Zamknięte ${from}–${to}`,
    rootCause: 'Przyczyna źródłowa', outcome: 'Odbudowa relacji', closed: 'Zamknięte', share: 'Udział', notRecorded: 'Nie zapisano', total: 'Razem',
    closedCount: { one: '# zamknięta sprawa', few: '# zamknięte sprawy', many: '# zamkniętych spraw', other: '# zamkniętej sprawy' }, noClosed: 'W tym okresie nie zamknięto żadnej sprawy.',
  },
};

const texts: Record<UiLanguage, CaseInboxStrings> = { fi, sv, en, pl };

export const caseInboxText = (language: UiLanguage): CaseInboxStrings => texts[language];
