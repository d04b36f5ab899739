/**
 * Texts of the analytic dashboard pages — drivers (/app/drivers), text (/app/text) and churn
 * risk (/app/churn) — in the four UI languages. Same keys in each (the type enforces it).
 */
import type { UiLanguage } from './index.ts';

type Quadrant = 'fix_first' | 'keep' | 'overkill' | 'low_priority';
type Sentiment = 'positive' | 'neutral' | 'negative';

export interface AnalysisStrings {
  nav: { drivers: string; text: string; churn: string };
  common: {
    show: string;
    reset: string;
    from: string;
    to: string;
    channel: string;
    allChannels: string;
    unit: string;
    allUnits: string;
    filtersHeading: string;
    invalid: (field: string) => string;
    hidden: string;
    none: string;
    next: string;
    first: string;
    warnings: string;
  };
  drivers: {
    title: string;
    intro: string;
    survey: string;
    target: string;
    method: string;
    methods: Record<'relative-weights' | 'shapley', string>;
    performance: string;
    performances: Record<'mean' | 'top-box', string>;
    noSurvey: string;
    cannot: string;
    summary: (n: string, excluded: string, r2: string) => string;
    r2Interval: (low: string, high: string, replicates: string) => string;
    matrixHeading: string;
    matrixDesc: (count: number) => string;
    importance: string;
    performanceAxis: (measure: 'mean' | 'top-box') => string;
    quadrants: Record<Quadrant, string>;
    quadrant: string;
    attribute: string;
    weight: string;
    weightCi: string;
    matrixTable: string;
    weightsHeading: string;
    weightsDesc: string;
    thresholds: (importance: string, performance: string) => string;
    promoterHeading: string;
    promoterIntro: string;
    promoterSummary: (promoters: string, passives: string, detractors: string) => string;
    coefficient: string;
    oddsRatio: string;
    oddsRatioCi: string;
    pValue: string;
    intercept: string;
    promoterTable: string;
    promoterNotNps: string;
    warningTexts: Record<string, string>;
  };
  text: {
    title: string;
    intro: string;
    source: string;
    allSources: string;
    sources: Record<string, string>;
    answers: (n: string, withoutTopic: string) => string;
    matrixHeading: string;
    matrixDesc: string;
    topic: string;
    mentions: string;
    mentionShare: string;
    sentiments: Record<Sentiment, string>;
    netSentiment: string;
    sentiment: string;
    matrixTable: string;
    trendHeading: string;
    trendTable: string;
    period: string;
    trendIntro: string;
    themesHeading: string;
    themesIntro: string;
    theme: string;
    count: string;
    themesTable: (period: string) => string;
    noThemes: string;
    searchHeading: string;
    query: string;
    anyTopic: string;
    anySentiment: string;
    search: string;
    noVerbatims: string;
    /** Shown above the answers in person-level views, where date, score and touchpoint are left out. */
    wordsOnly: string;
    nps: string;
    noAnswers: string;
    topicNames: Record<string, string>;
  };
  churn: {
    title: string;
    intro: string;
    noModelTitle: string;
    noModel: string;
    askAdmin: string;
    trainNow: string;
    trainQueued: string;
    /** Why training could not start: no churn flag, a run already going, no background jobs. */
    trainErrors: Record<'no_flag' | 'running' | 'no_jobs', string>;
    latestRun: (status: string, progress: string) => string;
    runStatus: Record<'queued' | 'running' | 'done' | 'failed', string>;
    runFailed: (error: string) => string;
    qualityHeading: string;
    trainedAt: (date: string) => string;
    auc: string;
    aucNote: string;
    brier: string;
    holdout: string;
    churnRate: string;
    hosmerLemeshow: string;
    decile: string;
    contacts: string;
    churners: string;
    actualRate: string;
    predicted: string;
    lift: string;
    capture: string;
    liftHeading: string;
    liftDesc: string;
    calibrationHeading: string;
    calibrationDesc: string;
    decileTable: string;
    listHeading: string;
    contact: string;
    segment: string;
    risk: string;
    reasons: string;
    listTable: string;
    noContacts: string;
    exportLink: string;
    warningTexts: Record<string, string>;
  };
}

const en: AnalysisStrings = {
  nav: { drivers: 'Drivers', text: 'Text', churn: 'Churn risk' },
  common: {
    show: 'Show', reset: 'Reset', from: 'From', to: 'To', channel: 'Channel', allChannels: 'All channels', unit: 'Unit', allUnits: 'All units',
    filtersHeading: 'What to analyse', invalid: (f) => `“${f}” was not valid and is ignored.`, hidden: 'too few answers', none: '–',
    next: 'Next page', first: 'First page', warnings: 'Read with care',
  },
  drivers: {
    title: 'Key drivers',
    intro: 'Which parts of the experience explain the outcome, and where to act: importance (share of the explained variance) against how well we do now.',
    survey: 'Survey', target: 'Outcome', method: 'Method',
    methods: { 'relative-weights': 'Relative weights (Johnson)', shapley: 'Shapley / LMG' },
    performance: 'Performance as', performances: { mean: 'mean answer', 'top-box': 'top-two-box share' },
    noSurvey: 'No survey has score questions to analyse yet.',
    cannot: 'These figures cannot be computed for this selection:',
    summary: (n, excluded, r2) => `${n} respondents with every answer (${excluded} left out for a missing or “don’t know” answer); the attributes explain R² = ${r2} of the outcome.`,
    r2Interval: (low, high, replicates) => `95 % interval of R² ${low} … ${high} (${replicates} bootstrap resamples).`,
    matrixHeading: 'Priority matrix', matrixDesc: (count) => `${count} attributes placed by importance (across) and performance (up); the lines are the means.`,
    importance: 'Importance (% of R²)', performanceAxis: (m) => (m === 'mean' ? 'Performance (mean answer)' : 'Performance (top-two-box %)'),
    quadrants: { fix_first: 'Fix first', keep: 'Keep', overkill: 'Overkill', low_priority: 'Low priority' },
    quadrant: 'Priority', attribute: 'Attribute', weight: 'Importance (% of R²)', weightCi: '95 % interval',
    matrixTable: 'Attributes by importance, with intervals, performance and priority',
    weightsHeading: 'Importance with 95 % intervals', weightsDesc: 'Each attribute’s share of the explained variance as a bar, its bootstrap 95 % interval as a line.',
    thresholds: (i, p) => `Split at the mean importance ${i} % and the mean performance ${p}.`,
    promoterHeading: 'Promoters versus passives',
    promoterIntro: 'Logistic regression of being a promoter (9–10) rather than a passive (7–8); detractors are left out. An odds ratio above 1 means a higher answer goes with more promoters.',
    promoterSummary: (p, q, d) => `${p} promoters and ${q} passives (${d} detractors left out).`,
    coefficient: 'Coefficient', oddsRatio: 'Odds ratio', oddsRatioCi: '95 % interval of the odds ratio', pValue: 'p', intercept: 'Intercept',
    promoterTable: 'Effects on being a promoter rather than a passive',
    promoterNotNps: 'Promoter-versus-passive effects need an NPS outcome.',
    warningTexts: {
      few_respondents: 'Few respondents: fewer than 30, or fewer than 5 per attribute. The weights are unstable.',
      collinearity: 'Some attributes are nearly the same question (highly correlated): their weights are shared between them and hard to tell apart.',
      few_events: 'Fewer than 10 promoters or passives per attribute: the effects are unstable.',
      separation: 'An attribute separates promoters from passives perfectly: its effect has no upper bound.',
    },
  },
  text: {
    title: 'Open answers',
    intro: 'What customers write about: topics with their sentiment, how topics change, new themes no topic covers, and the answers themselves (personal data removed).',
    source: 'Source', allSources: 'All sources',
    sources: { survey: 'Survey answers', complaint: 'Complaints', chat: 'Chats', email: 'E-mails', social: 'Social media', review: 'Reviews', other: 'Other' },
    answers: (n, w) => `${n} texts; ${w} mention no known topic.`,
    matrixHeading: 'Topics and sentiment', matrixDesc: 'Each topic’s mentions as a bar split into negative, neutral and positive, with its count.',
    topic: 'Topic', mentions: 'Mentions', mentionShare: 'Share of texts (%)',
    sentiments: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
    sentiment: 'Sentiment', netSentiment: 'Net sentiment (positive − negative, %)', matrixTable: 'Topics by sentiment (shares of each topic’s mentions, %)',
    trendHeading: 'Topic trends', trendTable: 'Share of texts mentioning each topic by month (%)', period: 'Month',
    trendIntro: 'The most mentioned topics over the months of the period.',
    themesHeading: 'Emerging themes', themesIntro: 'Words and phrases that recur in texts no topic covers — candidates for a new topic.',
    theme: 'Theme', count: 'Texts', themesTable: (p) => `Emerging themes, ${p}`, noThemes: 'No recurring themes outside the topics.',
    searchHeading: 'Search the answers', query: 'Words to find', anyTopic: 'Any topic', anySentiment: 'Any sentiment', search: 'Search',
    noVerbatims: 'No answers match.', wordsOnly: 'Shown without date, score or touchpoint, so that no answer points at the customer who wrote it.', nps: 'NPS',
    noAnswers: 'No open answers in this selection.',
    topicNames: { wait_time: 'Waiting time', staff: 'Staff', price: 'Price', billing: 'Billing', quality: 'Quality', digital: 'Digital services', delivery: 'Delivery', communication: 'Communication', cleanliness: 'Cleanliness' },
  },
  churn: {
    title: 'Churn risk',
    intro: 'Customers likely to leave, from their experience (answers, cases, texts) and operational data, with the reasons that raise each one’s risk. The model is evaluated on customers held out of training.',
    noModelTitle: 'No churn model yet', noModel: 'A model is trained from contacts whose operational data says whether they left (the “churned” flag).',
    askAdmin: 'An administrator or analyst can train it.', trainNow: 'Train now', trainQueued: 'Training has been queued. This page shows the result when it is done.', trainErrors: { no_flag: 'No customer has the “churned” flag in their operational data yet, so there is nothing to learn from.', running: 'A model is already being trained; wait for it to finish.', no_jobs: 'Background jobs are not running in this server, so training cannot start now.' },
    latestRun: (s, p) => `Latest training: ${s}${p ? ` (${p} %)` : ''}.`,
    runStatus: { queued: 'queued', running: 'running', done: 'done', failed: 'failed' },
    runFailed: (e) => `The latest training failed: ${e}`,
    qualityHeading: 'Model quality', trainedAt: (d) => `Trained ${d}.`,
    auc: 'AUC', aucNote: '0.5 is guessing, 1 a perfect ranking', brier: 'Brier score', holdout: 'Held-out contacts', churnRate: 'Churn rate in training',
    hosmerLemeshow: 'Hosmer–Lemeshow p',
    decile: 'Risk decile', contacts: 'Contacts', churners: 'Churned', actualRate: 'Actual churn (%)', predicted: 'Predicted risk (%)', lift: 'Lift', capture: 'Churners found, cumulative (%)',
    liftHeading: 'Lift by risk decile', liftDesc: 'Churn rate of each tenth of held-out contacts, riskiest first, relative to the average (1 = average).',
    calibrationHeading: 'Calibration', calibrationDesc: 'Predicted against actual churn per decile; on the diagonal the risks are right.',
    decileTable: 'Held-out contacts by risk decile',
    listHeading: 'Customers at risk', contact: 'Customer', segment: 'Segment', risk: 'Risk (%)', reasons: 'Main reasons', listTable: 'Customers at risk, riskiest first',
    noContacts: 'No scored customers in your view.', exportLink: 'Download the whole list (CSV)',
    warningTexts: {
      few_churners: 'Few churned customers to learn from: the risks are rough.',
      holdout_one_class: 'The held-out contacts are all churners or all stayers: AUC cannot be computed.',
      not_converged: 'The model did not converge: treat the risks as indicative.',
    },
  },
};

const fi: AnalysisStrings = {
  nav: { drivers: 'Ajurit', text: 'Avoimet vastaukset', churn: 'Poistumariski' },
  common: {
    show: 'Näytä', reset: 'Tyhjennä', from: 'Alkaen', to: 'Päättyen', channel: 'Kanava', allChannels: 'Kaikki kanavat', unit: 'Yksikkö', allUnits: 'Kaikki yksiköt',
    filtersHeading: 'Mitä analysoidaan', invalid: (f) => `”${f}” ei kelpaa, joten se ohitetaan.`, hidden: 'liian vähän vastauksia', none: '–',
    next: 'Seuraava sivu', first: 'Ensimmäinen sivu', warnings: 'Tulkitse varoen',
  },
  drivers: {
    title: 'Tärkeimmät ajurit',
    intro: 'Mitkä kokemuksen osat selittävät tulosta ja mihin kannattaa tarttua: tärkeys (osuus selitetystä vaihtelusta) verrattuna nykyiseen tasoon.',
    survey: 'Kysely', target: 'Tulosmittari', method: 'Menetelmä',
    methods: { 'relative-weights': 'Suhteelliset painot (Johnson)', shapley: 'Shapley / LMG' },
    performance: 'Taso mitattuna', performances: { mean: 'vastausten keskiarvona', 'top-box': 'kahden parhaan vaihtoehdon osuutena' },
    noSurvey: 'Yhdessäkään kyselyssä ei vielä ole analysoitavia asteikkokysymyksiä.',
    cannot: 'Näitä lukuja ei voi laskea tälle valinnalle:',
    summary: (n, excluded, r2) => `${n} vastaajaa, joilla on kaikki vastaukset (${excluded} jätetty pois puuttuvan tai ”en osaa sanoa” -vastauksen vuoksi); tekijät selittävät tuloksesta R² = ${r2}.`,
    r2Interval: (low, high, replicates) => `R²:n 95 %:n väli ${low} … ${high} (${replicates} bootstrap-otosta).`,
    matrixHeading: 'Prioriteettimatriisi', matrixDesc: (count) => `${count} tekijää sijoitettuna tärkeyden (vaaka) ja tason (pysty) mukaan; viivat ovat keskiarvot.`,
    importance: 'Tärkeys (% R²:sta)', performanceAxis: (m) => (m === 'mean' ? 'Taso (vastausten keskiarvo)' : 'Taso (kahden parhaan osuus %)'),
    quadrants: { fix_first: 'Korjaa ensin', keep: 'Pidä yllä', overkill: 'Ylisuoritus', low_priority: 'Vähäinen prioriteetti' },
    quadrant: 'Prioriteetti', attribute: 'Tekijä', weight: 'Tärkeys (% R²:sta)', weightCi: '95 %:n väli',
    matrixTable: 'Tekijät tärkeysjärjestyksessä väleineen, tasoineen ja prioriteetteineen',
    weightsHeading: 'Tärkeys 95 %:n väleineen', weightsDesc: 'Kunkin tekijän osuus selitetystä vaihtelusta palkkina ja sen bootstrap-väli viivana.',
    thresholds: (i, p) => `Jako tärkeyden keskiarvon ${i} % ja tason keskiarvon ${p} kohdalta.`,
    promoterHeading: 'Suosittelijat ja passiiviset',
    promoterIntro: 'Logistinen regressio siitä, onko vastaaja suosittelija (9–10) eikä passiivinen (7–8); arvostelijat on jätetty pois. Yli 1:n vetosuhde tarkoittaa, että korkeampi vastaus kulkee yhdessä suosittelun kanssa.',
    promoterSummary: (p, q, d) => `${p} suosittelijaa ja ${q} passiivista (${d} arvostelijaa jätetty pois).`,
    coefficient: 'Kerroin', oddsRatio: 'Vetosuhde', oddsRatioCi: 'Vetosuhteen 95 %:n väli', pValue: 'p', intercept: 'Vakiotermi',
    promoterTable: 'Vaikutukset siihen, onko vastaaja suosittelija eikä passiivinen',
    promoterNotNps: 'Suosittelijoiden ja passiivisten vertailu vaatii NPS-tulosmittarin.',
    warningTexts: {
      few_respondents: 'Vähän vastaajia: alle 30 tai alle 5 tekijää kohden. Painot ovat epävakaita.',
      collinearity: 'Osa tekijöistä mittaa lähes samaa (vahva korrelaatio): niiden painot jakautuvat keskenään eikä niitä voi erottaa hyvin.',
      few_events: 'Alle 10 suosittelijaa tai passiivista tekijää kohden: vaikutukset ovat epävakaita.',
      separation: 'Jokin tekijä erottaa suosittelijat passiivisista täydellisesti: sen vaikutuksella ei ole ylärajaa.',
    },
  },
  text: {
    title: 'Avoimet vastaukset',
    intro: 'Mistä asiakkaat kirjoittavat: aiheet ja niiden sävy, aiheiden kehitys, uudet teemat joita mikään aihe ei kata, ja vastaukset itse (henkilötiedot poistettu).',
    source: 'Lähde', allSources: 'Kaikki lähteet',
    sources: { survey: 'Kyselyvastaukset', complaint: 'Reklamaatiot', chat: 'Chatit', email: 'Sähköpostit', social: 'Sosiaalinen media', review: 'Arvostelut', other: 'Muut' },
    answers: (n, w) => `${n} tekstiä; ${w} ei mainitse mitään tunnettua aihetta.`,
    matrixHeading: 'Aiheet ja sävy', matrixDesc: 'Kunkin aiheen maininnat palkkina jaettuna kielteisiin, neutraaleihin ja myönteisiin, lukumäärineen.',
    topic: 'Aihe', mentions: 'Mainintoja', mentionShare: 'Osuus teksteistä (%)',
    sentiments: { positive: 'Myönteinen', neutral: 'Neutraali', negative: 'Kielteinen' },
    sentiment: 'Sävy', netSentiment: 'Nettosävy (myönteiset − kielteiset, %)', matrixTable: 'Aiheet sävyn mukaan (osuus aiheen maininnoista, %)',
    trendHeading: 'Aiheiden kehitys', trendTable: 'Aiheen maininneiden tekstien osuus kuukausittain (%)', period: 'Kuukausi',
    trendIntro: 'Mainituimmat aiheet jakson kuukausina.',
    themesHeading: 'Nousevat teemat', themesIntro: 'Sanat ja ilmaukset, jotka toistuvat teksteissä joita mikään aihe ei kata — ehdokkaita uudeksi aiheeksi.',
    theme: 'Teema', count: 'Tekstejä', themesTable: (p) => `Nousevat teemat, ${p}`, noThemes: 'Aiheiden ulkopuolella ei ole toistuvia teemoja.',
    searchHeading: 'Hae vastauksista', query: 'Haettavat sanat', anyTopic: 'Kaikki aiheet', anySentiment: 'Kaikki sävyt', search: 'Hae',
    noVerbatims: 'Ei osumia.', wordsOnly: 'Näytetään ilman päivää, pistemäärää ja kosketuspistettä, jotta mikään vastaus ei paljasta kirjoittajaansa.', nps: 'NPS',
    noAnswers: 'Tällä valinnalla ei ole avoimia vastauksia.',
    topicNames: { wait_time: 'Odotusaika', staff: 'Henkilökunta', price: 'Hinta', billing: 'Laskutus', quality: 'Laatu', digital: 'Digipalvelut', delivery: 'Toimitus', communication: 'Viestintä', cleanliness: 'Siisteys' },
  },
  churn: {
    title: 'Poistumariski',
    intro: 'Asiakkaat, jotka todennäköisesti lähtevät, kokemuksen (vastaukset, tapaukset, tekstit) ja operatiivisten tietojen perusteella, sekä syyt jotka nostavat kunkin riskiä. Mallia arvioidaan asiakkailla, jotka jätettiin opetuksen ulkopuolelle.',
    noModelTitle: 'Poistumamallia ei vielä ole', noModel: 'Malli opetetaan asiakkaista, joiden operatiivisissa tiedoissa on tieto lähtemisestä (”churned”-merkintä).',
    askAdmin: 'Ylläpitäjä tai analyytikko voi opettaa sen.', trainNow: 'Opeta nyt', trainQueued: 'Opetus on jonossa. Tämä sivu näyttää tuloksen, kun se on valmis.', trainErrors: { no_flag: 'Yhdenkään asiakkaan operatiivisissa tiedoissa ei vielä ole ”churned”-merkintää, joten opittavaa ei ole.', running: 'Mallia opetetaan jo; odota, että se valmistuu.', no_jobs: 'Taustatyöt eivät ole käynnissä tällä palvelimella, joten opetusta ei voi aloittaa nyt.' },
    latestRun: (s, p) => `Viimeisin opetus: ${s}${p ? ` (${p} %)` : ''}.`,
    runStatus: { queued: 'jonossa', running: 'käynnissä', done: 'valmis', failed: 'epäonnistui' },
    runFailed: (e) => `Viimeisin opetus epäonnistui: ${e}`,
    qualityHeading: 'Mallin laatu', trainedAt: (d) => `Opetettu ${d}.`,
    auc: 'AUC', aucNote: '0,5 on arvaus, 1 täydellinen järjestys', brier: 'Brier-pistemäärä', holdout: 'Sivuun jätetyt asiakkaat', churnRate: 'Poistuma opetusaineistossa',
    hosmerLemeshow: 'Hosmer–Lemeshow p',
    decile: 'Riskidesiili', contacts: 'Asiakkaita', churners: 'Poistuneita', actualRate: 'Toteutunut poistuma (%)', predicted: 'Ennustettu riski (%)', lift: 'Nosto', capture: 'Löydetyt poistujat kumulatiivisesti (%)',
    liftHeading: 'Nosto riskidesiileittäin', liftDesc: 'Sivuun jätettyjen asiakkaiden kunkin kymmenyksen poistuma riskijärjestyksessä suhteessa keskiarvoon (1 = keskiarvo).',
    calibrationHeading: 'Kalibrointi', calibrationDesc: 'Ennustettu ja toteutunut poistuma desiileittäin; lävistäjällä riskit osuvat oikein.',
    decileTable: 'Sivuun jätetyt asiakkaat riskidesiileittäin',
    listHeading: 'Riskiasiakkaat', contact: 'Asiakas', segment: 'Segmentti', risk: 'Riski (%)', reasons: 'Tärkeimmät syyt', listTable: 'Riskiasiakkaat, suurin riski ensin',
    noContacts: 'Näkymässäsi ei ole pisteytettyjä asiakkaita.', exportLink: 'Lataa koko lista (CSV)',
    warningTexts: {
      few_churners: 'Vähän poistuneita asiakkaita, joista oppia: riskit ovat karkeita.',
      holdout_one_class: 'Sivuun jätetyt asiakkaat ovat kaikki poistuneita tai kaikki pysyneitä: AUC:ta ei voi laskea.',
      not_converged: 'Malli ei konvergoinut: pidä riskejä suuntaa antavina.',
    },
  },
};

const sv: AnalysisStrings = {
  nav: { drivers: 'Drivkrafter', text: 'Fritext', churn: 'Churnrisk' },
  common: {
    show: 'Visa', reset: 'Återställ', from: 'Från', to: 'Till', channel: 'Kanal', allChannels: 'Alla kanaler', unit: 'Enhet', allUnits: 'Alla enheter',
    filtersHeading: 'Vad som analyseras', invalid: (f) => `”${f}” var inte giltigt och ignoreras.`, hidden: 'för få svar', none: '–',
    next: 'Nästa sida', first: 'Första sidan', warnings: 'Läs med försiktighet',
  },
  drivers: {
    title: 'Viktigaste drivkrafterna',
    intro: 'Vilka delar av upplevelsen förklarar utfallet och var man ska agera: betydelse (andel av den förklarade variationen) mot hur väl vi lyckas nu.',
    survey: 'Enkät', target: 'Utfall', method: 'Metod',
    methods: { 'relative-weights': 'Relativa vikter (Johnson)', shapley: 'Shapley / LMG' },
    performance: 'Prestation som', performances: { mean: 'medelsvar', 'top-box': 'andel i de två översta' },
    noSurvey: 'Ingen enkät har ännu skalfrågor att analysera.',
    cannot: 'Siffrorna kan inte beräknas för det här urvalet:',
    summary: (n, excluded, r2) => `${n} svarande med alla svar (${excluded} utelämnade för ett saknat svar eller ”vet ej”); faktorerna förklarar R² = ${r2} av utfallet.`,
    r2Interval: (low, high, replicates) => `95 %-intervall för R² ${low} … ${high} (${replicates} bootstrap-urval).`,
    matrixHeading: 'Prioritetsmatris', matrixDesc: (count) => `${count} faktorer placerade efter betydelse (vågrätt) och prestation (lodrätt); linjerna är medelvärdena.`,
    importance: 'Betydelse (% av R²)', performanceAxis: (m) => (m === 'mean' ? 'Prestation (medelsvar)' : 'Prestation (andel i de två översta, %)'),
    quadrants: { fix_first: 'Åtgärda först', keep: 'Behåll', overkill: 'Överinsats', low_priority: 'Låg prioritet' },
    quadrant: 'Prioritet', attribute: 'Faktor', weight: 'Betydelse (% av R²)', weightCi: '95 %-intervall',
    matrixTable: 'Faktorer efter betydelse, med intervall, prestation och prioritet',
    weightsHeading: 'Betydelse med 95 %-intervall', weightsDesc: 'Varje faktors andel av den förklarade variationen som stapel, dess bootstrap-intervall som linje.',
    thresholds: (i, p) => `Delat vid medelbetydelsen ${i} % och medelprestationen ${p}.`,
    promoterHeading: 'Ambassadörer mot passiva',
    promoterIntro: 'Logistisk regression av att vara ambassadör (9–10) snarare än passiv (7–8); kritiker är utelämnade. En oddskvot över 1 betyder att ett högre svar går ihop med fler ambassadörer.',
    promoterSummary: (p, q, d) => `${p} ambassadörer och ${q} passiva (${d} kritiker utelämnade).`,
    coefficient: 'Koefficient', oddsRatio: 'Oddskvot', oddsRatioCi: 'Oddskvotens 95 %-intervall', pValue: 'p', intercept: 'Intercept',
    promoterTable: 'Effekter på att vara ambassadör snarare än passiv',
    promoterNotNps: 'Jämförelsen mellan ambassadörer och passiva kräver ett NPS-utfall.',
    warningTexts: {
      few_respondents: 'Få svarande: färre än 30, eller färre än 5 per faktor. Vikterna är instabila.',
      collinearity: 'Några faktorer mäter nästan samma sak (hög korrelation): deras vikter delas mellan dem och är svåra att skilja åt.',
      few_events: 'Färre än 10 ambassadörer eller passiva per faktor: effekterna är instabila.',
      separation: 'En faktor skiljer ambassadörer från passiva helt: dess effekt saknar övre gräns.',
    },
  },
  text: {
    title: 'Fritextsvar',
    intro: 'Vad kunderna skriver om: ämnen och deras ton, hur ämnena förändras, nya teman som inget ämne täcker, och svaren själva (personuppgifter borttagna).',
    source: 'Källa', allSources: 'Alla källor',
    sources: { survey: 'Enkätsvar', complaint: 'Reklamationer', chat: 'Chattar', email: 'E-post', social: 'Sociala medier', review: 'Recensioner', other: 'Övrigt' },
    answers: (n, w) => `${n} texter; ${w} nämner inget känt ämne.`,
    matrixHeading: 'Ämnen och ton', matrixDesc: 'Varje ämnes omnämnanden som en stapel uppdelad i negativa, neutrala och positiva, med antal.',
    topic: 'Ämne', mentions: 'Omnämnanden', mentionShare: 'Andel av texterna (%)',
    sentiments: { positive: 'Positiv', neutral: 'Neutral', negative: 'Negativ' },
    sentiment: 'Ton', netSentiment: 'Nettoton (positiva − negativa, %)', matrixTable: 'Ämnen efter ton (andel av ämnets omnämnanden, %)',
    trendHeading: 'Ämnenas utveckling', trendTable: 'Andel texter som nämner varje ämne per månad (%)', period: 'Månad',
    trendIntro: 'De mest nämnda ämnena under periodens månader.',
    themesHeading: 'Nya teman', themesIntro: 'Ord och fraser som återkommer i texter som inget ämne täcker — kandidater till ett nytt ämne.',
    theme: 'Tema', count: 'Texter', themesTable: (p) => `Nya teman, ${p}`, noThemes: 'Inga återkommande teman utanför ämnena.',
    searchHeading: 'Sök i svaren', query: 'Ord att hitta', anyTopic: 'Alla ämnen', anySentiment: 'All ton', search: 'Sök',
    noVerbatims: 'Inga svar matchar.', wordsOnly: 'Visas utan datum, poäng och kontaktpunkt, så att inget svar pekar ut kunden som skrev det.', nps: 'NPS',
    noAnswers: 'Inga fritextsvar i det här urvalet.',
    topicNames: { wait_time: 'Väntetid', staff: 'Personal', price: 'Pris', billing: 'Fakturering', quality: 'Kvalitet', digital: 'Digitala tjänster', delivery: 'Leverans', communication: 'Kommunikation', cleanliness: 'Renlighet' },
  },
  churn: {
    title: 'Churnrisk',
    intro: 'Kunder som sannolikt lämnar, utifrån upplevelsen (svar, ärenden, texter) och operativa data, med orsakerna som höjer varje kunds risk. Modellen utvärderas på kunder som hölls utanför träningen.',
    noModelTitle: 'Ingen churnmodell ännu', noModel: 'En modell tränas på kontakter vars operativa data anger om de lämnat (flaggan ”churned”).',
    askAdmin: 'En administratör eller analytiker kan träna den.', trainNow: 'Träna nu', trainQueued: 'Träningen står i kö. Sidan visar resultatet när den är klar.', trainErrors: { no_flag: 'Ingen kund har ännu flaggan ”churned” i sina operativa data, så det finns inget att lära av.', running: 'En modell tränas redan; vänta tills den är klar.', no_jobs: 'Bakgrundsjobben körs inte på den här servern, så träningen kan inte starta nu.' },
    latestRun: (s, p) => `Senaste träning: ${s}${p ? ` (${p} %)` : ''}.`,
    runStatus: { queued: 'i kö', running: 'pågår', done: 'klar', failed: 'misslyckades' },
    runFailed: (e) => `Den senaste träningen misslyckades: ${e}`,
    qualityHeading: 'Modellens kvalitet', trainedAt: (d) => `Tränad ${d}.`,
    auc: 'AUC', aucNote: '0,5 är gissning, 1 en perfekt rangordning', brier: 'Brier-poäng', holdout: 'Undanhållna kontakter', churnRate: 'Churn i träningsdata',
    hosmerLemeshow: 'Hosmer–Lemeshow p',
    decile: 'Riskdecil', contacts: 'Kontakter', churners: 'Lämnade', actualRate: 'Faktisk churn (%)', predicted: 'Förutsagd risk (%)', lift: 'Lyft', capture: 'Funna churnare, kumulativt (%)',
    liftHeading: 'Lyft per riskdecil', liftDesc: 'Churn i varje tiondel av de undanhållna kontakterna, mest riskfyllda först, i förhållande till genomsnittet (1 = genomsnitt).',
    calibrationHeading: 'Kalibrering', calibrationDesc: 'Förutsagd mot faktisk churn per decil; på diagonalen stämmer riskerna.',
    decileTable: 'Undanhållna kontakter per riskdecil',
    listHeading: 'Kunder i riskzonen', contact: 'Kund', segment: 'Segment', risk: 'Risk (%)', reasons: 'Huvudorsaker', listTable: 'Kunder i riskzonen, högst risk först',
    noContacts: 'Inga riskbedömda kunder i din vy.', exportLink: 'Ladda ner hela listan (CSV)',
    warningTexts: {
      few_churners: 'Få kunder som lämnat att lära av: riskerna är grova.',
      holdout_one_class: 'De undanhållna kontakterna har alla lämnat eller alla stannat: AUC kan inte beräknas.',
      not_converged: 'Modellen konvergerade inte: se riskerna som vägledande.',
    },
  },
};

const pl: AnalysisStrings = {
  nav: { drivers: 'Czynniki', text: 'Teksty', churn: 'Ryzyko odejścia' },
  common: {
    show: 'Pokaż', reset: 'Wyczyść', from: 'Od', to: 'Do', channel: 'Kanał', allChannels: 'Wszystkie kanały', unit: 'Zespół', allUnits: 'Wszystkie zespoły',
    filtersHeading: 'Co analizować', invalid: (f) => `„${f}” jest nieprawidłowe i zostało pominięte.`, hidden: 'za mało odpowiedzi', none: '–',
    next: 'Następna strona', first: 'Pierwsza strona', warnings: 'Czytaj ostrożnie',
  },
  drivers: {
    title: 'Kluczowe czynniki',
    intro: 'Które elementy doświadczenia wyjaśniają wynik i gdzie działać: ważność (udział w wyjaśnionej zmienności) wobec tego, jak dobrze radzimy sobie teraz.',
    survey: 'Ankieta', target: 'Wynik', method: 'Metoda',
    methods: { 'relative-weights': 'Wagi względne (Johnson)', shapley: 'Shapley / LMG' },
    performance: 'Wynik jako', performances: { mean: 'średnia odpowiedź', 'top-box': 'odsetek dwóch najwyższych' },
    noSurvey: 'Żadna ankieta nie ma jeszcze pytań skalowych do analizy.',
    cannot: 'Tych wartości nie można obliczyć dla tego wyboru:',
    summary: (n, excluded, r2) => `${n} respondentów ze wszystkimi odpowiedziami (${excluded} pominiętych z powodu braku odpowiedzi lub „nie wiem”); czynniki wyjaśniają R² = ${r2} wyniku.`,
    r2Interval: (low, high, replicates) => `95% przedział R² ${low} … ${high} (${replicates} prób bootstrap).`,
    matrixHeading: 'Macierz priorytetów', matrixDesc: (count) => `${count} czynników według ważności (poziomo) i wyniku (pionowo); linie to średnie.`,
    importance: 'Ważność (% R²)', performanceAxis: (m) => (m === 'mean' ? 'Wynik (średnia odpowiedź)' : 'Wynik (odsetek dwóch najwyższych, %)'),
    quadrants: { fix_first: 'Napraw najpierw', keep: 'Utrzymaj', overkill: 'Nadmiar', low_priority: 'Niski priorytet' },
    quadrant: 'Priorytet', attribute: 'Czynnik', weight: 'Ważność (% R²)', weightCi: 'Przedział 95%',
    matrixTable: 'Czynniki według ważności, z przedziałami, wynikiem i priorytetem',
    weightsHeading: 'Ważność z przedziałami 95%', weightsDesc: 'Udział każdego czynnika w wyjaśnionej zmienności jako słupek, jego przedział bootstrap jako linia.',
    thresholds: (i, p) => `Podział przy średniej ważności ${i}% i średnim wyniku ${p}.`,
    promoterHeading: 'Promotorzy a pasywni',
    promoterIntro: 'Regresja logistyczna bycia promotorem (9–10) zamiast pasywnym (7–8); krytycy są pominięci. Iloraz szans powyżej 1 oznacza, że wyższa odpowiedź idzie w parze z większą liczbą promotorów.',
    promoterSummary: (p, q, d) => `${p} promotorów i ${q} pasywnych (${d} krytyków pominiętych).`,
    coefficient: 'Współczynnik', oddsRatio: 'Iloraz szans', oddsRatioCi: 'Przedział 95% ilorazu szans', pValue: 'p', intercept: 'Wyraz wolny',
    promoterTable: 'Wpływ na bycie promotorem zamiast pasywnym',
    promoterNotNps: 'Porównanie promotorów i pasywnych wymaga wyniku NPS.',
    warningTexts: {
      few_respondents: 'Mało respondentów: mniej niż 30 lub mniej niż 5 na czynnik. Wagi są niestabilne.',
      collinearity: 'Niektóre czynniki mierzą prawie to samo (silna korelacja): ich wagi dzielą się między nie i trudno je rozróżnić.',
      few_events: 'Mniej niż 10 promotorów lub pasywnych na czynnik: efekty są niestabilne.',
      separation: 'Czynnik całkowicie oddziela promotorów od pasywnych: jego efekt nie ma górnej granicy.',
    },
  },
  text: {
    title: 'Odpowiedzi otwarte',
    intro: 'O czym piszą klienci: tematy i ich wydźwięk, zmiany tematów, nowe wątki nieobjęte żadnym tematem oraz same odpowiedzi (bez danych osobowych).',
    source: 'Źródło', allSources: 'Wszystkie źródła',
    sources: { survey: 'Odpowiedzi z ankiet', complaint: 'Reklamacje', chat: 'Czaty', email: 'E-maile', social: 'Media społecznościowe', review: 'Opinie', other: 'Inne' },
    answers: (n, w) => `${n} tekstów; ${w} nie wspomina żadnego znanego tematu.`,
    matrixHeading: 'Tematy i wydźwięk', matrixDesc: 'Wzmianki każdego tematu jako słupek podzielony na negatywne, neutralne i pozytywne, z liczbą.',
    topic: 'Temat', mentions: 'Wzmianki', mentionShare: 'Odsetek tekstów (%)',
    sentiments: { positive: 'Pozytywny', neutral: 'Neutralny', negative: 'Negatywny' },
    sentiment: 'Wydźwięk', netSentiment: 'Wydźwięk netto (pozytywne − negatywne, %)', matrixTable: 'Tematy według wydźwięku (udział we wzmiankach tematu, %)',
    trendHeading: 'Trendy tematów', trendTable: 'Odsetek tekstów wspominających każdy temat według miesięcy (%)', period: 'Miesiąc',
    trendIntro: 'Najczęściej wspominane tematy w miesiącach okresu.',
    themesHeading: 'Nowe wątki', themesIntro: 'Słowa i frazy powtarzające się w tekstach nieobjętych żadnym tematem — kandydaci na nowy temat.',
    theme: 'Wątek', count: 'Teksty', themesTable: (p) => `Nowe wątki, ${p}`, noThemes: 'Brak powtarzających się wątków poza tematami.',
    searchHeading: 'Szukaj w odpowiedziach', query: 'Szukane słowa', anyTopic: 'Dowolny temat', anySentiment: 'Dowolny wydźwięk', search: 'Szukaj',
    noVerbatims: 'Brak pasujących odpowiedzi.', wordsOnly: 'Pokazane bez daty, oceny i punktu kontaktu, aby żadna odpowiedź nie wskazywała klienta, który ją napisał.', nps: 'NPS',
    noAnswers: 'Brak odpowiedzi otwartych w tym wyborze.',
    topicNames: { wait_time: 'Czas oczekiwania', staff: 'Personel', price: 'Cena', billing: 'Rozliczenia', quality: 'Jakość', digital: 'Usługi cyfrowe', delivery: 'Dostawa', communication: 'Komunikacja', cleanliness: 'Czystość' },
  },
  churn: {
    title: 'Ryzyko odejścia',
    intro: 'Klienci, którzy prawdopodobnie odejdą, na podstawie doświadczeń (odpowiedzi, sprawy, teksty) i danych operacyjnych, wraz z przyczynami podnoszącymi ryzyko każdego z nich. Model jest oceniany na klientach pominiętych przy uczeniu.',
    noModelTitle: 'Brak modelu odejść', noModel: 'Model uczy się na kontaktach, których dane operacyjne mówią, czy odeszli (flaga „churned”).',
    askAdmin: 'Administrator lub analityk może go wytrenować.', trainNow: 'Trenuj teraz', trainQueued: 'Trening jest w kolejce. Ta strona pokaże wynik, gdy się zakończy.', trainErrors: { no_flag: 'Żaden klient nie ma jeszcze flagi „churned” w danych operacyjnych, więc nie ma się na czym uczyć.', running: 'Model jest już trenowany; poczekaj, aż się zakończy.', no_jobs: 'Zadania w tle nie działają na tym serwerze, więc trening nie może się teraz rozpocząć.' },
    latestRun: (s, p) => `Ostatni trening: ${s}${p ? ` (${p}%)` : ''}.`,
    runStatus: { queued: 'w kolejce', running: 'w toku', done: 'zakończony', failed: 'nieudany' },
    runFailed: (e) => `Ostatni trening się nie powiódł: ${e}`,
    qualityHeading: 'Jakość modelu', trainedAt: (d) => `Wytrenowany ${d}.`,
    auc: 'AUC', aucNote: '0,5 to zgadywanie, 1 idealna kolejność', brier: 'Wynik Briera', holdout: 'Kontakty odłożone', churnRate: 'Odsetek odejść w danych uczących',
    hosmerLemeshow: 'Hosmer–Lemeshow p',
    decile: 'Decyl ryzyka', contacts: 'Kontakty', churners: 'Odeszli', actualRate: 'Rzeczywiste odejścia (%)', predicted: 'Przewidywane ryzyko (%)', lift: 'Wzrost (lift)', capture: 'Znalezieni odchodzący, narastająco (%)',
    liftHeading: 'Lift według decyli ryzyka', liftDesc: 'Odsetek odejść w każdej dziesiątej części odłożonych kontaktów, od najbardziej zagrożonych, względem średniej (1 = średnia).',
    calibrationHeading: 'Kalibracja', calibrationDesc: 'Przewidywane a rzeczywiste odejścia w decylach; na przekątnej ryzyka są trafne.',
    decileTable: 'Odłożone kontakty według decyli ryzyka',
    listHeading: 'Klienci zagrożeni odejściem', contact: 'Klient', segment: 'Segment', risk: 'Ryzyko (%)', reasons: 'Główne przyczyny', listTable: 'Klienci zagrożeni odejściem, najwyższe ryzyko najpierw',
    noContacts: 'Brak ocenionych klientów w Twoim widoku.', exportLink: 'Pobierz całą listę (CSV)',
    warningTexts: {
      few_churners: 'Mało klientów, którzy odeszli, by się uczyć: ryzyka są przybliżone.',
      holdout_one_class: 'Odłożone kontakty wszystkie odeszły lub wszystkie zostały: nie można obliczyć AUC.',
      not_converged: 'Model nie osiągnął zbieżności: traktuj ryzyka orientacyjnie.',
    },
  },
};

const all: Record<UiLanguage, AnalysisStrings> = { en, fi, sv, pl };
export const analysisText = (language: UiLanguage): AnalysisStrings => all[language];
