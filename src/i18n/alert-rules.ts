/** Texts of the alert-rule pages (/app/setup/alert-rules…) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';
import { plural } from './plural.ts';

export type RuleWhen = 'detractor' | 'score' | 'topic' | 'negative' | 'keyword';
export type RouteTo = 'touchpoint_owner' | 'user' | 'round_robin' | 'employee';

export interface AlertRuleStrings {
  title: string; intro: string; caption: string; none: string; newRule: string; newTitle: string; editTitle: (name: string) => string;
  columns: { name: string; condition: string; owner: string; priority: string; sla: string; status: string; actions: string };
  edit: string; disable: string; enable: string; enabled: string; disabled: string; created: string; saved: string; disabledNotice: string; enabledNotice: string;
  name: string; kind: string; kinds: Record<'problem' | 'praise', string>; enabledLabel: string;
  whenHeading: string; when: Record<RuleWhen, string>;
  question: string; anyNps: string; questionHint: string; scoreMax: string; scoreHint: string; topic: string; keywords: string; keywordsHint: string;
  whereHeading: string; touchpoint: string; anyTouchpoint: string; unit: string; anyUnit: string; segment: string; anySegment: string;
  ownerHeading: string; routeTo: string; routes: Record<RouteTo, string>; routeUser: string; routeUnit: string; chooseOne: string;
  priority: string; slaHours: string; slaHint: string;
  preview: string; save: string; cancel: string;
  previewResult: (matched: number, responses: number, days: number) => string;
  keep: string; keepHint: string;
  errors: { needWhen: string; npsQuestion: string; needQuestion: string; scoreRange: (max: number) => string; needTopic: string; needKeywords: string; keywordTooLong: string; tooManyKeywords: string };
  words: {
    detractor: string; passive: string; promoter: string; inQuestion: (text: string) => string; scoreAtMost: (n: number) => string; scoreAtLeast: (n: number) => string;
    answerIs: (values: string) => string; dontKnow: string; csat: (lte?: number, gte?: number) => string; likert: Record<'agree' | 'neutral' | 'disagree' | 'dont_know', string>;
    topic: (name: string) => string; sentiment: Record<'negative' | 'neutral' | 'positive', string>; keyword: (words: string) => string; or: string; and: string; not: (text: string) => string;
    at: (names: string) => string; unit: (names: string) => string; segment: (names: string) => string; contact: (attribute: string) => string; removed: string;
  };
}

const quote = (s: string) => `“${s}”`;

const en: AlertRuleStrings = {
  title: 'Alert rules', intro: 'Which answers open a case, for whom and how soon.', caption: 'Alert rules', none: 'No alert rules yet: no case is opened automatically.',
  newRule: 'New alert rule', newTitle: 'New alert rule', editTitle: (name) => `Alert rule: ${name}`,
  columns: { name: 'Name', condition: 'When', owner: 'Owner', priority: 'Priority', sla: 'SLA (business hours)', status: 'Status', actions: 'Actions' },
  edit: 'Edit', disable: 'Disable', enable: 'Enable', enabled: 'In use', disabled: 'Disabled', created: 'The rule was created.', saved: 'The rule was saved.',
  disabledNotice: 'The rule was disabled.', enabledNotice: 'The rule is in use again.',
  name: 'Name', kind: 'Kind', kinds: { problem: 'Problem', praise: 'Praise' }, enabledLabel: 'In use',
  whenHeading: 'Open a case when the answer is', when: { detractor: 'A detractor (NPS 0–6)', score: 'A score at most N', topic: 'About a topic', negative: 'Negative in tone', keyword: 'Mentions a word' },
  question: 'Question', anyNps: 'Any NPS question', questionHint: 'For a detractor or a score.', scoreMax: 'N (score at most)', scoreHint: 'For “a score at most N”.',
  topic: 'Topic', keywords: 'Words', keywordsHint: 'For “mentions a word”; several: separate with commas.',
  whereHeading: 'Only for', touchpoint: 'Touchpoint', anyTouchpoint: 'Any touchpoint', unit: 'Unit (with its sub-units)', anyUnit: 'Any unit', segment: 'Segment', anySegment: 'Any segment',
  ownerHeading: 'Then open a case for', routeTo: 'Owner', routes: { touchpoint_owner: 'The touchpoint’s owner', user: 'A person', round_robin: 'Members of a unit in turn', employee: 'The employee named in the answer' },
  routeUser: 'Person', routeUnit: 'Unit', chooseOne: '–', priority: 'Priority', slaHours: 'SLA (business hours)', slaHint: '0–2000 hours to resolve.',
  preview: 'Preview', save: 'Save rule', cancel: 'Cancel',
  previewResult: (m, r, d) => `${plural('en', m, { one: 'Would have opened # case', other: 'Would have opened # cases' })} in the last ${d} days (${plural('en', r, { one: 'of # response', other: 'of # responses' })}).`,
  keep: 'Keep the current condition', keepHint: 'This rule’s condition was made through the API and cannot be shown as choices. Untick to replace it with the choices above.',
  errors: {
    needWhen: 'Choose what the answer is.', npsQuestion: 'Choose an NPS question, or any NPS question.', needQuestion: 'Choose the question whose score is compared.', scoreRange: (max) => `Enter a whole number from 0 to ${max}.`,
    needTopic: 'Choose a topic.', needKeywords: 'Enter at least one word.', keywordTooLong: 'Use at most 100 characters per word.', tooManyKeywords: 'Use at most 20 words.',
  },
  words: {
    detractor: 'Detractor (NPS 0–6)', passive: 'Passive (NPS 7–8)', promoter: 'Promoter (NPS 9–10)', inQuestion: (t) => ` in ${quote(t)}`,
    scoreAtMost: (n) => `Score at most ${n}`, scoreAtLeast: (n) => `Score at least ${n}`, answerIs: (v) => `Answer is ${v}`, dontKnow: 'Answered “don’t know”',
    csat: (lte, gte) => `Satisfaction ${[gte !== undefined ? `at least ${gte}` : '', lte !== undefined ? `at most ${lte}` : ''].filter(Boolean).join(' and ')}`,
    likert: { agree: 'Agrees', neutral: 'Neither agrees nor disagrees', disagree: 'Disagrees', dont_know: 'Answered “don’t know”' },
    topic: (n) => `Topic: ${n}`, sentiment: { negative: 'Negative in tone', neutral: 'Neutral in tone', positive: 'Positive in tone' },
    keyword: (w) => `Mentions ${w}`, or: ' or ', and: ' and ', not: (t) => `not (${t})`,
    at: (n) => ` at ${n}`, unit: (n) => `, unit ${n}`, segment: (n) => `, segment ${n}`, contact: (a) => `customer’s ${a}`, removed: '(removed)',
  },
};

const fi: AlertRuleStrings = {
  title: 'Hälytyssäännöt', intro: 'Mitkä vastaukset avaavat tapauksen, kenelle ja kuinka pian.', caption: 'Hälytyssäännöt', none: 'Ei hälytyssääntöjä: tapauksia ei avata automaattisesti.',
  newRule: 'Uusi hälytyssääntö', newTitle: 'Uusi hälytyssääntö', editTitle: (name) => `Hälytyssääntö: ${name}`,
  columns: { name: 'Nimi', condition: 'Milloin', owner: 'Vastuuhenkilö', priority: 'Prioriteetti', sla: 'SLA (työtunteja)', status: 'Tila', actions: 'Toiminnot' },
  edit: 'Muokkaa', disable: 'Poista käytöstä', enable: 'Ota käyttöön', enabled: 'Käytössä', disabled: 'Pois käytöstä', created: 'Sääntö luotiin.', saved: 'Sääntö tallennettiin.',
  disabledNotice: 'Sääntö poistettiin käytöstä.', enabledNotice: 'Sääntö on taas käytössä.',
  name: 'Nimi', kind: 'Laji', kinds: { problem: 'Ongelma', praise: 'Kiitos' }, enabledLabel: 'Käytössä',
  whenHeading: 'Avaa tapaus, kun vastaus on', when: { detractor: 'Arvostelija (NPS 0–6)', score: 'Pisteet enintään N', topic: 'Tietystä aiheesta', negative: 'Sävyltään kielteinen', keyword: 'Mainitsee sanan' },
  question: 'Kysymys', anyNps: 'Mikä tahansa NPS-kysymys', questionHint: 'Arvostelijalle tai pisteille.', scoreMax: 'N (pisteet enintään)', scoreHint: 'Ehtoon ”pisteet enintään N”.',
  topic: 'Aihe', keywords: 'Sanat', keywordsHint: 'Ehtoon ”mainitsee sanan”; useita: erota pilkuilla.',
  whereHeading: 'Vain', touchpoint: 'Kosketuspiste', anyTouchpoint: 'Mikä tahansa kosketuspiste', unit: 'Yksikkö (alayksiköineen)', anyUnit: 'Mikä tahansa yksikkö', segment: 'Segmentti', anySegment: 'Mikä tahansa segmentti',
  ownerHeading: 'Silloin avaa tapaus', routeTo: 'Vastuuhenkilö', routes: { touchpoint_owner: 'Kosketuspisteen omistaja', user: 'Tietty henkilö', round_robin: 'Yksikön jäsenet vuorotellen', employee: 'Vastauksessa mainittu työntekijä' },
  routeUser: 'Henkilö', routeUnit: 'Yksikkö', chooseOne: '–', priority: 'Prioriteetti', slaHours: 'SLA (työtunteja)', slaHint: '0–2000 tuntia ratkaisuun.',
  preview: 'Esikatsele', save: 'Tallenna sääntö', cancel: 'Peruuta',
  previewResult: (m, r, d) => `${plural('fi', m, { one: 'Olisi avannut # tapauksen', other: 'Olisi avannut # tapausta' })} viimeisten ${d} päivän aikana (${plural('fi', r, { one: '# vastauksesta', other: '# vastauksesta' })}).`,
  keep: 'Säilytä nykyinen ehto', keepHint: 'Tämän säännön ehto on tehty rajapinnan kautta, eikä sitä voi näyttää valintoina. Poista valinta, jos haluat korvata sen yllä olevilla valinnoilla.',
  errors: {
    needWhen: 'Valitse, millainen vastaus on.', npsQuestion: 'Valitse NPS-kysymys tai mikä tahansa NPS-kysymys.', needQuestion: 'Valitse kysymys, jonka pisteitä verrataan.', scoreRange: (max) => `Anna kokonaisluku 0–${max}.`,
    needTopic: 'Valitse aihe.', needKeywords: 'Anna vähintään yksi sana.', keywordTooLong: 'Enintään 100 merkkiä sanaa kohden.', tooManyKeywords: 'Enintään 20 sanaa.',
  },
  words: {
    detractor: 'Arvostelija (NPS 0–6)', passive: 'Passiivinen (NPS 7–8)', promoter: 'Suosittelija (NPS 9–10)', inQuestion: (t) => ` kysymyksessä ${quote(t)}`,
    scoreAtMost: (n) => `Pisteet enintään ${n}`, scoreAtLeast: (n) => `Pisteet vähintään ${n}`, answerIs: (v) => `Vastaus on ${v}`, dontKnow: 'Vastasi ”en osaa sanoa”',
    csat: (lte, gte) => `Tyytyväisyys ${[gte !== undefined ? `vähintään ${gte}` : '', lte !== undefined ? `enintään ${lte}` : ''].filter(Boolean).join(' ja ')}`,
    likert: { agree: 'Samaa mieltä', neutral: 'Ei samaa eikä eri mieltä', disagree: 'Eri mieltä', dont_know: 'Vastasi ”en osaa sanoa”' },
    topic: (n) => `Aihe: ${n}`, sentiment: { negative: 'Sävyltään kielteinen', neutral: 'Sävyltään neutraali', positive: 'Sävyltään myönteinen' },
    keyword: (w) => `Mainitsee ${w}`, or: ' tai ', and: ' ja ', not: (t) => `ei (${t})`,
    at: (n) => `, kosketuspiste ${n}`, unit: (n) => `, yksikkö ${n}`, segment: (n) => `, segmentti ${n}`, contact: (a) => `asiakkaan ${a}`, removed: '(poistettu)',
  },
};

const sv: AlertRuleStrings = {
  title: 'Larmregler', intro: 'Vilka svar som öppnar ett ärende, för vem och hur snart.', caption: 'Larmregler', none: 'Inga larmregler ännu: inga ärenden öppnas automatiskt.',
  newRule: 'Ny larmregel', newTitle: 'Ny larmregel', editTitle: (name) => `Larmregel: ${name}`,
  columns: { name: 'Namn', condition: 'När', owner: 'Ansvarig', priority: 'Prioritet', sla: 'SLA (arbetstimmar)', status: 'Status', actions: 'Åtgärder' },
  edit: 'Redigera', disable: 'Inaktivera', enable: 'Aktivera', enabled: 'I bruk', disabled: 'Inaktiverad', created: 'Regeln skapades.', saved: 'Regeln sparades.',
  disabledNotice: 'Regeln inaktiverades.', enabledNotice: 'Regeln är i bruk igen.',
  name: 'Namn', kind: 'Typ', kinds: { problem: 'Problem', praise: 'Beröm' }, enabledLabel: 'I bruk',
  whenHeading: 'Öppna ett ärende när svaret är', when: { detractor: 'En kritiker (NPS 0–6)', score: 'Ett betyg på högst N', topic: 'Om ett ämne', negative: 'Negativt i tonen', keyword: 'Nämner ett ord' },
  question: 'Fråga', anyNps: 'Vilken NPS-fråga som helst', questionHint: 'För en kritiker eller ett betyg.', scoreMax: 'N (betyg högst)', scoreHint: 'För ”ett betyg på högst N”.',
  topic: 'Ämne', keywords: 'Ord', keywordsHint: 'För ”nämner ett ord”; flera: skilj med kommatecken.',
  whereHeading: 'Endast för', touchpoint: 'Kontaktpunkt', anyTouchpoint: 'Vilken kontaktpunkt som helst', unit: 'Enhet (med underenheter)', anyUnit: 'Vilken enhet som helst', segment: 'Segment', anySegment: 'Vilket segment som helst',
  ownerHeading: 'Öppna då ett ärende för', routeTo: 'Ansvarig', routes: { touchpoint_owner: 'Kontaktpunktens ägare', user: 'En person', round_robin: 'Enhetens medlemmar i tur och ordning', employee: 'Den anställda som nämns i svaret' },
  routeUser: 'Person', routeUnit: 'Enhet', chooseOne: '–', priority: 'Prioritet', slaHours: 'SLA (arbetstimmar)', slaHint: '0–2000 timmar till lösning.',
  preview: 'Förhandsgranska', save: 'Spara regeln', cancel: 'Avbryt',
  previewResult: (m, r, d) => `${plural('sv', m, { one: 'Skulle ha öppnat # ärende', other: 'Skulle ha öppnat # ärenden' })} under de senaste ${d} dagarna (${plural('sv', r, { one: 'av # svar', other: 'av # svar' })}).`,
  keep: 'Behåll nuvarande villkor', keepHint: 'Den här regelns villkor skapades via API:t och kan inte visas som val. Avmarkera för att ersätta det med valen ovan.',
  errors: {
    needWhen: 'Välj hurdant svaret är.', npsQuestion: 'Välj en NPS-fråga, eller vilken NPS-fråga som helst.', needQuestion: 'Välj frågan vars betyg jämförs.', scoreRange: (max) => `Ange ett heltal från 0 till ${max}.`,
    needTopic: 'Välj ett ämne.', needKeywords: 'Ange minst ett ord.', keywordTooLong: 'Högst 100 tecken per ord.', tooManyKeywords: 'Högst 20 ord.',
  },
  words: {
    detractor: 'Kritiker (NPS 0–6)', passive: 'Passiv (NPS 7–8)', promoter: 'Ambassadör (NPS 9–10)', inQuestion: (t) => ` i ${quote(t)}`,
    scoreAtMost: (n) => `Betyg högst ${n}`, scoreAtLeast: (n) => `Betyg minst ${n}`, answerIs: (v) => `Svaret är ${v}`, dontKnow: 'Svarade ”vet inte”',
    csat: (lte, gte) => `Nöjdhet ${[gte !== undefined ? `minst ${gte}` : '', lte !== undefined ? `högst ${lte}` : ''].filter(Boolean).join(' och ')}`,
    likert: { agree: 'Instämmer', neutral: 'Varken eller', disagree: 'Instämmer inte', dont_know: 'Svarade ”vet inte”' },
    topic: (n) => `Ämne: ${n}`, sentiment: { negative: 'Negativt i tonen', neutral: 'Neutralt i tonen', positive: 'Positivt i tonen' },
    keyword: (w) => `Nämner ${w}`, or: ' eller ', and: ' och ', not: (t) => `inte (${t})`,
    at: (n) => ` vid ${n}`, unit: (n) => `, enhet ${n}`, segment: (n) => `, segment ${n}`, contact: (a) => `kundens ${a}`, removed: '(borttagen)',
  },
};

const pl: AlertRuleStrings = {
  title: 'Reguły alertów', intro: 'Które odpowiedzi otwierają sprawę, dla kogo i jak szybko.', caption: 'Reguły alertów', none: 'Brak reguł alertów: żadna sprawa nie jest otwierana automatycznie.',
  newRule: 'Nowa reguła alertu', newTitle: 'Nowa reguła alertu', editTitle: (name) => `Reguła alertu: ${name}`,
  columns: { name: 'Nazwa', condition: 'Kiedy', owner: 'Odpowiedzialny', priority: 'Priorytet', sla: 'SLA (godziny robocze)', status: 'Stan', actions: 'Działania' },
  edit: 'Edytuj', disable: 'Wyłącz', enable: 'Włącz', enabled: 'Włączona', disabled: 'Wyłączona', created: 'Reguła została utworzona.', saved: 'Reguła została zapisana.',
  disabledNotice: 'Reguła została wyłączona.', enabledNotice: 'Reguła znów działa.',
  name: 'Nazwa', kind: 'Rodzaj', kinds: { problem: 'Problem', praise: 'Pochwała' }, enabledLabel: 'Włączona',
  whenHeading: 'Otwórz sprawę, gdy odpowiedź to', when: { detractor: 'Krytyk (NPS 0–6)', score: 'Ocena co najwyżej N', topic: 'Na dany temat', negative: 'Negatywny wydźwięk', keyword: 'Wspomina słowo' },
  question: 'Pytanie', anyNps: 'Dowolne pytanie NPS', questionHint: 'Dla krytyka lub oceny.', scoreMax: 'N (ocena co najwyżej)', scoreHint: 'Dla „ocena co najwyżej N”.',
  topic: 'Temat', keywords: 'Słowa', keywordsHint: 'Dla „wspomina słowo”; kilka: oddziel przecinkami.',
  whereHeading: 'Tylko dla', touchpoint: 'Punkt styku', anyTouchpoint: 'Dowolny punkt styku', unit: 'Jednostka (z podjednostkami)', anyUnit: 'Dowolna jednostka', segment: 'Segment', anySegment: 'Dowolny segment',
  ownerHeading: 'Wtedy otwórz sprawę dla', routeTo: 'Odpowiedzialny', routes: { touchpoint_owner: 'Właściciel punktu styku', user: 'Wybrana osoba', round_robin: 'Członkowie jednostki po kolei', employee: 'Pracownik wymieniony w odpowiedzi' },
  routeUser: 'Osoba', routeUnit: 'Jednostka', chooseOne: '–', priority: 'Priorytet', slaHours: 'SLA (godziny robocze)', slaHint: '0–2000 godzin na rozwiązanie.',
  preview: 'Podgląd', save: 'Zapisz regułę', cancel: 'Anuluj',
  previewResult: (m, r, d) => `${plural('pl', m, { one: 'Otworzyłaby # sprawę', few: 'Otworzyłaby # sprawy', many: 'Otworzyłaby # spraw', other: 'Otworzyłaby # sprawy' })} w ciągu ostatnich ${d} dni (${plural('pl', r, { one: 'z # odpowiedzi', other: 'z # odpowiedzi' })}).`,
  keep: 'Zachowaj obecny warunek', keepHint: 'Warunek tej reguły utworzono przez API i nie da się go pokazać jako wyborów. Odznacz, aby zastąpić go wyborami powyżej.',
  errors: {
    needWhen: 'Wybierz, jaka jest odpowiedź.', npsQuestion: 'Wybierz pytanie NPS lub dowolne pytanie NPS.', needQuestion: 'Wybierz pytanie, którego ocena jest porównywana.', scoreRange: (max) => `Podaj liczbę całkowitą od 0 do ${max}.`,
    needTopic: 'Wybierz temat.', needKeywords: 'Podaj co najmniej jedno słowo.', keywordTooLong: 'Najwyżej 100 znaków na słowo.', tooManyKeywords: 'Najwyżej 20 słów.',
  },
  words: {
    detractor: 'Krytyk (NPS 0–6)', passive: 'Neutralny (NPS 7–8)', promoter: 'Promotor (NPS 9–10)', inQuestion: (t) => ` w pytaniu ${quote(t)}`,
    scoreAtMost: (n) => `Ocena co najwyżej ${n}`, scoreAtLeast: (n) => `Ocena co najmniej ${n}`, answerIs: (v) => `Odpowiedź to ${v}`, dontKnow: 'Odpowiedź „nie wiem”',
    csat: (lte, gte) => `Zadowolenie ${[gte !== undefined ? `co najmniej ${gte}` : '', lte !== undefined ? `co najwyżej ${lte}` : ''].filter(Boolean).join(' i ')}`,
    likert: { agree: 'Zgadza się', neutral: 'Ani tak, ani nie', disagree: 'Nie zgadza się', dont_know: 'Odpowiedź „nie wiem”' },
    topic: (n) => `Temat: ${n}`, sentiment: { negative: 'Negatywny wydźwięk', neutral: 'Neutralny wydźwięk', positive: 'Pozytywny wydźwięk' },
    keyword: (w) => `Wspomina ${w}`, or: ' lub ', and: ' i ', not: (t) => `nie (${t})`,
    at: (n) => `, punkt styku ${n}`, unit: (n) => `, jednostka ${n}`, segment: (n) => `, segment ${n}`, contact: (a) => `klienta: ${a}`, removed: '(usunięty)',
  },
};

const all: Record<UiLanguage, AlertRuleStrings> = { fi, sv, en, pl };
export const alertRulesText = (language: UiLanguage): AlertRuleStrings => all[language];
