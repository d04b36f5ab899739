/**
 * Open answers of the demo organisation, written by hand so that text analysis, word clouds and
 * the "why" column look like a real Finnish utility's feedback: mostly Finnish, some Swedish,
 * English and Polish; positive and negative; about the journey the customer was on. The
 * generator picks a sentence by language, topic and the sentiment its score implies, and
 * sometimes adds a short closing remark, so the same line rarely appears twice in a row.
 */
import type { Language } from '../vocabulary.ts';

export type DemoLanguage = Language;
export type Sentiment = 'positive' | 'neutral' | 'negative';
/** move = move-in, billing, fault = repair visit and app/chat reports, queue = fault phone line, overall = strategic survey. */
export type TextTopic = 'move' | 'billing' | 'fault' | 'queue' | 'overall';

type Bank = Record<TextTopic, Record<Sentiment, string[]>>;

const fi: Bank = {
  move: {
    positive: [
      'Sopimuksen teko verkossa kävi parissa minuutissa ja sähköt olivat päällä muuttopäivänä.',
      'Asiakaspalvelija selitti eri sopimusvaihtoehdot selkeästi ja ilman painostusta.',
      'Muutto hoitui vaivattomasti, vesi- ja sähkösopimus samalla kertaa.',
      'Sain vahvistuksen heti sähköpostiin ja kaikki toimi niin kuin luvattiin.',
      'Mittari kytkettiin sovittuna päivänä, asentaja oli täsmällinen ja ystävällinen.',
      'Helppoa ja nopeaa, ei tarvinnut soittaa kertaakaan.',
    ],
    neutral: [
      'Sopimus syntyi, mutta hintavertailua oli vaikea tehdä sivuilla.',
      'Ihan ok, vaikka vahvistusviesti tuli vasta seuraavana päivänä.',
      'Palvelu oli asiallista, mutta jouduin täyttämään samat tiedot kahteen kertaan.',
      'Kytkentä onnistui, aikaikkuna olisi saanut olla tarkempi.',
    ],
    negative: [
      'Muuttopäivänä asunnossa ei ollut sähköjä, vaikka sopimus oli tehty kaksi viikkoa aiemmin.',
      'Verkkolomake kaatui kesken ja jouduin aloittamaan alusta.',
      'Asentaja ei tullut sovittuna päivänä eikä kukaan ilmoittanut mitään.',
      'Sopimusehdot muuttuivat puhelun jälkeen, tunnen itseni huijatuksi.',
      'Vanhan asunnon sopimus jäi päättämättä ja sain kaksi laskua.',
    ],
  },
  billing: {
    positive: [
      'Lasku on selkeä ja kulutuksen näkee sovelluksesta päivittäin.',
      'E-lasku tulee aina ajallaan, ei mitään ongelmia.',
      'Sain maksuaikaa puhelimessa ilman mitään hankaluuksia.',
      'Sovelluksen kulutusseuranta auttoi meitä säästämään.',
      'Laskutuskysymykseen vastattiin nopeasti ja ystävällisesti.',
    ],
    neutral: [
      'Lasku on ok, mutta siirtohinnan osuutta on vaikea ymmärtää.',
      'Hinta on mitä on, palvelussa ei sinänsä ole valittamista.',
      'Sovellus toimii, mutta lasku näkyy siellä viiveellä.',
      'Vastaus tuli, mutta vasta toisella yhteydenotolla.',
    ],
    negative: [
      'Talven lasku oli järkyttävän suuri eikä kukaan osannut selittää miksi.',
      'Arviolasku oli täysin pielessä, vaikka mittari on etäluettava.',
      'Lasku tuli kahdesti ja karhu perään, vaikka olin jo maksanut.',
      'Tammikuun lasku oli kolminkertainen syksyyn verrattuna, hinnoittelu ei ole reilua.',
      'Laskun erittely on niin sekava, etten ymmärrä mistä maksan.',
      'Maksusuunnitelmaa ei saanut sovittua, vaikka pyysin useamman kerran.',
    ],
  },
  fault: {
    positive: [
      'Asentaja tuli samana päivänä ja vika korjattiin nopeasti.',
      'Sain tekstiviestin, kun vika oli korjattu. Hyvä palvelu!',
      'Vikailmoitus sovelluksessa oli helppo tehdä ja sain arvion korjausajasta.',
      'Korjaaja kertoi selkeästi mitä oli tehty ja siivosi jälkensä.',
      'Häiriö hoidettiin ammattitaitoisesti myrskyn keskelläkin.',
    ],
    neutral: [
      'Vika korjattiin, mutta tietoa korjauksen etenemisestä oli vähän.',
      'Korjaus kesti odotettua kauemmin, lopputulos oli kuitenkin kunnossa.',
      'Ihan asiallista, mutta arvioitu korjausaika muuttui kolme kertaa.',
    ],
    negative: [
      'Olimme kaksi vuorokautta ilman sähköä eikä kukaan kertonut mitään.',
      'Asentaja kävi, mutta vika uusiutui heti seuraavana päivänä.',
      'Vikailmoitukseen ei tullut mitään kuittausta.',
      'Vesikatko kesti koko päivän ilman ennakkoilmoitusta.',
    ],
  },
  queue: {
    positive: [
      'Pääsin vikapuhelimessa läpi yllättävän nopeasti ja sain apua heti.',
      'Puhelimessa palveltiin rauhallisesti, vaikka oli selvästi kiire.',
    ],
    neutral: [
      'Jonotin parikymmentä minuuttia, mutta asia hoitui lopulta.',
      'Takaisinsoitto tuli, vaikkakin vasta seuraavana päivänä.',
      'Asia selvisi, mutta jonotus oli pitkä.',
    ],
    negative: [
      'Jonotin vikapuhelimessa yli 40 minuuttia ja puhelu katkesi.',
      'Puhelinjono on täysin kohtuuton, kun sähköt ovat poikki.',
      'Takaisinsoittoa luvattiin, mutta kukaan ei soittanut.',
      'Automaattinen vastaaja pyöritti valikoissa eikä ihmistä saanut kiinni.',
      'Jonossa kului tunti ja sitten minut ohjattiin verkkosivuille.',
      'Kukaan ei osannut kertoa, milloin vika korjataan. Jono oli pitkä joka kerta.',
    ],
  },
  overall: {
    positive: [
      'Luotettava toimittaja, sähköt ja vesi toimivat aina.',
      'Paikallinen yhtiö, joka hoitaa asiat hyvin ja panostaa uusiutuvaan energiaan.',
      'Olen ollut asiakas pitkään eikä mitään valittamista.',
      'Hyvä palvelu ja reilu hinnoittelu.',
    ],
    neutral: [
      'Perusvarma toimija, mutta hinnat ovat nousseet.',
      'Palvelu toimii, mutta kilpailijoilla on halvempia sopimuksia.',
      'Ei hyvää eikä huonoa sanottavaa.',
    ],
    negative: [
      'Hinnat nousevat jatkuvasti eikä palvelu parane.',
      'Asiakaspalveluun on mahdoton päästä läpi.',
      'Laskutus on sekavaa ja häiriöistä ei tiedoteta.',
      'Harkitsen vakavasti sähkönmyyjän vaihtamista.',
    ],
  },
};

const sv: Bank = {
  move: {
    positive: ['Avtalet gick snabbt att teckna på nätet och elen fungerade på flyttdagen.', 'Trevlig kundtjänst som förklarade alternativen tydligt.', 'Allt fungerade smidigt vid flytten.'],
    neutral: ['Det gick bra, men bekräftelsen kom först dagen efter.', 'Okej service, men svårt att jämföra priserna.'],
    negative: ['Ingen el på flyttdagen trots att avtalet var klart.', 'Montören kom aldrig och ingen hörde av sig.', 'Jag fick två fakturor eftersom det gamla avtalet inte avslutades.'],
  },
  billing: {
    positive: ['Fakturan är tydlig och appen visar förbrukningen varje dag.', 'Jag fick betalningsanstånd utan problem.', 'E-fakturan kommer alltid i tid.'],
    neutral: ['Fakturan är okej men överföringsavgiften är svår att förstå.', 'Svaret kom, men först efter andra kontakten.'],
    negative: ['Vinterns faktura var chockerande hög och ingen kunde förklara varför.', 'Uppskattad faktura trots fjärravläst mätare.', 'Fakturan är rörig, jag förstår inte vad jag betalar för.'],
  },
  fault: {
    positive: ['Felet åtgärdades samma dag, bra jobbat!', 'Jag fick sms när felet var lagat.', 'Montören var kunnig och vänlig.'],
    neutral: ['Felet lagades, men informationen var bristfällig.', 'Det tog längre tid än utlovat.'],
    negative: ['Vi var utan el i två dygn utan information.', 'Felet kom tillbaka redan nästa dag.'],
  },
  queue: {
    positive: ['Kom fram snabbt på felanmälan och fick hjälp direkt.'],
    neutral: ['Fick vänta en stund i telefon men ärendet löstes.'],
    negative: ['Väntade över 40 minuter i telefonkön och samtalet bröts.', 'Omöjligt att nå en människa när strömmen är borta.', 'Ni lovade att ringa tillbaka men ingen ringde.', 'Ingen service på svenska i telefon.'],
  },
  overall: {
    positive: ['Pålitlig leverantör, allt fungerar.', 'Bra service och rimliga priser.'],
    neutral: ['Stabilt bolag men priserna har stigit.', 'Inget särskilt att säga.'],
    negative: ['Priserna stiger hela tiden.', 'Kundtjänsten är svår att nå, särskilt på svenska.'],
  },
};

const en: Bank = {
  move: {
    positive: ['Signing the contract online took two minutes and the power was on when we moved in.', 'Very helpful staff, they explained everything in English.', 'Smooth move, electricity and water in one go.'],
    neutral: ['It worked, but the website was only partly in English.', 'Fine, though the confirmation came a day late.'],
    negative: ['No electricity on moving day even though I signed two weeks earlier.', 'The online form crashed and I had to start over.', 'The technician never showed up and nobody called.'],
  },
  billing: {
    positive: ['Clear bill and the app shows my daily usage.', 'They gave me extra time to pay without any fuss.', 'E-invoices always arrive on time.'],
    neutral: ['The bill is OK but the transmission fee is hard to understand.', 'Got an answer, but only after asking twice.'],
    negative: ['The winter bill was shockingly high and nobody could explain it.', 'Estimated bill although the meter is read remotely.', 'Billed twice and then got a reminder fee.'],
  },
  fault: {
    positive: ['The technician came the same day and fixed it quickly.', 'Got a text message as soon as the fault was repaired.', 'Reporting the fault in the app was easy.'],
    neutral: ['Fixed eventually, but updates were scarce.', 'Took longer than promised, but the result is fine.'],
    negative: ['Two days without power and no information at all.', 'The same fault came back the next day.'],
  },
  queue: {
    positive: ['Got through on the fault line quickly and got help right away.'],
    neutral: ['Waited a while on the phone but it was solved in the end.'],
    negative: ['Waited over 40 minutes on the fault line and then got cut off.', 'The phone queue is ridiculous when your power is out.', 'Promised a call back that never came.', 'The automated menu never let me reach a person.'],
  },
  overall: {
    positive: ['Reliable supplier, everything just works.', 'Good service and fair prices.'],
    neutral: ['Solid company but prices keep going up.', 'Nothing special either way.'],
    negative: ['Prices keep rising and service is getting worse.', 'Customer service is impossible to reach.'],
  },
};

const pl: Bank = {
  move: {
    positive: ['Umowę podpisałem online w kilka minut, prąd był w dniu przeprowadzki.', 'Bardzo pomocna obsługa, wszystko wyjaśnili po angielsku.', 'Przeprowadzka bez problemów.'],
    neutral: ['W porządku, ale potwierdzenie przyszło dopiero następnego dnia.', 'Strona internetowa mogłaby być prostsza.'],
    negative: ['W dniu przeprowadzki nie było prądu, mimo że umowa była podpisana.', 'Technik nie przyszedł i nikt nie zadzwonił.', 'Dostałem dwie faktury, bo stara umowa nie została zamknięta.'],
  },
  billing: {
    positive: ['Faktura jest przejrzysta, a aplikacja pokazuje zużycie.', 'Bez problemu dostałem odroczenie płatności.'],
    neutral: ['Faktura jest w porządku, ale opłata przesyłowa jest niezrozumiała.', 'Odpowiedź przyszła dopiero za drugim razem.'],
    negative: ['Zimowy rachunek był szokująco wysoki i nikt nie umiał tego wyjaśnić.', 'Faktura szacunkowa, chociaż licznik jest zdalny.', 'Nie rozumiem, za co płacę.'],
  },
  fault: {
    positive: ['Technik przyjechał tego samego dnia i szybko naprawił usterkę.', 'Dostałem SMS, gdy awaria została usunięta.'],
    neutral: ['Naprawili, ale informacji było mało.', 'Trwało dłużej niż obiecano.'],
    negative: ['Dwa dni bez prądu i zero informacji.', 'Usterka wróciła następnego dnia.'],
  },
  queue: {
    positive: ['Szybko dodzwoniłem się na linię awaryjną.'],
    neutral: ['Trochę czekałem na telefonie, ale sprawa załatwiona.'],
    negative: ['Czekałem ponad 40 minut na linii awaryjnej i połączenie zostało przerwane.', 'Obiecali oddzwonić, ale nikt nie zadzwonił.', 'Nie da się dodzwonić, kiedy nie ma prądu.'],
  },
  overall: {
    positive: ['Niezawodny dostawca, wszystko działa.', 'Dobra obsługa i uczciwe ceny.'],
    neutral: ['Solidna firma, ale ceny rosną.', 'Nic szczególnego.'],
    negative: ['Ceny ciągle rosną.', 'Nie można się dodzwonić do obsługi klienta.'],
  },
};

/** Short remarks sometimes appended to an answer, by language and sentiment. */
const closers: Record<DemoLanguage, Record<Sentiment, string[]>> = {
  fi: {
    positive: ['Kiitos!', 'Suosittelen.', 'Hyvää työtä.', 'Jatkakaa samaan malliin.'],
    neutral: ['Kehitettävää on.', 'Muuten ok.'],
    negative: ['Todella turhauttavaa.', 'Korjatkaa tämä.', 'Ei näin.', 'Harkitsen vaihtamista.'],
  },
  sv: { positive: ['Tack!', 'Bra jobbat.'], neutral: ['Annars okej.'], negative: ['Mycket frustrerande.', 'Inte okej.'] },
  en: { positive: ['Thanks!', 'Well done.'], neutral: ['Otherwise fine.'], negative: ['Very frustrating.', 'Please fix this.'] },
  pl: { positive: ['Dziękuję!', 'Polecam.'], neutral: ['Poza tym w porządku.'], negative: ['Bardzo frustrujące.', 'Proszę to poprawić.'] },
};

/** Answers to the strategic survey's "what should we improve?" question. */
const improvements: Record<DemoLanguage, string[]> = {
  fi: [
    'Selkeämmät laskut ja kulutuksen ennuste talvikuukausille.',
    'Vikapuhelimen jonot lyhyemmiksi tai takaisinsoitto, joka oikeasti toimii.',
    'Tiedotusta häiriöistä tekstiviestillä heti kun vika havaitaan.',
    'Kiinteähintainen sopimus, joka ei muutu kesken kauden.',
    'Enemmän aurinkosähköä ja latauspisteitä taloyhtiöille.',
    'Sovellukseen mahdollisuus maksaa lasku osissa.',
    'Palvelua myös iltaisin ja viikonloppuisin.',
  ],
  sv: ['Mer service på svenska.', 'Tydligare fakturor.', 'Kortare telefonköer vid fel.'],
  en: ['More service in English, including the fault line.', 'Clearer bills with a winter forecast.', 'Shorter phone queues.'],
  pl: ['Więcej informacji po angielsku lub polsku.', 'Jaśniejsze faktury.', 'Krótsze kolejki na infolinii.'],
};

const banks: Record<DemoLanguage, Bank> = { fi, sv, en, pl };

/** The sentiment an NPS score implies: promoters positive, passives neutral, detractors negative. */
export function sentimentOfNps(score: number): Sentiment {
  return score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative';
}

/** An open answer; `pick(n)` returns an index in [0, n), so the caller's seeded generator decides. */
export function whyText(language: DemoLanguage, topic: TextTopic, sentiment: Sentiment, pick: (n: number) => number): string {
  const lines = banks[language][topic][sentiment];
  const line = lines[pick(lines.length)];
  if (pick(10) < 3) {
    const extra = closers[language][sentiment];
    return `${line} ${extra[pick(extra.length)]}`;
  }
  return line;
}

export function improvementText(language: DemoLanguage, pick: (n: number) => number): string {
  const lines = improvements[language];
  return lines[pick(lines.length)];
}
