/**
 * Texts of the survey builder (/app/setup/surveys) in the four UI languages. The respondent's
 * texts in the preview come from survey.ts, as on the public survey page.
 */
import type { UiLanguage } from './index.ts';
import type { QuestionType } from '../surveys/schema.ts';

type Kind = 'strategic' | 'pulse' | 'adhoc';
type SurveyStatus = 'draft' | 'active' | 'closed';

export interface BuilderStrings {
  section: [string, string];
  listCaption: string; newSurvey: string; none: string; touchpoint: string; noTouchpoint: string; languages: string; responses: string; kind: string;
  kinds: Record<Kind, string>; statuses: Record<SurveyStatus, string>;
  newTitle: string; editTitle: (name: string) => string; created: string; saved: string;
  basicsHeading: string; languagesHint: string; applyLanguages: string; defaultLanguage: string;
  textsHeading: string; surveyTitle: string; intro: string; thanks: string; inLanguage: (language: string) => string;
  questionsHeading: string; questionLegend: (n: number, type: string) => string; type: string; types: Record<QuestionType, string>;
  key: string; keyHint: string; questionText: string; required: string; driver: string; dontKnow: string; scaleMax: string; why: string;
  optionsLegend: string; optionsHint: string; option: (n: number) => string; addOption: string;
  shownIf: (question: string) => string; moveUp: string; moveDown: string; remove: string; addQuestion: string; newQuestionType: string;
  save: string; preview: string; previewHeading: string; previewLanguage: string; previewFrame: (language: string) => string; previewLive: string; previewStatic: string; previewFailed: string;
  hasResponses: (n: string) => string; answeredQuestion: string;
  /** Status on the editor and in the list: what it means for respondents. */
  statusLine: Record<SurveyStatus, string>; share: string; shareOf: (name: string) => string;
  publishTitle: string; publishQuestion: (name: string) => string; publishExplain: string; publishNow: string; keepDraft: string; published: string;
  conditionLegend: string; conditionQuestion: string; conditionAlways: string; conditionOp: string; conditionValue: string; conditionValues: string;
  conditionApply: string; conditionHint: string; ops: Record<'eq' | 'neq' | 'lte' | 'gte' | 'in' | 'answered', string>;
  dragHandle: (n: number) => string; dragHint: string;
  errors: {
    needLanguage: string; needQuestion: string; defaultNotChosen: string; needText: (language: string) => string; needOptions: string; badKey: string; keyTaken: string;
    badOptionValue: string; optionTaken: string; conflict: (detail: string) => string;
    conditionEarlier: string; conditionValue: string;
  };
}

const fi: BuilderStrings = {
  section: ['Kyselyt', 'Kysymykset ja tekstit jokaisella kielellä, esikatselu puhelimen kokoisena.'],
  listCaption: 'Organisaation kyselyt', newSurvey: 'Uusi kysely', none: 'Kyselyitä ei ole vielä.', touchpoint: 'Kosketuspiste', noTouchpoint: 'Ei kosketuspistettä',
  languages: 'Kielet', responses: 'Vastauksia', kind: 'Tyyppi',
  kinds: { strategic: 'Strateginen tutkimus', pulse: 'Asiakaspulssi', adhoc: 'Kertakysely' },
  statuses: { draft: 'Luonnos', active: 'Käytössä', closed: 'Suljettu' },
  newTitle: 'Uusi kysely', editTitle: (name) => `Muokkaa kyselyä ${name}`, created: 'Kysely luotiin.', saved: 'Muutokset tallennettiin.',
  basicsHeading: 'Kysely', languagesHint: 'Valitse kielet ja paina ”Päivitä kielet”, niin jokaiselle kielelle tulee oma sarake.', applyLanguages: 'Päivitä kielet',
  defaultLanguage: 'Oletuskieli',
  textsHeading: 'Vastaajalle näkyvät tekstit', surveyTitle: 'Otsikko', intro: 'Johdanto', thanks: 'Kiitosteksti', inLanguage: (l) => `(${l})`,
  questionsHeading: 'Kysymykset', questionLegend: (n, type) => `Kysymys ${n}: ${type}`, type: 'Kysymyksen tyyppi',
  types: {
    nps: 'Suositteluhalukkuus 0–10 (NPS)', csat: 'Tyytyväisyys 1–5 (CSAT)', ces: 'Asioinnin helppous 1–7 (CES)', likert7: 'Väittämä 1–7 (samaa/eri mieltä)',
    rating: 'Arvosana 1–N', single_choice: 'Yksi vaihtoehto', multi_choice: 'Monta vaihtoehtoa', text: 'Avoin vastaus',
  },
  key: 'Tunnus', keyHint: 'Pysyvä tunnus, jolla vastaukset tallennetaan (pienet kirjaimet, numerot, _).', questionText: 'Kysymysteksti',
  required: 'Vastaus on pakollinen', driver: 'Käytä vaikutussuhdeanalyysissä', dontKnow: 'Tarjoa ”En osaa sanoa”', scaleMax: 'Asteikon yläpää', why: 'Kysy perään avoin ”miksi?”',
  optionsLegend: 'Vaihtoehdot', optionsHint: 'Tyhjäksi jätetty rivi ohitetaan. Tunnus tallennetaan vastaukseen; jos se puuttuu, se luodaan.',
  option: (n) => `Vaihtoehto ${n}`, addOption: 'Lisää vaihtoehto',
  shownIf: (q) => `Näytetään vain, jos kysymykseen ”${q}” on vastattu ehdon mukaisesti.`, moveUp: 'Siirrä ylös', moveDown: 'Siirrä alas', remove: 'Poista',
  addQuestion: 'Lisää kysymys', newQuestionType: 'Uuden kysymyksen tyyppi',
  save: 'Tallenna kysely', preview: 'Päivitä esikatselu', previewHeading: 'Esikatselu', previewLanguage: 'Esikatselun kieli',
  previewFrame: (l) => `Kyselyn esikatselu puhelimessa, kieli ${l}`, previewLive: 'Esikatselu päivittyy kirjoittaessasi.', previewStatic: 'Paina ”Päivitä esikatselu” nähdäksesi muutokset.', previewFailed: 'Esikatselua ei voitu päivittää. Paina ”Päivitä esikatselu”.',
  hasResponses: (n) => `Kyselyyn on ${n} vastausta. Tallennetut vastaukset säilyvät: vastatun kysymyksen tyyppiä ei voi muuttaa eikä sitä voi poistaa, mutta tekstejä voi muokata.`,
  answeredQuestion: 'Tähän kysymykseen on vastauksia.',
  statusLine: { draft: 'Luonnos: vastaajat eivät vielä näe kyselyä.', active: 'Julkaistu: kyselyyn voi vastata sen linkeistä.', closed: 'Suljettu: uusia vastauksia ei oteta vastaan.' },
  share: 'Jakaminen', shareOf: (n) => `Jaa kysely ${n}`,
  publishTitle: 'Julkaistaanko nyt?', publishQuestion: (n) => `Luonnos ”${n}” tallennettiin. Julkaistaanko se nyt?`,
  publishExplain: 'Julkaistuun kyselyyn voi vastata sen linkistä, QR-koodista, verkkosivun widgetistä ja kioskista. Luonnosta vastaajat eivät näe.',
  publishNow: 'Julkaise nyt', keepDraft: 'Ei vielä, pidä luonnoksena', published: 'Kysely julkaistiin.',
  conditionLegend: 'Näyttöehto', conditionQuestion: 'Näytä tämä kysymys', conditionAlways: 'aina', conditionOp: 'Ehto', conditionValue: 'Arvo', conditionValues: 'Arvot',
  conditionApply: 'Päivitä ehdon valinnat', conditionHint: 'Valitse aiempi kysymys ja paina ”Päivitä ehdon valinnat”, niin ehto ja arvot sopivat sen vastauksiin.',
  ops: { lte: 'on enintään (≤)', gte: 'on vähintään (≥)', eq: 'on', neq: 'ei ole', in: 'on jokin näistä', answered: 'on vastattu' },
  dragHandle: (n) => `Vedä kysymys ${n} uuteen paikkaan`, dragHint: 'Järjestä kysymyksiä vetämällä tai painikkeilla ”Siirrä ylös” ja ”Siirrä alas”.',
  errors: {
    needLanguage: 'Valitse vähintään yksi kieli.', needQuestion: 'Lisää vähintään yksi kysymys.', defaultNotChosen: 'Oletuskielen pitää olla valittujen kielten joukossa.',
    needText: (l) => `Kirjoita teksti oletuskielellä (${l}).`, needOptions: 'Anna vähintään kaksi vaihtoehtoa.',
    badKey: 'Tunnus alkaa kirjaimella ja siinä voi olla pieniä kirjaimia, numeroita ja alaviivoja (enintään 50).', keyTaken: 'Tunnus on jo toisella kysymyksellä.',
    badOptionValue: 'Tunnuksessa voi olla kirjaimia, numeroita, - ja _ (enintään 50).', optionTaken: 'Tunnus on jo toisella vaihtoehdolla.',
    conflict: (d) => `Muutosta ei voi tallentaa, koska kyselyyn on jo vastattu: ${d}`,
    conditionEarlier: 'Ehdon kysymyksen pitää olla ennen tätä kysymystä.', conditionValue: 'Valitse ehdolle arvo, joka sopii kysymyksen vastauksiin.',
  },
};

const sv: BuilderStrings = {
  section: ['Enkäter', 'Frågor och texter på varje språk, förhandsvisning i telefonstorlek.'],
  listCaption: 'Organisationens enkäter', newSurvey: 'Ny enkät', none: 'Det finns inga enkäter ännu.', touchpoint: 'Kontaktpunkt', noTouchpoint: 'Ingen kontaktpunkt',
  languages: 'Språk', responses: 'Svar', kind: 'Typ',
  kinds: { strategic: 'Strategisk undersökning', pulse: 'Kundpuls', adhoc: 'Engångsenkät' },
  statuses: { draft: 'Utkast', active: 'Aktiv', closed: 'Stängd' },
  newTitle: 'Ny enkät', editTitle: (name) => `Redigera enkäten ${name}`, created: 'Enkäten skapades.', saved: 'Ändringarna sparades.',
  basicsHeading: 'Enkät', languagesHint: 'Välj språk och tryck ”Uppdatera språk” så får varje språk en egen kolumn.', applyLanguages: 'Uppdatera språk',
  defaultLanguage: 'Standardspråk',
  textsHeading: 'Texter som respondenten ser', surveyTitle: 'Rubrik', intro: 'Inledning', thanks: 'Tacktext', inLanguage: (l) => `(${l})`,
  questionsHeading: 'Frågor', questionLegend: (n, type) => `Fråga ${n}: ${type}`, type: 'Frågetyp',
  types: {
    nps: 'Rekommendation 0–10 (NPS)', csat: 'Nöjdhet 1–5 (CSAT)', ces: 'Enkelhet 1–7 (CES)', likert7: 'Påstående 1–7 (instämmer/instämmer inte)',
    rating: 'Betyg 1–N', single_choice: 'Ett alternativ', multi_choice: 'Flera alternativ', text: 'Öppet svar',
  },
  key: 'Kod', keyHint: 'Beständig kod som svaren sparas under (små bokstäver, siffror, _).', questionText: 'Frågetext',
  required: 'Svar krävs', driver: 'Använd i drivkraftsanalysen', dontKnow: 'Erbjud ”Vet inte”', scaleMax: 'Skalans högsta värde', why: 'Fråga ett öppet ”varför?” efteråt',
  optionsLegend: 'Alternativ', optionsHint: 'En tom rad hoppas över. Koden sparas i svaret; saknas den skapas en.',
  option: (n) => `Alternativ ${n}`, addOption: 'Lägg till alternativ',
  shownIf: (q) => `Visas bara om frågan ”${q}” har besvarats enligt villkoret.`, moveUp: 'Flytta upp', moveDown: 'Flytta ned', remove: 'Ta bort',
  addQuestion: 'Lägg till fråga', newQuestionType: 'Typ av ny fråga',
  save: 'Spara enkäten', preview: 'Uppdatera förhandsvisningen', previewHeading: 'Förhandsvisning', previewLanguage: 'Förhandsvisningens språk',
  previewFrame: (l) => `Förhandsvisning av enkäten i telefon, språk ${l}`, previewLive: 'Förhandsvisningen uppdateras medan du skriver.', previewStatic: 'Tryck ”Uppdatera förhandsvisningen” för att se ändringarna.', previewFailed: 'Förhandsvisningen kunde inte uppdateras. Tryck ”Uppdatera förhandsvisningen”.',
  hasResponses: (n) => `Enkäten har ${n} svar. Sparade svar bevaras: en besvarad fråga kan inte byta typ eller tas bort, men texterna kan redigeras.`,
  answeredQuestion: 'Den här frågan har svar.',
  statusLine: { draft: 'Utkast: respondenterna ser inte enkäten ännu.', active: 'Publicerad: enkäten kan besvaras via sina länkar.', closed: 'Stängd: nya svar tas inte emot.' },
  share: 'Dela', shareOf: (n) => `Dela enkäten ${n}`,
  publishTitle: 'Publicera nu?', publishQuestion: (n) => `Utkastet ”${n}” sparades. Vill du publicera det nu?`,
  publishExplain: 'En publicerad enkät kan besvaras via sin länk, QR-kod, webbwidget och kiosk. Ett utkast ser respondenterna inte.',
  publishNow: 'Publicera nu', keepDraft: 'Inte än, behåll som utkast', published: 'Enkäten publicerades.',
  conditionLegend: 'Visningsvillkor', conditionQuestion: 'Visa den här frågan', conditionAlways: 'alltid', conditionOp: 'Villkor', conditionValue: 'Värde', conditionValues: 'Värden',
  conditionApply: 'Uppdatera villkorets val', conditionHint: 'Välj en tidigare fråga och tryck ”Uppdatera villkorets val”, så passar villkor och värden dess svar.',
  ops: { lte: 'är högst (≤)', gte: 'är minst (≥)', eq: 'är', neq: 'är inte', in: 'är något av', answered: 'är besvarad' },
  dragHandle: (n) => `Dra fråga ${n} till en ny plats`, dragHint: 'Ordna frågorna genom att dra dem eller med knapparna ”Flytta upp” och ”Flytta ned”.',
  errors: {
    needLanguage: 'Välj minst ett språk.', needQuestion: 'Lägg till minst en fråga.', defaultNotChosen: 'Standardspråket måste vara ett av de valda språken.',
    needText: (l) => `Skriv texten på standardspråket (${l}).`, needOptions: 'Ange minst två alternativ.',
    badKey: 'Koden börjar med en bokstav och får innehålla små bokstäver, siffror och understreck (högst 50).', keyTaken: 'Koden används redan av en annan fråga.',
    badOptionValue: 'Koden får innehålla bokstäver, siffror, - och _ (högst 50).', optionTaken: 'Koden används redan av ett annat alternativ.',
    conflict: (d) => `Ändringen kan inte sparas eftersom enkäten redan har svar: ${d}`,
    conditionEarlier: 'Villkorets fråga måste komma före den här frågan.', conditionValue: 'Välj ett värde för villkoret som passar frågans svar.',
  },
};

const en: BuilderStrings = {
  section: ['Surveys', 'Questions and texts in every language, previewed on a phone.'],
  listCaption: 'Surveys of the organisation', newSurvey: 'New survey', none: 'There are no surveys yet.', touchpoint: 'Touchpoint', noTouchpoint: 'No touchpoint',
  languages: 'Languages', responses: 'Responses', kind: 'Kind',
  kinds: { strategic: 'Strategic survey', pulse: 'Customer pulse', adhoc: 'One-off survey' },
  statuses: { draft: 'Draft', active: 'Active', closed: 'Closed' },
  newTitle: 'New survey', editTitle: (name) => `Edit survey ${name}`, created: 'The survey was created.', saved: 'The changes were saved.',
  basicsHeading: 'Survey', languagesHint: 'Tick the languages and press “Update languages” to get a column for each.', applyLanguages: 'Update languages',
  defaultLanguage: 'Default language',
  textsHeading: 'Texts respondents see', surveyTitle: 'Title', intro: 'Introduction', thanks: 'Thank-you text', inLanguage: (l) => `(${l})`,
  questionsHeading: 'Questions', questionLegend: (n, type) => `Question ${n}: ${type}`, type: 'Question type',
  types: {
    nps: 'Likelihood to recommend 0–10 (NPS)', csat: 'Satisfaction 1–5 (CSAT)', ces: 'Ease 1–7 (CES)', likert7: 'Statement 1–7 (agree/disagree)',
    rating: 'Rating 1–N', single_choice: 'One choice', multi_choice: 'Several choices', text: 'Open answer',
  },
  key: 'Code', keyHint: 'A stable code the answers are stored under (lower-case letters, digits, _).', questionText: 'Question text',
  required: 'An answer is required', driver: 'Use in key-driver analysis', dontKnow: 'Offer “Don’t know”', scaleMax: 'Top of the scale', why: 'Ask an open “why?” after it',
  optionsLegend: 'Options', optionsHint: 'An empty row is left out. The code is stored with the answer; one is made up when it is missing.',
  option: (n) => `Option ${n}`, addOption: 'Add an option',
  shownIf: (q) => `Shown only when the answer to “${q}” meets its condition.`, moveUp: 'Move up', moveDown: 'Move down', remove: 'Remove',
  addQuestion: 'Add a question', newQuestionType: 'Type of the new question',
  save: 'Save survey', preview: 'Update preview', previewHeading: 'Preview', previewLanguage: 'Preview language',
  previewFrame: (l) => `Preview of the survey on a phone, in ${l}`, previewLive: 'The preview follows your typing.', previewStatic: 'Press “Update preview” to see your changes.', previewFailed: 'The preview could not be updated. Press “Update preview”.',
  hasResponses: (n) => `This survey has ${n} responses. Stored answers are kept: an answered question cannot change its type or be removed, but its texts can be edited.`,
  answeredQuestion: 'This question has answers.',
  statusLine: { draft: 'Draft: respondents cannot see the survey yet.', active: 'Published: the survey can be answered through its links.', closed: 'Closed: no new answers are taken.' },
  share: 'Share', shareOf: (n) => `Share survey ${n}`,
  publishTitle: 'Publish now?', publishQuestion: (n) => `The draft “${n}” was saved. Publish it now?`,
  publishExplain: 'A published survey can be answered through its link, QR code, website widget and kiosk. Respondents cannot see a draft.',
  publishNow: 'Publish now', keepDraft: 'Not yet, keep it a draft', published: 'The survey was published.',
  conditionLegend: 'Display condition', conditionQuestion: 'Show this question', conditionAlways: 'always', conditionOp: 'Condition', conditionValue: 'Value', conditionValues: 'Values',
  conditionApply: 'Update condition choices', conditionHint: 'Choose an earlier question and press “Update condition choices” to get the conditions and values that fit its answers.',
  ops: { lte: 'is at most (≤)', gte: 'is at least (≥)', eq: 'is', neq: 'is not', in: 'is one of', answered: 'is answered' },
  dragHandle: (n) => `Drag question ${n} to a new place`, dragHint: 'Reorder the questions by dragging them or with the “Move up” and “Move down” buttons.',
  errors: {
    needLanguage: 'Choose at least one language.', needQuestion: 'Add at least one question.', defaultNotChosen: 'The default language must be one of the chosen languages.',
    needText: (l) => `Write the text in the default language (${l}).`, needOptions: 'Give at least two options.',
    badKey: 'The code starts with a letter and has lower-case letters, digits and underscores (at most 50).', keyTaken: 'Another question already has this code.',
    badOptionValue: 'The code may have letters, digits, - and _ (at most 50).', optionTaken: 'Another option already has this code.',
    conflict: (d) => `This change cannot be saved because the survey has answers: ${d}`,
    conditionEarlier: 'The condition’s question must come before this question.', conditionValue: 'Choose a value for the condition that fits the question’s answers.',
  },
};

const pl: BuilderStrings = {
  section: ['Ankiety', 'Pytania i teksty w każdym języku, podgląd na ekranie telefonu.'],
  listCaption: 'Ankiety organizacji', newSurvey: 'Nowa ankieta', none: 'Nie ma jeszcze ankiet.', touchpoint: 'Punkt styku', noTouchpoint: 'Bez punktu styku',
  languages: 'Języki', responses: 'Odpowiedzi', kind: 'Rodzaj',
  kinds: { strategic: 'Badanie strategiczne', pulse: 'Puls klienta', adhoc: 'Ankieta jednorazowa' },
  statuses: { draft: 'Szkic', active: 'Aktywna', closed: 'Zamknięta' },
  newTitle: 'Nowa ankieta', editTitle: (name) => `Edycja ankiety ${name}`, created: 'Ankieta została utworzona.', saved: 'Zmiany zostały zapisane.',
  basicsHeading: 'Ankieta', languagesHint: 'Zaznacz języki i naciśnij „Aktualizuj języki”, aby każdy dostał własną kolumnę.', applyLanguages: 'Aktualizuj języki',
  defaultLanguage: 'Język domyślny',
  textsHeading: 'Teksty widoczne dla respondenta', surveyTitle: 'Tytuł', intro: 'Wstęp', thanks: 'Podziękowanie', inLanguage: (l) => `(${l})`,
  questionsHeading: 'Pytania', questionLegend: (n, type) => `Pytanie ${n}: ${type}`, type: 'Rodzaj pytania',
  types: {
    nps: 'Skłonność do polecenia 0–10 (NPS)', csat: 'Zadowolenie 1–5 (CSAT)', ces: 'Łatwość 1–7 (CES)', likert7: 'Stwierdzenie 1–7 (zgadzam się / nie zgadzam się)',
    rating: 'Ocena 1–N', single_choice: 'Jedna odpowiedź', multi_choice: 'Wiele odpowiedzi', text: 'Odpowiedź otwarta',
  },
  key: 'Kod', keyHint: 'Stały kod, pod którym zapisywane są odpowiedzi (małe litery, cyfry, _).', questionText: 'Treść pytania',
  required: 'Odpowiedź jest wymagana', driver: 'Użyj w analizie czynników', dontKnow: 'Zaproponuj „Nie wiem”', scaleMax: 'Górny koniec skali', why: 'Zapytaj potem otwarcie „dlaczego?”',
  optionsLegend: 'Odpowiedzi do wyboru', optionsHint: 'Pusty wiersz jest pomijany. Kod zapisuje się z odpowiedzią; jeśli go brak, zostanie utworzony.',
  option: (n) => `Odpowiedź ${n}`, addOption: 'Dodaj odpowiedź',
  shownIf: (q) => `Wyświetlane tylko, gdy odpowiedź na „${q}” spełnia warunek.`, moveUp: 'Przesuń w górę', moveDown: 'Przesuń w dół', remove: 'Usuń',
  addQuestion: 'Dodaj pytanie', newQuestionType: 'Rodzaj nowego pytania',
  save: 'Zapisz ankietę', preview: 'Odśwież podgląd', previewHeading: 'Podgląd', previewLanguage: 'Język podglądu',
  previewFrame: (l) => `Podgląd ankiety na telefonie, język ${l}`, previewLive: 'Podgląd zmienia się podczas pisania.', previewStatic: 'Naciśnij „Odśwież podgląd”, aby zobaczyć zmiany.', previewFailed: 'Nie udało się odświeżyć podglądu. Naciśnij „Odśwież podgląd”.',
  hasResponses: (n) => `Ankieta ma ${n} odpowiedzi. Zapisane odpowiedzi pozostają: pytanie z odpowiedziami nie może zmienić rodzaju ani zostać usunięte, ale jego teksty można edytować.`,
  answeredQuestion: 'To pytanie ma odpowiedzi.',
  statusLine: { draft: 'Szkic: respondenci jeszcze nie widzą ankiety.', active: 'Opublikowana: na ankietę można odpowiadać przez jej linki.', closed: 'Zamknięta: nowe odpowiedzi nie są przyjmowane.' },
  share: 'Udostępnij', shareOf: (n) => `Udostępnij ankietę ${n}`,
  publishTitle: 'Opublikować teraz?', publishQuestion: (n) => `Szkic „${n}” został zapisany. Opublikować go teraz?`,
  publishExplain: 'Na opublikowaną ankietę można odpowiadać przez link, kod QR, widżet na stronie i kiosk. Szkicu respondenci nie widzą.',
  publishNow: 'Opublikuj teraz', keepDraft: 'Jeszcze nie, zostaw szkic', published: 'Ankieta została opublikowana.',
  conditionLegend: 'Warunek wyświetlania', conditionQuestion: 'Pokaż to pytanie', conditionAlways: 'zawsze', conditionOp: 'Warunek', conditionValue: 'Wartość', conditionValues: 'Wartości',
  conditionApply: 'Odśwież wybór warunku', conditionHint: 'Wybierz wcześniejsze pytanie i naciśnij „Odśwież wybór warunku”, aby warunki i wartości pasowały do jego odpowiedzi.',
  ops: { lte: 'wynosi najwyżej (≤)', gte: 'wynosi co najmniej (≥)', eq: 'to', neq: 'to nie', in: 'to jedna z', answered: 'ma odpowiedź' },
  dragHandle: (n) => `Przeciągnij pytanie ${n} w nowe miejsce`, dragHint: 'Zmieniaj kolejność pytań, przeciągając je lub przyciskami „Przesuń w górę” i „Przesuń w dół”.',
  errors: {
    needLanguage: 'Wybierz co najmniej jeden język.', needQuestion: 'Dodaj co najmniej jedno pytanie.', defaultNotChosen: 'Język domyślny musi być jednym z wybranych języków.',
    needText: (l) => `Wpisz tekst w języku domyślnym (${l}).`, needOptions: 'Podaj co najmniej dwie odpowiedzi.',
    badKey: 'Kod zaczyna się literą i zawiera małe litery, cyfry i podkreślenia (najwyżej 50).', keyTaken: 'Inne pytanie ma już ten kod.',
    badOptionValue: 'Kod może zawierać litery, cyfry, - i _ (najwyżej 50).', optionTaken: 'Inna odpowiedź ma już ten kod.',
    conflict: (d) => `Nie można zapisać zmiany, ponieważ ankieta ma już odpowiedzi: ${d}`,
    conditionEarlier: 'Pytanie warunku musi być przed tym pytaniem.', conditionValue: 'Wybierz wartość warunku pasującą do odpowiedzi na pytanie.',
  },
};

const byLanguage: Record<UiLanguage, BuilderStrings> = { fi, sv, en, pl };
export const builderText = (language: UiLanguage): BuilderStrings => byLanguage[language];
