/** Texts of the "Closing the loop" page (/app/loop) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';

export interface LoopMetricsStrings {
  locale: string;
  title: string;
  intro: string;
  filtersHeading: string;
  from: string;
  to: string;
  unit: string;
  allUnits: string;
  show: string;
  period: (from: string, to: string) => string;
  backToOverview: string;
  figuresCaption: string;
  figure: string;
  value: string;
  basis: string;
  cases: string;
  open: string;
  overdue: string;
  withinSla: string;
  firstAction: string;
  resolution: string;
  reopenRate: string;
  recoveryRate: string;
  /** What each figure's n counts. */
  basisCases: string;
  basisResolvedWithDue: string;
  basisFirstAction: string;
  basisResolved: string;
  basisEverResolved: string;
  basisFollowedUp: string;
  hours: (value: string) => string;
  notation: string;
  byUnitCaption: string;
  owningUnit: string;
  noUnit: string;
  noCases: string;
  invalid: (field: string) => string;
  /** The overview's link to this page. */
  overviewLink: string;
}

const fi: LoopMetricsStrings = {
  overviewLink: 'Silmukan sulkeminen: tapausten tunnusluvut tällä jaksolla',
  locale: 'fi-FI',
  title: 'Silmukan sulkeminen',
  intro: 'Jaksolla avatut ongelmatapaukset ja mitä niille tapahtui: avoimet, SLA-ajassa ratkaistut, aika ensimmäiseen toimenpiteeseen ja ratkaisuun, uudelleen avatut ja uusintakyselyllä takaisin voitetut arvostelijat.',
  filtersHeading: 'Rajaukset',
  from: 'Alkaen',
  to: 'Asti',
  unit: 'Yksikkö',
  allUnits: 'Kaikki yksiköt',
  show: 'Näytä',
  period: (from, to) => `Tapaukset avattu ${from}–${to}`,
  backToOverview: 'Takaisin yleiskuvaan samoilla rajauksilla',
  figuresCaption: 'Silmukan sulkemisen tunnusluvut',
  figure: 'Tunnusluku',
  value: 'Arvo',
  basis: 'n (peruste)',
  cases: 'Avattuja ongelmatapauksia',
  open: 'Avoinna nyt',
  overdue: 'Myöhässä nyt',
  withinSla: 'Ratkaistu SLA-ajassa',
  firstAction: 'Mediaaniaika ensimmäiseen toimenpiteeseen',
  resolution: 'Mediaaniaika ratkaisuun',
  reopenRate: 'Uudelleen avattuja',
  recoveryRate: 'Takaisin voitetut arvostelijat (uusintakysely)',
  basisCases: 'tapausta',
  basisResolvedWithDue: 'ratkaistua, joilla määräaika',
  basisFirstAction: 'tapausta, joissa toimenpide',
  basisResolved: 'ratkaistua',
  basisEverResolved: 'joskus ratkaistua',
  basisFollowedUp: 'arvostelijaa, jotka vastasivat uudelleen',
  hours: (v) => `${v} h`,
  notation: 'Osuudet on laskettu n:stä; ”–” tarkoittaa, ettei laskettavaa ole. Uusintakyselyn vastaukset eivät vaikuta NPS:ään eivätkä muihin kokemusmittareihin.',
  byUnitCaption: 'Tunnusluvut omistavan yksikön mukaan',
  owningUnit: 'Omistava yksikkö',
  noUnit: 'Ei yksikköä (henkilölle)',
  noCases: 'Jaksolla ei avattu ongelmatapauksia.',
  invalid: (field) => `Rajausta ”${field}” ei voitu lukea, joten se jätettiin pois.`,
};

const sv: LoopMetricsStrings = {
  overviewLink: 'Att sluta cirkeln: ärendenas nyckeltal för perioden',
  locale: 'sv-SE',
  title: 'Att sluta cirkeln',
  intro: 'Problemärenden som öppnats under perioden och vad som hände med dem: öppna, lösta inom SLA, tid till första åtgärd och till lösning, återöppnade och kritiker som vunnits tillbaka enligt uppföljningsenkäten.',
  filtersHeading: 'Filter',
  from: 'Från',
  to: 'Till',
  unit: 'Enhet',
  allUnits: 'Alla enheter',
  show: 'Visa',
  period: (from, to) => `Ärenden öppnade ${from}–${to}`,
  backToOverview: 'Tillbaka till översikten med samma filter',
  figuresCaption: 'Nyckeltal för att sluta cirkeln',
  figure: 'Nyckeltal',
  value: 'Värde',
  basis: 'n (underlag)',
  cases: 'Öppnade problemärenden',
  open: 'Öppna nu',
  overdue: 'Försenade nu',
  withinSla: 'Lösta inom SLA',
  firstAction: 'Mediantid till första åtgärd',
  resolution: 'Mediantid till lösning',
  reopenRate: 'Återöppnade',
  recoveryRate: 'Kritiker som vunnits tillbaka (uppföljningsenkät)',
  basisCases: 'ärenden',
  basisResolvedWithDue: 'lösta med förfallotid',
  basisFirstAction: 'ärenden med åtgärd',
  basisResolved: 'lösta',
  basisEverResolved: 'någon gång lösta',
  basisFollowedUp: 'kritiker som svarat igen',
  hours: (v) => `${v} h`,
  notation: 'Andelarna är räknade av n; ”–” betyder att det inte finns något att räkna. Svar på uppföljningsenkäten påverkar inte NPS eller andra upplevelsemått.',
  byUnitCaption: 'Nyckeltal per ägande enhet',
  owningUnit: 'Ägande enhet',
  noUnit: 'Ingen enhet (till en person)',
  noCases: 'Inga problemärenden öppnades under perioden.',
  invalid: (field) => `Filtret ”${field}” kunde inte läsas och har utelämnats.`,
};

const en: LoopMetricsStrings = {
  overviewLink: 'Closing the loop: case figures for this period',
  locale: 'en-GB',
  title: 'Closing the loop',
  intro: 'Problem cases opened in the period and what became of them: open, resolved within SLA, time to first action and to resolution, re-opened, and detractors won back according to the re-survey.',
  filtersHeading: 'Filters',
  from: 'From',
  to: 'To',
  unit: 'Unit',
  allUnits: 'All units',
  show: 'Show',
  period: (from, to) => `Cases opened ${from} – ${to}`,
  backToOverview: 'Back to the overview with the same filters',
  figuresCaption: 'Closed-loop figures',
  figure: 'Figure',
  value: 'Value',
  basis: 'n (basis)',
  cases: 'Problem cases opened',
  open: 'Open now',
  overdue: 'Overdue now',
  withinSla: 'Resolved within SLA',
  firstAction: 'Median time to first action',
  resolution: 'Median time to resolution',
  reopenRate: 'Re-opened',
  recoveryRate: 'Detractors won back (re-survey)',
  basisCases: 'cases',
  basisResolvedWithDue: 'resolved with a due time',
  basisFirstAction: 'cases with an action',
  basisResolved: 'resolved',
  basisEverResolved: 'ever resolved',
  basisFollowedUp: 'detractors who answered again',
  hours: (v) => `${v} h`,
  notation: 'Shares are of n; “–” means there is nothing to compute. Re-survey answers do not count in NPS or the other experience metrics.',
  byUnitCaption: 'Figures by owning unit',
  owningUnit: 'Owning unit',
  noUnit: 'No unit (owned by a person)',
  noCases: 'No problem cases were opened in the period.',
  invalid: (field) => `The filter “${field}” could not be read and was left out.`,
};

const pl: LoopMetricsStrings = {
  overviewLink: 'Zamykanie pętli: wskaźniki zgłoszeń w tym okresie',
  locale: 'pl-PL',
  title: 'Zamykanie pętli',
  intro: 'Zgłoszenia problemów otwarte w okresie i to, co się z nimi stało: otwarte, rozwiązane w ramach SLA, czas do pierwszego działania i do rozwiązania, ponownie otwarte oraz krytycy odzyskani według ankiety kontrolnej.',
  filtersHeading: 'Filtry',
  from: 'Od',
  to: 'Do',
  unit: 'Jednostka',
  allUnits: 'Wszystkie jednostki',
  show: 'Pokaż',
  period: (from, to) => `Zgłoszenia otwarte ${from}–${to}`,
  backToOverview: 'Powrót do przeglądu z tymi samymi filtrami',
  figuresCaption: 'Wskaźniki zamykania pętli',
  figure: 'Wskaźnik',
  value: 'Wartość',
  basis: 'n (podstawa)',
  cases: 'Otwarte zgłoszenia problemów',
  open: 'Otwarte teraz',
  overdue: 'Przeterminowane teraz',
  withinSla: 'Rozwiązane w ramach SLA',
  firstAction: 'Mediana czasu do pierwszego działania',
  resolution: 'Mediana czasu do rozwiązania',
  reopenRate: 'Ponownie otwarte',
  recoveryRate: 'Odzyskani krytycy (ankieta kontrolna)',
  basisCases: 'zgłoszeń',
  basisResolvedWithDue: 'rozwiązanych z terminem',
  basisFirstAction: 'zgłoszeń z działaniem',
  basisResolved: 'rozwiązanych',
  basisEverResolved: 'kiedykolwiek rozwiązanych',
  basisFollowedUp: 'krytyków, którzy odpowiedzieli ponownie',
  hours: (v) => `${v} godz.`,
  notation: 'Udziały liczone są od n; „–” oznacza, że nie ma czego liczyć. Odpowiedzi na ankietę kontrolną nie wliczają się do NPS ani innych miar doświadczenia.',
  byUnitCaption: 'Wskaźniki według jednostki odpowiedzialnej',
  owningUnit: 'Jednostka odpowiedzialna',
  noUnit: 'Bez jednostki (przypisane osobie)',
  noCases: 'W tym okresie nie otwarto zgłoszeń problemów.',
  invalid: (field) => `Filtru „${field}” nie udało się odczytać, więc został pominięty.`,
};

const texts: Record<UiLanguage, LoopMetricsStrings> = { fi, sv, en, pl };

export const loopMetricsText = (language: UiLanguage): LoopMetricsStrings => texts[language];
