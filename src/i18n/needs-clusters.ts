/**
 * Texts of /app/segments/needs (needs-based clusters: k-means on respondents' score answers) in
 * Finnish, Swedish, English and Polish. Counts take each language's plural forms (plural.ts);
 * numbers come in already written in the reader's language.
 */
import { formatNumber, type UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

/** A count in its plural form, the number written as the language writes it (4 341, 4,341). */
const count = (language: UiLanguage, n: number, forms: PluralForms) => plural(language, n, forms, (x) => formatNumber(x, language));

/** Kaufman & Rousseeuw's reading of the mean silhouette width (Finding Groups in Data, 1990). */
export type SilhouetteBand = 'strong' | 'reasonable' | 'weak' | 'none';

export interface NeedsStrings {
  title: string;
  intro: string;
  toNeeds: string;
  survey: string;
  surveyPrompt: string;
  noSurveys: string;
  questions: string;
  questionsHint: string;
  clusters: string;
  bestOf: string;
  /** "3 clusters" as an option. */
  kOption: (k: number) => string;
  show: string;
  /** "3 clusters among 240 respondents." */
  summary: (k: number, n: number) => string;
  excluded: (n: number) => string;
  /** "4 of the 6 clusters asked for stayed empty: the answers form fewer distinct groups." */
  emptyClusters: (empty: number, asked: number) => string;
  /** "Quality: silhouette 0.62, a reasonable structure." */
  quality: (silhouette: string, band: SilhouetteBand) => string;
  chosenK: (k: number, tried: string) => string;
  fewPerCluster: (n: number, k: number) => string;
  standardised: string;
  /** "Cluster 2: 45 % of respondents (108)" */
  clusterHeading: (cluster: number, share: string, size: number) => string;
  /** "Higher than average on “Staff were friendly” (+1.2 points)" */
  higher: (label: string, points: string) => string;
  lower: (label: string, points: string) => string;
  setsApart: string;
  question: string;
  clusterMean: string;
  overallMean: string;
  difference: string;
  tooSmall: (minimum: number) => string;
  badSurvey: string;
  badK: string;
  badQuestions: string;
  /** The service refused the questions: too few complete answers, or an answer everyone gave alike. */
  cannotCluster: string;
}

const en: NeedsStrings = {
  title: 'Needs-based clusters',
  intro: 'Groups of respondents who answered the score questions alike (k-means). Each cluster is described by how its average answers differ from everyone’s.',
  toNeeds: 'Needs-based clusters of respondents',
  survey: 'Survey', surveyPrompt: 'Choose a survey',
  noSurveys: 'No survey has two or more score questions to cluster on yet.',
  questions: 'Questions to cluster on', questionsHint: 'At least two score questions. Preselected: the survey’s driver questions.',
  clusters: 'Number of clusters', bestOf: 'Best of 2 to 5 (by silhouette)',
  kOption: (k) => `${k} clusters`,
  emptyClusters: (e, k) => `${e} of the ${k} clusters asked for stayed empty: the answers form fewer distinct groups.`,
  show: 'Find clusters',
  summary: (k, n) => `${count('en', k, { one: '# cluster', other: '# clusters' })} among ${count('en', n, { one: '# respondent', other: '# respondents' })}.`,
  excluded: (n) => `${count('en', n, { one: '# respondent was', other: '# respondents were' })} left out for a missing or “don’t know” answer.`,
  quality: (s, band) => `Quality: mean silhouette ${s}, ${{ strong: 'a strong structure', reasonable: 'a reasonable structure', weak: 'a weak structure that may be artificial', none: 'no substantial structure: the clusters overlap' }[band]}.`,
  chosenK: (k, tried) => `${count('en', k, { one: '# cluster', other: '# clusters' })} had the best silhouette of those tried (${tried}).`,
  fewPerCluster: (n, k) => `Only ${count('en', n, { one: '# respondent', other: '# respondents' })} for ${count('en', k, { one: '# cluster', other: '# clusters' })}: about 30 per cluster are needed for stable groups.`,
  standardised: 'The questions use different scales, so answers were put on one scale (standard scores) before clustering; differences are still shown in answer points.',
  clusterHeading: (c, share, size) => `Cluster ${c}: ${share} of respondents (${size})`,
  higher: (label, points) => `higher than average on “${label}” (${points} points)`,
  lower: (label, points) => `lower than average on “${label}” (${points} points)`,
  setsApart: 'Sets it apart:',
  question: 'Question', clusterMean: 'Cluster average', overallMean: 'Everyone', difference: 'Difference',
  tooSmall: (m) => `Fewer than ${m} respondents (the organisation’s minimum group size) are in what you may see, so no clusters are shown.`,
  badSurvey: 'Survey: choose a survey from the list.',
  badK: 'Number of clusters: choose one from the list.',
  badQuestions: 'Questions to cluster on: choose at least two.',
  cannotCluster: 'Questions to cluster on: too few respondents answered all of them for this many clusters, or one of them has the same answer from everyone. Choose other questions or fewer clusters.',
};

const fi: NeedsStrings = {
  title: 'Tarvepohjaiset ryhmät',
  intro: 'Vastaajaryhmät, jotka vastasivat asteikkokysymyksiin samalla tavalla (k-means). Kutakin ryhmää kuvataan sillä, miten sen keskiarvot eroavat kaikkien keskiarvoista.',
  toNeeds: 'Vastaajien tarvepohjaiset ryhmät',
  survey: 'Kysely', surveyPrompt: 'Valitse kysely',
  noSurveys: 'Yhdessäkään kyselyssä ei vielä ole kahta asteikkokysymystä ryhmittelyä varten.',
  questions: 'Ryhmittelyn kysymykset', questionsHint: 'Vähintään kaksi asteikkokysymystä. Valmiiksi valittuina kyselyn ajurikysymykset.',
  clusters: 'Ryhmien määrä', bestOf: 'Paras 2–5 ryhmästä (siluetin mukaan)',
  kOption: (k) => `${k} ryhmää`,
  emptyClusters: (e, k) => `${e}/${k} pyydetystä ryhmästä jäi tyhjäksi: vastaukset muodostavat vähemmän erillisiä ryhmiä.`,
  show: 'Etsi ryhmät',
  summary: (k, n) => `${count('fi', k, { one: '# ryhmä', other: '# ryhmää' })}, ${count('fi', n, { one: '# vastaaja', other: '# vastaajaa' })}.`,
  excluded: (n) => `${count('fi', n, { one: '# vastaaja jätettiin', other: '# vastaajaa jätettiin' })} pois puuttuvan tai ”en osaa sanoa” -vastauksen vuoksi.`,
  quality: (s, band) => `Laatu: siluetin keskiarvo ${s}, ${{ strong: 'vahva rakenne', reasonable: 'kohtuullinen rakenne', weak: 'heikko rakenne, joka voi olla keinotekoinen', none: 'ei olennaista rakennetta: ryhmät menevät päällekkäin' }[band]}.`,
  chosenK: (k, tried) => `${count('fi', k, { one: '# ryhmällä', other: '# ryhmällä' })} oli kokeilluista paras siluetti (${tried}).`,
  fewPerCluster: (n, k) => `Vain ${count('fi', n, { one: '# vastaaja', other: '# vastaajaa' })} ${count('fi', k, { one: '# ryhmälle', other: '# ryhmälle' })}: vakaisiin ryhmiin tarvitaan noin 30 vastaajaa ryhmää kohden.`,
  standardised: 'Kysymyksillä on eri asteikot, joten vastaukset muunnettiin samalle asteikolle (standardipisteet) ennen ryhmittelyä; erot näytetään silti vastauspisteinä.',
  clusterHeading: (c, share, size) => `Ryhmä ${c}: ${share} vastaajista (${size})`,
  higher: (label, points) => `keskimääräistä korkeampi kohdassa ”${label}” (${points} pistettä)`,
  lower: (label, points) => `keskimääräistä matalampi kohdassa ”${label}” (${points} pistettä)`,
  setsApart: 'Erottuu:',
  question: 'Kysymys', clusterMean: 'Ryhmän keskiarvo', overallMean: 'Kaikki', difference: 'Ero',
  tooSmall: (m) => `Näkyvissäsi on alle ${m} vastaajaa (organisaation pienin ryhmäkoko), joten ryhmiä ei näytetä.`,
  badSurvey: 'Kysely: valitse kysely luettelosta.',
  badK: 'Ryhmien määrä: valitse luettelosta.',
  badQuestions: 'Ryhmittelyn kysymykset: valitse vähintään kaksi.',
  cannotCluster: 'Ryhmittelyn kysymykset: liian harva vastasi kaikkiin niihin näin monelle ryhmälle, tai jonkin kysymyksen vastaus on kaikilla sama. Valitse muut kysymykset tai vähemmän ryhmiä.',
};

const sv: NeedsStrings = {
  title: 'Behovsbaserade kluster',
  intro: 'Grupper av svarande som svarade lika på skalfrågorna (k-means). Varje kluster beskrivs av hur dess medelsvar skiljer sig från allas.',
  toNeeds: 'Behovsbaserade kluster av svarande',
  survey: 'Enkät', surveyPrompt: 'Välj en enkät',
  noSurveys: 'Ingen enkät har ännu två eller fler skalfrågor att klustra på.',
  questions: 'Frågor att klustra på', questionsHint: 'Minst två skalfrågor. Förvalda: enkätens drivarfrågor.',
  clusters: 'Antal kluster', bestOf: 'Bästa av 2 till 5 (efter silhuett)',
  kOption: (k) => `${k} kluster`,
  emptyClusters: (e, k) => `${e} av de ${k} begärda klustren blev tomma: svaren bildar färre åtskilda grupper.`,
  show: 'Hitta kluster',
  summary: (k, n) => `${count('sv', k, { one: '# kluster', other: '# kluster' })} bland ${count('sv', n, { one: '# svarande', other: '# svarande' })}.`,
  excluded: (n) => `${count('sv', n, { one: '# svarande', other: '# svarande' })} lämnades utanför för ett saknat svar eller ”vet inte”.`,
  quality: (s, band) => `Kvalitet: medelsilhuett ${s}, ${{ strong: 'en stark struktur', reasonable: 'en rimlig struktur', weak: 'en svag struktur som kan vara konstlad', none: 'ingen väsentlig struktur: klustren överlappar' }[band]}.`,
  chosenK: (k, tried) => `${count('sv', k, { one: '# kluster', other: '# kluster' })} gav den bästa silhuetten av de prövade (${tried}).`,
  fewPerCluster: (n, k) => `Bara ${count('sv', n, { one: '# svarande', other: '# svarande' })} för ${count('sv', k, { one: '# kluster', other: '# kluster' })}: ungefär 30 per kluster behövs för stabila grupper.`,
  standardised: 'Frågorna har olika skalor, så svaren fördes till en skala (standardpoäng) före klustringen; skillnaderna visas ändå i svarspoäng.',
  clusterHeading: (c, share, size) => `Kluster ${c}: ${share} av de svarande (${size})`,
  higher: (label, points) => `högre än genomsnittet på ”${label}” (${points} poäng)`,
  lower: (label, points) => `lägre än genomsnittet på ”${label}” (${points} poäng)`,
  setsApart: 'Utmärker sig:',
  question: 'Fråga', clusterMean: 'Klustrets medel', overallMean: 'Alla', difference: 'Skillnad',
  tooSmall: (m) => `Färre än ${m} svarande (organisationens minsta gruppstorlek) finns i det du får se, så inga kluster visas.`,
  badSurvey: 'Enkät: välj en enkät i listan.',
  badK: 'Antal kluster: välj ett i listan.',
  badQuestions: 'Frågor att klustra på: välj minst två.',
  cannotCluster: 'Frågor att klustra på: för få svarande besvarade alla för så många kluster, eller så har alla samma svar på en av dem. Välj andra frågor eller färre kluster.',
};

const pl: NeedsStrings = {
  title: 'Skupienia według potrzeb',
  intro: 'Grupy respondentów, którzy podobnie odpowiedzieli na pytania skalowe (k-średnich). Każde skupienie opisuje to, jak jego średnie odpowiedzi różnią się od średnich wszystkich.',
  toNeeds: 'Skupienia respondentów według potrzeb',
  survey: 'Ankieta', surveyPrompt: 'Wybierz ankietę',
  noSurveys: 'Żadna ankieta nie ma jeszcze dwóch pytań skalowych do grupowania.',
  questions: 'Pytania do grupowania', questionsHint: 'Co najmniej dwa pytania skalowe. Wstępnie wybrane: pytania-czynniki ankiety.',
  clusters: 'Liczba skupień', bestOf: 'Najlepsza z 2–5 (według sylwetki)',
  kOption: (k) => count('pl', k, { one: '# skupienie', few: '# skupienia', many: '# skupień', other: '# skupienia' }),
  emptyClusters: (e, k) => `${e} z ${k} żądanych skupień pozostało pustych: odpowiedzi tworzą mniej odrębnych grup.`,
  show: 'Znajdź skupienia',
  summary: (k, n) => `${count('pl', k, { one: '# skupienie', few: '# skupienia', many: '# skupień', other: '# skupienia' })} wśród ${count('pl', n, { one: '# respondenta', few: '# respondentów', many: '# respondentów', other: '# respondenta' })}.`,
  excluded: (n) => `${count('pl', n, { one: '# respondenta pominięto', few: '# respondentów pominięto', many: '# respondentów pominięto', other: '# respondenta pominięto' })} z powodu brakującej odpowiedzi lub „nie wiem”.`,
  quality: (s, band) => `Jakość: średnia sylwetka ${s}, ${{ strong: 'silna struktura', reasonable: 'rozsądna struktura', weak: 'słaba struktura, która może być sztuczna', none: 'brak istotnej struktury: skupienia się nakładają' }[band]}.`,
  chosenK: (k, tried) => `${count('pl', k, { one: '# skupienie dało', few: '# skupienia dały', many: '# skupień dało', other: '# skupienia dało' })} najlepszą sylwetkę spośród sprawdzonych (${tried}).`,
  fewPerCluster: (n, k) => `Tylko ${count('pl', n, { one: '# respondent', few: '# respondentów', many: '# respondentów', other: '# respondenta' })} na ${count('pl', k, { one: '# skupienie', few: '# skupienia', many: '# skupień', other: '# skupienia' })}: do stabilnych grup potrzeba około 30 na skupienie.`,
  standardised: 'Pytania mają różne skale, więc przed grupowaniem odpowiedzi sprowadzono do jednej skali (wyniki standaryzowane); różnice pokazano nadal w punktach odpowiedzi.',
  clusterHeading: (c, share, size) => `Skupienie ${c}: ${share} respondentów (${size})`,
  higher: (label, points) => `wyżej niż średnio w „${label}” (${points} pkt)`,
  lower: (label, points) => `niżej niż średnio w „${label}” (${points} pkt)`,
  setsApart: 'Wyróżnia je:',
  question: 'Pytanie', clusterMean: 'Średnia skupienia', overallMean: 'Wszyscy', difference: 'Różnica',
  tooSmall: (m) => `W tym, co możesz zobaczyć, jest mniej niż ${m} respondentów (minimalna wielkość grupy organizacji), więc skupień nie pokazano.`,
  badSurvey: 'Ankieta: wybierz ankietę z listy.',
  badK: 'Liczba skupień: wybierz z listy.',
  badQuestions: 'Pytania do grupowania: wybierz co najmniej dwa.',
  cannotCluster: 'Pytania do grupowania: zbyt mało respondentów odpowiedziało na wszystkie przy tylu skupieniach albo na jedno z nich wszyscy odpowiedzieli tak samo. Wybierz inne pytania lub mniej skupień.',
};

const texts: Record<UiLanguage, NeedsStrings> = { fi, sv, en, pl };
export const needsText = (language: UiLanguage): NeedsStrings => texts[language];
