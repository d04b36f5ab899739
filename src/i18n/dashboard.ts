/**
 * Dashboard and sign-in texts in the four UI languages. One object per language with the
 * same keys (the type enforces it), so a missing translation is a type error, not a blank.
 */
import type { UiLanguage } from './index.ts';
import type { NpsBand } from '../pages/charts.ts';

export interface DashboardStrings {
  appName: string;
  skipToContent: string;
  language: string;
  mainNavigation: string;
  signedInAs: (name: string) => string;
  signIn: {
    title: string;
    intro: string;
    email: string;
    password: string;
    submit: string;
    errorHeading: string;
    invalidCredentials: string;
    missingFields: string;
    signOut: string;
    signedOut: string;
  };
  nav: { overview: string; journeys: string; praise: string; feedback: string; cases: string; actions: string; setup: string; drivers: string; text: string; churn: string; contacts: string; segments: string; benchmarks: string; reports: string };
  filters: {
    heading: string;
    from: string;
    to: string;
    journey: string;
    allJourneys: string;
    channel: string;
    allChannels: string;
    unit: string;
    allUnits: string;
    apply: string;
    reset: string;
    invalid: (field: string) => string;
    segment: string;
    responseLanguage: string;
    allLanguages: string;
    persona: string;
    allPersonas: string;
    allSegments: string;
  };
  exports: { heading: string; intro: string; link: (dataset: 'answers' | 'responses', format: string) => string };
  overview: {
    title: string;
    intro: string;
    period: (from: string, to: string) => string;
    stage: string;
    touchpoint: string;
    channel: string;
    channels: string;
    answers: string;
    nps: string;
    ci95: string;
    tooSmall: string;
    noAnswers: string;
    wholeJourney: string;
    headline: string;
    stagesHeading: string;
    tableCaption: (journey: string) => string;
    channelsHeading: string;
    channelsCaption: (journey: string) => string;
    legend: (minGroupSize: number) => string;
    emptyTitle: string;
    emptyBody: string;
    noJourneys: string;
    persona: (persona: string) => string;
  };
  trend: {
    heading: string;
    desc: (months: number, shown: number) => string;
    tableCaption: string;
    month: string;
    point: (month: string, nps: string, low: string, high: string, n: string) => string;
    noData: string;
  };
  phases: Record<'before' | 'during' | 'after', string>;
  channelNames: Record<string, string>;
  bands: Record<NpsBand, string>;
  errors: { forbidden: string; generic: string; back: string };
}

export const dashboardStrings: Record<UiLanguage, DashboardStrings> = {
  en: {
    appName: 'Kaiku',
    skipToContent: 'Skip to content',
    language: 'Language',
    mainNavigation: 'Main',
    signedInAs: (name) => `Signed in as ${name}`,
    signIn: {
      title: 'Sign in',
      intro: 'Sign in to see your customers’ experience along their journeys.',
      email: 'E-mail address',
      password: 'Password',
      submit: 'Sign in',
      errorHeading: 'There is a problem',
      invalidCredentials: 'The e-mail address or password is not correct.',
      missingFields: 'Enter your e-mail address and password.',
      signOut: 'Sign out',
      signedOut: 'You have signed out.',
    },
    nav: { overview: 'Journey overview', journeys: 'Journey map', praise: 'Praise wall', feedback: 'Feedback on our work', cases: 'Cases', actions: 'Action plans', setup: 'Set-up', drivers: 'Drivers', text: 'Open answers', churn: 'Churn risk', contacts: 'Contacts', segments: 'Segments', benchmarks: 'Benchmarks', reports: 'Reports' },
    filters: {
      heading: 'Filters',
      from: 'From',
      to: 'To',
      journey: 'Journey',
      allJourneys: 'All journeys',
      channel: 'Channel',
      allChannels: 'All channels',
      unit: 'Unit',
      allUnits: 'All units',
      apply: 'Apply filters',
      reset: 'Clear filters',
      invalid: (field) => `“${field}” was not understood and is ignored.`,
      segment: 'Segment',
      responseLanguage: 'Answer language',
      allLanguages: 'All languages',
      persona: 'Persona',
      allPersonas: 'All personas', allSegments: 'All segments',
    },
    exports: {
      heading: 'Download the data behind this view',
      intro: 'The same filters apply to the files.',
      link: (dataset, format) => `${dataset === 'answers' ? 'Answers' : 'Responses'} (${format.toUpperCase()})`,
    },
    overview: {
      title: 'Journey overview',
      intro: 'NPS per stage and touchpoint of each customer journey, before, during and after purchase.',
      period: (from, to) => `Period: ${from} – ${to}`,
      stage: 'Stage',
      touchpoint: 'Touchpoint',
      channel: 'Channel',
      channels: 'Channels',
      answers: 'Answers (n)',
      nps: 'NPS',
      ci95: '95 % confidence interval',
      tooSmall: 'n too small',
      noAnswers: 'no answers',
      wholeJourney: 'Whole journey',
      headline: 'NPS for the period',
      stagesHeading: 'Stages',
      tableCaption: (journey) => `${journey}: NPS by stage and touchpoint`,
      channelsHeading: 'By channel',
      channelsCaption: (journey) => `${journey}: NPS by channel`,
      legend: (min) => `Colour shows the NPS band and the band is also written out: below 0 critical, 0–29 fair, 30–50 good, above 50 excellent. Groups with fewer than ${min} answers show no NPS.`,
      emptyTitle: 'No responses yet',
      emptyBody: 'There are no answers for these filters. Widen the period or clear the filters; results appear here as soon as customers answer.',
      noJourneys: 'No customer journeys have been described yet.',
      persona: (persona) => `Persona: ${persona}`,
    },
    trend: {
      heading: 'NPS trend by month',
      desc: (months, shown) => `Line chart of NPS by month over ${months} months with its 95 % confidence band; ${shown} months have enough answers to show. The same figures are in the table below.`,
      tableCaption: 'NPS by month',
      month: 'Month',
      point: (month, nps, low, high, n) => `${month}: NPS ${nps} (95 % CI ${low} to ${high}, n = ${n})`,
      noData: 'No month has enough answers for a trend yet.',
    },
    phases: { before: 'Before purchase', during: 'During purchase', after: 'After purchase' },
    channelNames: { web: 'Web', email: 'E-mail', sms: 'SMS', phone: 'Phone', chat: 'Chat', app: 'App', store: 'Store', field: 'Field', kiosk: 'Kiosk', mail: 'Mail', social: 'Social media', other: 'Other' },
    bands: { critical: 'critical', fair: 'fair', good: 'good', excellent: 'excellent' },
    errors: { forbidden: 'Your role does not allow this page.', generic: 'Something went wrong. Please try again.', back: 'Back to the overview' },
  },
  fi: {
    appName: 'Kaiku',
    skipToContent: 'Siirry sisältöön',
    language: 'Kieli',
    mainNavigation: 'Päävalikko',
    signedInAs: (name) => `Kirjautuneena: ${name}`,
    signIn: {
      title: 'Kirjaudu sisään',
      intro: 'Kirjaudu nähdäksesi asiakkaidesi kokemuksen palvelupolun varrella.',
      email: 'Sähköpostiosoite',
      password: 'Salasana',
      submit: 'Kirjaudu',
      errorHeading: 'Tarkista tiedot',
      invalidCredentials: 'Sähköpostiosoite tai salasana ei ole oikein.',
      missingFields: 'Anna sähköpostiosoite ja salasana.',
      signOut: 'Kirjaudu ulos',
      signedOut: 'Olet kirjautunut ulos.',
    },
    nav: { overview: 'Palvelupolut', journeys: 'Polkukartta', praise: 'Kiitosseinä', feedback: 'Palaute työstämme', cases: 'Tapaukset', actions: 'Toimenpiteet', setup: 'Asetukset', drivers: 'Ajurit', text: 'Avoimet vastaukset', churn: 'Poistumariski', contacts: 'Yhteystiedot', segments: 'Segmentit', benchmarks: 'Vertailutiedot', reports: 'Raportit' },
    filters: {
      heading: 'Rajaukset',
      from: 'Alkaen',
      to: 'Päättyen',
      journey: 'Palvelupolku',
      allJourneys: 'Kaikki palvelupolut',
      channel: 'Kanava',
      allChannels: 'Kaikki kanavat',
      unit: 'Yksikkö',
      allUnits: 'Kaikki yksiköt',
      apply: 'Rajaa',
      reset: 'Poista rajaukset',
      invalid: (field) => `Kenttää ”${field}” ei ymmärretty, joten sitä ei käytetä.`,
      segment: 'Segmentti',
      responseLanguage: 'Vastauskieli',
      allLanguages: 'Kaikki kielet',
      persona: 'Persoona',
      allPersonas: 'Kaikki persoonat', allSegments: 'Kaikki segmentit',
    },
    exports: {
      heading: 'Lataa näkymän tiedot',
      intro: 'Tiedostoissa on samat rajaukset.',
      link: (dataset, format) => `${dataset === 'answers' ? 'Vastaukset kysymyksittäin' : 'Vastaukset'} (${format.toUpperCase()})`,
    },
    overview: {
      title: 'Palvelupolkujen yleiskuva',
      intro: 'NPS jokaisen palvelupolun vaiheittain ja kosketuspisteittäin ennen ostoa, oston aikana ja sen jälkeen.',
      period: (from, to) => `Ajanjakso: ${from} – ${to}`,
      stage: 'Vaihe',
      touchpoint: 'Kosketuspiste',
      channel: 'Kanava',
      channels: 'Kanavat',
      answers: 'Vastauksia (n)',
      nps: 'NPS',
      ci95: '95 %:n luottamusväli',
      tooSmall: 'liian pieni n',
      noAnswers: 'ei vastauksia',
      wholeJourney: 'Koko polku',
      headline: 'NPS valitulla jaksolla',
      stagesHeading: 'Vaiheet',
      tableCaption: (journey) => `${journey}: NPS vaiheittain ja kosketuspisteittäin`,
      channelsHeading: 'Kanavittain',
      channelsCaption: (journey) => `${journey}: NPS kanavittain`,
      legend: (min) => `Väri kertoo NPS-luokan, ja luokka on myös kirjoitettu: alle 0 kriittinen, 0–29 kohtalainen, 30–50 hyvä, yli 50 erinomainen. Alle ${min} vastauksen ryhmille ei näytetä NPS:ää.`,
      emptyTitle: 'Ei vielä vastauksia',
      emptyBody: 'Näillä rajauksilla ei ole vastauksia. Laajenna ajanjaksoa tai poista rajaukset; tulokset näkyvät tässä heti, kun asiakkaat vastaavat.',
      noJourneys: 'Palvelupolkuja ei ole vielä kuvattu.',
      persona: (persona) => `Persoona: ${persona}`,
    },
    trend: {
      heading: 'NPS:n kehitys kuukausittain',
      desc: (months, shown) => `Viivakaavio NPS:stä kuukausittain ${months} kuukauden ajalta 95 %:n luottamusvälin kanssa; ${shown} kuukaudella on tarpeeksi vastauksia näytettäväksi. Samat luvut ovat alla olevassa taulukossa.`,
      tableCaption: 'NPS kuukausittain',
      month: 'Kuukausi',
      point: (month, nps, low, high, n) => `${month}: NPS ${nps} (95 %:n luottamusväli ${low}…${high}, n = ${n})`,
      noData: 'Yhdelläkään kuukaudella ei ole vielä tarpeeksi vastauksia kehityksen näyttämiseen.',
    },
    phases: { before: 'Ennen ostoa', during: 'Oston aikana', after: 'Oston jälkeen' },
    channelNames: { web: 'Verkko', email: 'Sähköposti', sms: 'Tekstiviesti', phone: 'Puhelin', chat: 'Chat', app: 'Sovellus', store: 'Myymälä', field: 'Kenttä', kiosk: 'Kioski', mail: 'Kirje', social: 'Some', other: 'Muu' },
    bands: { critical: 'kriittinen', fair: 'kohtalainen', good: 'hyvä', excellent: 'erinomainen' },
    errors: { forbidden: 'Roolisi ei salli tätä sivua.', generic: 'Jokin meni vikaan. Yritä uudelleen.', back: 'Takaisin yleiskuvaan' },
  },
  sv: {
    appName: 'Kaiku',
    skipToContent: 'Hoppa till innehållet',
    language: 'Språk',
    mainNavigation: 'Huvudmeny',
    signedInAs: (name) => `Inloggad som ${name}`,
    signIn: {
      title: 'Logga in',
      intro: 'Logga in för att se dina kunders upplevelse längs kundresan.',
      email: 'E-postadress',
      password: 'Lösenord',
      submit: 'Logga in',
      errorHeading: 'Något behöver rättas',
      invalidCredentials: 'E-postadressen eller lösenordet är inte korrekt.',
      missingFields: 'Ange din e-postadress och ditt lösenord.',
      signOut: 'Logga ut',
      signedOut: 'Du har loggat ut.',
    },
    nav: { overview: 'Kundresor', journeys: 'Resekarta', praise: 'Berömväggen', feedback: 'Feedback på vårt arbete', cases: 'Ärenden', actions: 'Åtgärdsplaner', setup: 'Inställningar', drivers: 'Drivkrafter', text: 'Fritextsvar', churn: 'Churnrisk', contacts: 'Kontakter', segments: 'Segment', benchmarks: 'Jämförelsetal', reports: 'Rapporter' },
    filters: {
      heading: 'Filter',
      from: 'Från',
      to: 'Till',
      journey: 'Kundresa',
      allJourneys: 'Alla kundresor',
      channel: 'Kanal',
      allChannels: 'Alla kanaler',
      unit: 'Enhet',
      allUnits: 'Alla enheter',
      apply: 'Filtrera',
      reset: 'Rensa filter',
      invalid: (field) => `”${field}” kunde inte tolkas och används inte.`,
      segment: 'Segment',
      responseLanguage: 'Svarsspråk',
      allLanguages: 'Alla språk',
      persona: 'Persona',
      allPersonas: 'Alla personor', allSegments: 'Alla segment',
    },
    exports: {
      heading: 'Ladda ned data för vyn',
      intro: 'Samma filter gäller för filerna.',
      link: (dataset, format) => `${dataset === 'answers' ? 'Svar per fråga' : 'Svar'} (${format.toUpperCase()})`,
    },
    overview: {
      title: 'Översikt över kundresor',
      intro: 'NPS per steg och kontaktpunkt i varje kundresa, före, under och efter köpet.',
      period: (from, to) => `Period: ${from} – ${to}`,
      stage: 'Steg',
      touchpoint: 'Kontaktpunkt',
      channel: 'Kanal',
      channels: 'Kanaler',
      answers: 'Svar (n)',
      nps: 'NPS',
      ci95: '95 % konfidensintervall',
      tooSmall: 'för litet n',
      noAnswers: 'inga svar',
      wholeJourney: 'Hela resan',
      headline: 'NPS för perioden',
      stagesHeading: 'Steg',
      tableCaption: (journey) => `${journey}: NPS per steg och kontaktpunkt`,
      channelsHeading: 'Per kanal',
      channelsCaption: (journey) => `${journey}: NPS per kanal`,
      legend: (min) => `Färgen visar NPS-klassen och klassen står också i text: under 0 kritisk, 0–29 godtagbar, 30–50 bra, över 50 utmärkt. Grupper med färre än ${min} svar visar ingen NPS.`,
      emptyTitle: 'Inga svar ännu',
      emptyBody: 'Det finns inga svar för de här filtren. Vidga perioden eller rensa filtren; resultaten syns här så snart kunderna svarar.',
      noJourneys: 'Inga kundresor har beskrivits ännu.',
      persona: (persona) => `Persona: ${persona}`,
    },
    trend: {
      heading: 'NPS-utveckling per månad',
      desc: (months, shown) => `Linjediagram över NPS per månad under ${months} månader med 95 % konfidensband; ${shown} månader har tillräckligt många svar för att visas. Samma siffror finns i tabellen nedan.`,
      tableCaption: 'NPS per månad',
      month: 'Månad',
      point: (month, nps, low, high, n) => `${month}: NPS ${nps} (95 % KI ${low} till ${high}, n = ${n})`,
      noData: 'Ingen månad har ännu tillräckligt många svar för en trend.',
    },
    phases: { before: 'Före köpet', during: 'Under köpet', after: 'Efter köpet' },
    channelNames: { web: 'Webb', email: 'E-post', sms: 'Sms', phone: 'Telefon', chat: 'Chatt', app: 'App', store: 'Butik', field: 'Fält', kiosk: 'Kiosk', mail: 'Brev', social: 'Sociala medier', other: 'Annat' },
    bands: { critical: 'kritisk', fair: 'godtagbar', good: 'bra', excellent: 'utmärkt' },
    errors: { forbidden: 'Din roll ger inte tillgång till den här sidan.', generic: 'Något gick fel. Försök igen.', back: 'Tillbaka till översikten' },
  },
  pl: {
    appName: 'Kaiku',
    skipToContent: 'Przejdź do treści',
    language: 'Język',
    mainNavigation: 'Menu główne',
    signedInAs: (name) => `Zalogowano jako ${name}`,
    signIn: {
      title: 'Zaloguj się',
      intro: 'Zaloguj się, aby zobaczyć doświadczenia klientów na ich ścieżkach.',
      email: 'Adres e-mail',
      password: 'Hasło',
      submit: 'Zaloguj się',
      errorHeading: 'Wystąpił problem',
      invalidCredentials: 'Adres e-mail lub hasło są nieprawidłowe.',
      missingFields: 'Podaj adres e-mail i hasło.',
      signOut: 'Wyloguj się',
      signedOut: 'Wylogowano.',
    },
    nav: { overview: 'Ścieżki klienta', journeys: 'Mapa ścieżek', praise: 'Ściana pochwał', feedback: 'Opinie o naszej pracy', cases: 'Sprawy', actions: 'Plany działań', setup: 'Ustawienia', drivers: 'Czynniki', text: 'Odpowiedzi otwarte', churn: 'Ryzyko odejścia', contacts: 'Kontakty', segments: 'Segmenty', benchmarks: 'Benchmarki', reports: 'Raporty' },
    filters: {
      heading: 'Filtry',
      from: 'Od',
      to: 'Do',
      journey: 'Ścieżka klienta',
      allJourneys: 'Wszystkie ścieżki',
      channel: 'Kanał',
      allChannels: 'Wszystkie kanały',
      unit: 'Jednostka',
      allUnits: 'Wszystkie jednostki',
      apply: 'Filtruj',
      reset: 'Wyczyść filtry',
      invalid: (field) => `Nie rozpoznano wartości „${field}”, więc jest pomijana.`,
      segment: 'Segment',
      responseLanguage: 'Język odpowiedzi',
      allLanguages: 'Wszystkie języki',
      persona: 'Persona',
      allPersonas: 'Wszystkie persony', allSegments: 'Wszystkie segmenty',
    },
    exports: {
      heading: 'Pobierz dane tego widoku',
      intro: 'Pliki mają te same filtry.',
      link: (dataset, format) => `${dataset === 'answers' ? 'Odpowiedzi na pytania' : 'Odpowiedzi'} (${format.toUpperCase()})`,
    },
    overview: {
      title: 'Przegląd ścieżek klienta',
      intro: 'NPS dla każdego etapu i punktu styku ścieżki klienta: przed zakupem, w trakcie i po zakupie.',
      period: (from, to) => `Okres: ${from} – ${to}`,
      stage: 'Etap',
      touchpoint: 'Punkt styku',
      channel: 'Kanał',
      channels: 'Kanały',
      answers: 'Odpowiedzi (n)',
      nps: 'NPS',
      ci95: '95% przedział ufności',
      tooSmall: 'za małe n',
      noAnswers: 'brak odpowiedzi',
      wholeJourney: 'Cała ścieżka',
      headline: 'NPS w okresie',
      stagesHeading: 'Etapy',
      tableCaption: (journey) => `${journey}: NPS według etapów i punktów styku`,
      channelsHeading: 'Według kanału',
      channelsCaption: (journey) => `${journey}: NPS według kanału`,
      legend: (min) => `Kolor oznacza przedział NPS, który jest też zapisany słownie: poniżej 0 krytyczny, 0–29 przeciętny, 30–50 dobry, powyżej 50 doskonały. Dla grup z mniej niż ${min} odpowiedziami NPS nie jest pokazywany.`,
      emptyTitle: 'Brak odpowiedzi',
      emptyBody: 'Brak odpowiedzi dla tych filtrów. Poszerz okres lub wyczyść filtry; wyniki pojawią się tutaj, gdy tylko klienci odpowiedzą.',
      noJourneys: 'Nie opisano jeszcze żadnej ścieżki klienta.',
      persona: (persona) => `Persona: ${persona}`,
    },
    trend: {
      heading: 'Trend NPS według miesięcy',
      desc: (months, shown) => `Wykres liniowy NPS według miesięcy z ${months} miesięcy z 95% pasmem ufności; ${shown} miesięcy ma wystarczająco odpowiedzi, by je pokazać. Te same liczby są w tabeli poniżej.`,
      tableCaption: 'NPS według miesięcy',
      month: 'Miesiąc',
      point: (month, nps, low, high, n) => `${month}: NPS ${nps} (95% PU od ${low} do ${high}, n = ${n})`,
      noData: 'Żaden miesiąc nie ma jeszcze wystarczająco odpowiedzi, by pokazać trend.',
    },
    phases: { before: 'Przed zakupem', during: 'W trakcie zakupu', after: 'Po zakupie' },
    channelNames: { web: 'Strona WWW', email: 'E-mail', sms: 'SMS', phone: 'Telefon', chat: 'Czat', app: 'Aplikacja', store: 'Sklep', field: 'Teren', kiosk: 'Kiosk', mail: 'List', social: 'Media społecznościowe', other: 'Inne' },
    bands: { critical: 'krytyczny', fair: 'przeciętny', good: 'dobry', excellent: 'doskonały' },
    errors: { forbidden: 'Twoja rola nie daje dostępu do tej strony.', generic: 'Coś poszło nie tak. Spróbuj ponownie.', back: 'Powrót do przeglądu' },
  },
};

export const dashboardText = (language: UiLanguage): DashboardStrings => dashboardStrings[language];
