/** Texts of the action-plan pages (/app/actions) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';

type PlanStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
type MetricName = 'nps' | 'csat' | 'ces' | 'likert' | 'rating';

export interface ActionStrings {
  title: string; intro: string; newPlan: string;
  filtersHeading: string; status: string; anyStatus: string; owner: string; anyOwner: string; apply: string; reset: string;
  caption: (count: number) => string; columns: { title: string; tiedTo: string; owner: string; status: string; starts: string; due: string };
  overdue: string; noOwner: string; empty: string; emptyFiltered: string; invalidFilter: (names: string) => string;
  statuses: Record<PlanStatus, string>;
  metrics: Record<MetricName, string>;
  form: {
    heading: string; intro: string; planTitle: string; description: string; metric: string; metricHint: string;
    tiedLegend: string; tiedHint: string; touchpoint: string; noTouchpoint: string; question: string; noQuestion: string; topic: string; topicHint: string;
    startsOn: string; startsHint: string; dueOn: string; create: string; needTie: string; badDate: string; dueBeforeStart: string;
  };
  plan: {
    back: string; details: string; tiedTo: string; touchpoint: (name: string) => string; question: (name: string) => string; topic: (name: string) => string;
    metric: string; startsOn: string; description: string; changeStatus: string; statusTo: string; statusSubmit: string;
    done: { created: string; status: string };
  };
  start: { heading: string; intro: string; link: (driver: string) => string };
  effect: {
    heading: string; intro: (days: number) => string; notStarted: (date: string) => string;
    notEnoughData: (min: number, before: number, after: number) => string;
    before: string; after: string; period: string; value: string; answers: string; difference: string; ci: string; p: string;
    summary: (metric: string, after: string, before: string, difference: string) => string;
    range: (low: string, high: string) => string; verdict: { up: string; down: string; noClearChange: string; notTestable: string };
    tableCaption: string; chartTitle: string; chartDesc: (before: string, after: string) => string; points: string; percentPoints: string;
  };
}

const en: ActionStrings = {
  title: 'Action plans', intro: 'Improvements tied to a driver, a touchpoint or a topic: who owns them, when they are due, and whether the metric moved after they started.',
  newPlan: 'New action plan',
  filtersHeading: 'Filter the plans', status: 'Status', anyStatus: 'Any status', owner: 'Owner', anyOwner: 'Anyone', apply: 'Show', reset: 'Clear filters',
  caption: (n) => `${n} action plan${n === 1 ? '' : 's'}`, columns: { title: 'Plan', tiedTo: 'Tied to', owner: 'Owner', status: 'Status', starts: 'Starts', due: 'Due' },
  overdue: 'overdue', noOwner: 'No owner', empty: 'No action plans yet. Start one for the driver or touchpoint you want to improve.', emptyFiltered: 'No action plans match these filters.',
  invalidFilter: (names) => `These filters were not understood and are ignored: ${names}.`,
  statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  metrics: { nps: 'NPS', csat: 'CSAT (share satisfied)', ces: 'CES (ease, mean)', likert: 'Agreement with the statement', rating: 'Rating (mean)' },
  form: {
    heading: 'New action plan', intro: 'Describe the improvement, tie it to what it should improve, and choose the metric that shows its effect.',
    planTitle: 'What will be done', description: 'Details', metric: 'Metric that shows the effect', metricHint: 'Agreement and rating are measured on the chosen question.',
    tiedLegend: 'What the plan improves', tiedHint: 'Choose a touchpoint, a driver question or a topic (at least one).',
    touchpoint: 'Touchpoint', noTouchpoint: 'No touchpoint', question: 'Driver question', noQuestion: 'No question', topic: 'Topic', topicHint: 'A topic of the open answers, e.g. "waiting time".',
    startsOn: 'Starts on', startsHint: 'The effect compares the time before this day with the time after it.', dueOn: 'Due on', create: 'Create the plan',
    needTie: 'Choose a touchpoint, a driver question or a topic.', badDate: 'Enter a date (YYYY-MM-DD).', dueBeforeStart: 'The due date cannot be before the start.',
  },
  plan: {
    back: 'All action plans', details: 'About the plan', tiedTo: 'Tied to', touchpoint: (n) => `Touchpoint: ${n}`, question: (n) => `Driver: ${n}`, topic: (n) => `Topic: ${n}`,
    metric: 'Metric', startsOn: 'Starts', description: 'Details', changeStatus: 'Change the status', statusTo: 'New status', statusSubmit: 'Change status',
    done: { created: 'The action plan was created.', status: 'The status was changed.' },
  },
  start: { heading: 'Act on the drivers', intro: 'Start an action plan for a driver (most important first); the plan then shows whether the metric moved after it started.', link: (d) => `Start an action plan: ${d}` },
  effect: {
    heading: 'Effect so far', intro: (d) => `The ${d} days before the start compared with the ${d} days after it.`,
    notStarted: (date) => `The plan starts on ${date}. Its effect can be measured once it has started.`,
    notEnoughData: (min, b, a) => `Not enough data yet: ${b} answer${b === 1 ? '' : 's'} before the start and ${a} after it. At least ${min} on each side are needed to compare.`,
    before: 'Before', after: 'After', period: 'Period', value: 'Value', answers: 'Answers (n)', difference: 'Change (after − before)', ci: '95 % confidence interval', p: 'p-value',
    summary: (m, a, b, d) => `After the start ${m} is ${a}, compared with ${b} before: a change of ${d}.`,
    range: (lo, hi) => `from ${lo} to ${hi}`,
    verdict: {
      up: 'The rise is statistically significant (p < 0.05): it is unlikely to be chance alone.',
      down: 'The fall is statistically significant (p < 0.05): it is unlikely to be chance alone.',
      noClearChange: 'The change is not statistically significant (p ≥ 0.05): it could be chance. More answers make the picture clearer.',
      notTestable: 'The change cannot be tested: the answers do not vary enough.',
    },
    tableCaption: 'The metric before and after the start', chartTitle: 'Before and after the start', chartDesc: (b, a) => `Before: ${b}. After: ${a}. Lines show the 95 % confidence intervals.`,
    points: 'points', percentPoints: 'percentage points',
  },
};

const fi: ActionStrings = {
  title: 'Toimenpidesuunnitelmat', intro: 'Parannukset, jotka kohdistuvat ajuriin, kosketuspisteeseen tai aiheeseen: kuka vastaa, mihin mennessä ja liikkuiko mittari aloituksen jälkeen.',
  newPlan: 'Uusi toimenpidesuunnitelma',
  filtersHeading: 'Suodata suunnitelmia', status: 'Tila', anyStatus: 'Mikä tahansa tila', owner: 'Vastuuhenkilö', anyOwner: 'Kuka tahansa', apply: 'Näytä', reset: 'Tyhjennä suodattimet',
  caption: (n) => `${n} toimenpidesuunnitelma${n === 1 ? '' : 'a'}`, columns: { title: 'Suunnitelma', tiedTo: 'Kohde', owner: 'Vastuuhenkilö', status: 'Tila', starts: 'Alkaa', due: 'Määräaika' },
  overdue: 'myöhässä', noOwner: 'Ei vastuuhenkilöä', empty: 'Toimenpidesuunnitelmia ei vielä ole. Aloita sellainen ajurille tai kosketuspisteelle, jota haluat parantaa.', emptyFiltered: 'Mikään suunnitelma ei vastaa suodattimia.',
  invalidFilter: (names) => `Näitä suodattimia ei ymmärretty, joten ne ohitetaan: ${names}.`,
  statuses: { planned: 'Suunniteltu', in_progress: 'Käynnissä', done: 'Valmis', cancelled: 'Peruttu' },
  metrics: { nps: 'NPS', csat: 'CSAT (tyytyväisten osuus)', ces: 'CES (helppous, keskiarvo)', likert: 'Samaa mieltä väittämän kanssa', rating: 'Arvosana (keskiarvo)' },
  form: {
    heading: 'Uusi toimenpidesuunnitelma', intro: 'Kuvaa parannus, kohdista se siihen mitä sen pitäisi parantaa ja valitse mittari, josta vaikutus näkyy.',
    planTitle: 'Mitä tehdään', description: 'Lisätiedot', metric: 'Mittari, josta vaikutus näkyy', metricHint: 'Samanmielisyys ja arvosana mitataan valitusta kysymyksestä.',
    tiedLegend: 'Mitä suunnitelma parantaa', tiedHint: 'Valitse kosketuspiste, ajurikysymys tai aihe (vähintään yksi).',
    touchpoint: 'Kosketuspiste', noTouchpoint: 'Ei kosketuspistettä', question: 'Ajurikysymys', noQuestion: 'Ei kysymystä', topic: 'Aihe', topicHint: 'Avointen vastausten aihe, esim. ”jonotusaika”.',
    startsOn: 'Alkaa', startsHint: 'Vaikutuksessa verrataan tätä päivää edeltävää aikaa sen jälkeiseen.', dueOn: 'Määräaika', create: 'Luo suunnitelma',
    needTie: 'Valitse kosketuspiste, ajurikysymys tai aihe.', badDate: 'Anna päivämäärä (VVVV-KK-PP).', dueBeforeStart: 'Määräaika ei voi olla ennen alkua.',
  },
  plan: {
    back: 'Kaikki toimenpidesuunnitelmat', details: 'Suunnitelman tiedot', tiedTo: 'Kohde', touchpoint: (n) => `Kosketuspiste: ${n}`, question: (n) => `Ajuri: ${n}`, topic: (n) => `Aihe: ${n}`,
    metric: 'Mittari', startsOn: 'Alkaa', description: 'Lisätiedot', changeStatus: 'Muuta tilaa', statusTo: 'Uusi tila', statusSubmit: 'Muuta tila',
    done: { created: 'Toimenpidesuunnitelma luotiin.', status: 'Tila muutettiin.' },
  },
  start: { heading: 'Toimi ajurien pohjalta', intro: 'Aloita toimenpidesuunnitelma ajurille (tärkein ensin); suunnitelma näyttää, liikkuiko mittari sen alettua.', link: (d) => `Aloita toimenpidesuunnitelma: ${d}` },
  effect: {
    heading: 'Vaikutus tähän mennessä', intro: (d) => `Alkua edeltävät ${d} päivää verrattuna sen jälkeisiin ${d} päivään.`,
    notStarted: (date) => `Suunnitelma alkaa ${date}. Vaikutus voidaan mitata, kun se on alkanut.`,
    notEnoughData: (min, b, a) => `Dataa ei ole vielä tarpeeksi: ennen alkua on ${b} vastausta ja sen jälkeen ${a}. Vertailuun tarvitaan vähintään ${min} kummallekin puolelle.`,
    before: 'Ennen', after: 'Jälkeen', period: 'Jakso', value: 'Arvo', answers: 'Vastauksia (n)', difference: 'Muutos (jälkeen − ennen)', ci: '95 %:n luottamusväli', p: 'p-arvo',
    summary: (m, a, b, d) => `Alun jälkeen ${m} on ${a}, kun se ennen oli ${b}: muutos ${d}.`,
    range: (lo, hi) => `${lo} … ${hi}`,
    verdict: {
      up: 'Nousu on tilastollisesti merkitsevä (p < 0,05): se tuskin johtuu pelkästä sattumasta.',
      down: 'Lasku on tilastollisesti merkitsevä (p < 0,05): se tuskin johtuu pelkästä sattumasta.',
      noClearChange: 'Muutos ei ole tilastollisesti merkitsevä (p ≥ 0,05): se voi johtua sattumasta. Lisää vastauksia selkeyttää kuvaa.',
      notTestable: 'Muutosta ei voi testata: vastaukset eivät vaihtele tarpeeksi.',
    },
    tableCaption: 'Mittari ennen alkua ja sen jälkeen', chartTitle: 'Ennen alkua ja sen jälkeen', chartDesc: (b, a) => `Ennen: ${b}. Jälkeen: ${a}. Viivat näyttävät 95 %:n luottamusvälit.`,
    points: 'pistettä', percentPoints: 'prosenttiyksikköä',
  },
};

const sv: ActionStrings = {
  title: 'Åtgärdsplaner', intro: 'Förbättringar kopplade till en drivkraft, en kontaktpunkt eller ett ämne: vem som äger dem, när de ska vara klara och om mätetalet rörde sig efter starten.',
  newPlan: 'Ny åtgärdsplan',
  filtersHeading: 'Filtrera planerna', status: 'Status', anyStatus: 'Alla statusar', owner: 'Ansvarig', anyOwner: 'Alla', apply: 'Visa', reset: 'Rensa filter',
  caption: (n) => `${n} åtgärdsplan${n === 1 ? '' : 'er'}`, columns: { title: 'Plan', tiedTo: 'Kopplad till', owner: 'Ansvarig', status: 'Status', starts: 'Startar', due: 'Klar senast' },
  overdue: 'försenad', noOwner: 'Ingen ansvarig', empty: 'Inga åtgärdsplaner ännu. Starta en för den drivkraft eller kontaktpunkt du vill förbättra.', emptyFiltered: 'Inga åtgärdsplaner matchar filtren.',
  invalidFilter: (names) => `Dessa filter förstods inte och ignoreras: ${names}.`,
  statuses: { planned: 'Planerad', in_progress: 'Pågår', done: 'Klar', cancelled: 'Avbruten' },
  metrics: { nps: 'NPS', csat: 'CSAT (andel nöjda)', ces: 'CES (enkelhet, medelvärde)', likert: 'Instämmer i påståendet', rating: 'Betyg (medelvärde)' },
  form: {
    heading: 'Ny åtgärdsplan', intro: 'Beskriv förbättringen, koppla den till det den ska förbättra och välj mätetalet som visar effekten.',
    planTitle: 'Vad som görs', description: 'Detaljer', metric: 'Mätetal som visar effekten', metricHint: 'Instämmande och betyg mäts på den valda frågan.',
    tiedLegend: 'Vad planen förbättrar', tiedHint: 'Välj en kontaktpunkt, en drivkraftsfråga eller ett ämne (minst ett).',
    touchpoint: 'Kontaktpunkt', noTouchpoint: 'Ingen kontaktpunkt', question: 'Drivkraftsfråga', noQuestion: 'Ingen fråga', topic: 'Ämne', topicHint: 'Ett ämne i de öppna svaren, t.ex. ”väntetid”.',
    startsOn: 'Startar', startsHint: 'Effekten jämför tiden före denna dag med tiden efter.', dueOn: 'Klar senast', create: 'Skapa planen',
    needTie: 'Välj en kontaktpunkt, en drivkraftsfråga eller ett ämne.', badDate: 'Ange ett datum (ÅÅÅÅ-MM-DD).', dueBeforeStart: 'Slutdatumet kan inte vara före starten.',
  },
  plan: {
    back: 'Alla åtgärdsplaner', details: 'Om planen', tiedTo: 'Kopplad till', touchpoint: (n) => `Kontaktpunkt: ${n}`, question: (n) => `Drivkraft: ${n}`, topic: (n) => `Ämne: ${n}`,
    metric: 'Mätetal', startsOn: 'Startar', description: 'Detaljer', changeStatus: 'Ändra status', statusTo: 'Ny status', statusSubmit: 'Ändra status',
    done: { created: 'Åtgärdsplanen skapades.', status: 'Statusen ändrades.' },
  },
  start: { heading: 'Agera på drivkrafterna', intro: 'Starta en åtgärdsplan för en drivkraft (viktigast först); planen visar sedan om mätetalet rörde sig efter starten.', link: (d) => `Starta en åtgärdsplan: ${d}` },
  effect: {
    heading: 'Effekt hittills', intro: (d) => `De ${d} dagarna före starten jämfört med de ${d} dagarna efter.`,
    notStarted: (date) => `Planen startar ${date}. Effekten kan mätas när den har startat.`,
    notEnoughData: (min, b, a) => `Inte tillräckligt med data ännu: ${b} svar före starten och ${a} efter. Minst ${min} på varje sida behövs för en jämförelse.`,
    before: 'Före', after: 'Efter', period: 'Period', value: 'Värde', answers: 'Svar (n)', difference: 'Förändring (efter − före)', ci: '95 % konfidensintervall', p: 'p-värde',
    summary: (m, a, b, d) => `Efter starten är ${m} ${a}, jämfört med ${b} före: en förändring på ${d}.`,
    range: (lo, hi) => `från ${lo} till ${hi}`,
    verdict: {
      up: 'Ökningen är statistiskt signifikant (p < 0,05): den beror knappast på slumpen.',
      down: 'Minskningen är statistiskt signifikant (p < 0,05): den beror knappast på slumpen.',
      noClearChange: 'Förändringen är inte statistiskt signifikant (p ≥ 0,05): den kan bero på slumpen. Fler svar ger en tydligare bild.',
      notTestable: 'Förändringen kan inte testas: svaren varierar inte tillräckligt.',
    },
    tableCaption: 'Mätetalet före och efter starten', chartTitle: 'Före och efter starten', chartDesc: (b, a) => `Före: ${b}. Efter: ${a}. Linjerna visar 95 % konfidensintervall.`,
    points: 'poäng', percentPoints: 'procentenheter',
  },
};

const pl: ActionStrings = {
  title: 'Plany działań', intro: 'Usprawnienia powiązane z czynnikiem, punktem styku lub tematem: kto za nie odpowiada, na kiedy i czy wskaźnik zmienił się po ich rozpoczęciu.',
  newPlan: 'Nowy plan działań',
  filtersHeading: 'Filtruj plany', status: 'Status', anyStatus: 'Dowolny status', owner: 'Odpowiedzialny', anyOwner: 'Każdy', apply: 'Pokaż', reset: 'Wyczyść filtry',
  caption: (n) => `Plany działań: ${n}`, columns: { title: 'Plan', tiedTo: 'Dotyczy', owner: 'Odpowiedzialny', status: 'Status', starts: 'Początek', due: 'Termin' },
  overdue: 'po terminie', noOwner: 'Brak odpowiedzialnego', empty: 'Nie ma jeszcze planów działań. Rozpocznij plan dla czynnika lub punktu styku, który chcesz poprawić.', emptyFiltered: 'Żaden plan nie pasuje do filtrów.',
  invalidFilter: (names) => `Tych filtrów nie zrozumiano i są pomijane: ${names}.`,
  statuses: { planned: 'Zaplanowany', in_progress: 'W toku', done: 'Zakończony', cancelled: 'Anulowany' },
  metrics: { nps: 'NPS', csat: 'CSAT (odsetek zadowolonych)', ces: 'CES (łatwość, średnia)', likert: 'Zgoda ze stwierdzeniem', rating: 'Ocena (średnia)' },
  form: {
    heading: 'Nowy plan działań', intro: 'Opisz usprawnienie, powiąż je z tym, co ma poprawić, i wybierz wskaźnik, który pokaże efekt.',
    planTitle: 'Co zostanie zrobione', description: 'Szczegóły', metric: 'Wskaźnik pokazujący efekt', metricHint: 'Zgoda i ocena są mierzone na wybranym pytaniu.',
    tiedLegend: 'Co plan poprawia', tiedHint: 'Wybierz punkt styku, pytanie-czynnik lub temat (co najmniej jedno).',
    touchpoint: 'Punkt styku', noTouchpoint: 'Bez punktu styku', question: 'Pytanie-czynnik', noQuestion: 'Bez pytania', topic: 'Temat', topicHint: 'Temat odpowiedzi otwartych, np. „czas oczekiwania”.',
    startsOn: 'Początek', startsHint: 'Efekt porównuje czas przed tym dniem z czasem po nim.', dueOn: 'Termin', create: 'Utwórz plan',
    needTie: 'Wybierz punkt styku, pytanie-czynnik lub temat.', badDate: 'Podaj datę (RRRR-MM-DD).', dueBeforeStart: 'Termin nie może być przed początkiem.',
  },
  plan: {
    back: 'Wszystkie plany działań', details: 'O planie', tiedTo: 'Dotyczy', touchpoint: (n) => `Punkt styku: ${n}`, question: (n) => `Czynnik: ${n}`, topic: (n) => `Temat: ${n}`,
    metric: 'Wskaźnik', startsOn: 'Początek', description: 'Szczegóły', changeStatus: 'Zmień status', statusTo: 'Nowy status', statusSubmit: 'Zmień status',
    done: { created: 'Plan działań został utworzony.', status: 'Status został zmieniony.' },
  },
  start: { heading: 'Działaj na podstawie czynników', intro: 'Rozpocznij plan działań dla czynnika (najważniejsze najpierw); plan pokaże, czy wskaźnik zmienił się po jego rozpoczęciu.', link: (d) => `Rozpocznij plan działań: ${d}` },
  effect: {
    heading: 'Dotychczasowy efekt', intro: (d) => `${d} dni przed początkiem w porównaniu z ${d} dniami po nim.`,
    notStarted: (date) => `Plan zaczyna się ${date}. Efekt można zmierzyć po jego rozpoczęciu.`,
    notEnoughData: (min, b, a) => `Za mało danych: ${b} odpowiedzi przed początkiem i ${a} po nim. Do porównania potrzeba co najmniej ${min} po każdej stronie.`,
    before: 'Przed', after: 'Po', period: 'Okres', value: 'Wartość', answers: 'Odpowiedzi (n)', difference: 'Zmiana (po − przed)', ci: '95% przedział ufności', p: 'wartość p',
    summary: (m, a, b, d) => `Po rozpoczęciu ${m} wynosi ${a}, wobec ${b} wcześniej: zmiana o ${d}.`,
    range: (lo, hi) => `od ${lo} do ${hi}`,
    verdict: {
      up: 'Wzrost jest istotny statystycznie (p < 0,05): raczej nie jest dziełem przypadku.',
      down: 'Spadek jest istotny statystycznie (p < 0,05): raczej nie jest dziełem przypadku.',
      noClearChange: 'Zmiana nie jest istotna statystycznie (p ≥ 0,05): może być przypadkowa. Więcej odpowiedzi da jaśniejszy obraz.',
      notTestable: 'Zmiany nie można przetestować: odpowiedzi zbyt mało się różnią.',
    },
    tableCaption: 'Wskaźnik przed i po rozpoczęciu', chartTitle: 'Przed i po rozpoczęciu', chartDesc: (b, a) => `Przed: ${b}. Po: ${a}. Linie pokazują 95% przedziały ufności.`,
    points: 'pkt', percentPoints: 'pkt proc.',
  },
};

const texts: Record<UiLanguage, ActionStrings> = { fi, sv, en, pl };
export const actionText = (language: UiLanguage): ActionStrings => texts[language];
