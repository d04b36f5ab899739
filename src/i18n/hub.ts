/**
 * Texts of a survey's distribution hub (/app/setup/surveys/:id/share) in the four UI languages:
 * the open links and their QR codes, the printable poster, the website widget and the kiosk.
 */
import type { UiLanguage } from './index.ts';

export interface HubStrings {
  title: (survey: string) => string; intro: string; draftNotice: string; publish: string;
  linksHeading: string; linksHint: string; general: string; linkLabel: (where: string) => string; copy: string; copied: string;
  otherTouchpoint: string; showLink: string; badTouchpoint: string;
  qrHeading: string; qrAlt: (where: string) => string; svg: string; png: string; poster: string; posterScan: string; print: string;
  sendHeading: string; sendHint: string; send: string;
  widgetHeading: string; widgetHint: string; newWidget: string; widgetName: string; origins: string; originsHint: string;
  trigger: string; triggers: Record<'pageview' | 'click' | 'exit_intent', string>; urlPattern: string; urlPatternHint: string; selector: string; selectorHint: string;
  delay: string; frequency: string; frequencyHint: string; createWidget: string; widgetCreated: string; siteKey: string; snippet: string; needPattern: string; needSelector: string;
  kioskHeading: string; kioskHint: string; newKiosk: string; resetSeconds: string; createKiosk: string; kioskCreated: string; deviceLink: (language: string) => string;
}

const fi: HubStrings = {
  title: (s) => `Jaa kysely: ${s}`, intro: 'Linkit, QR-koodit, verkkosivun widget ja kioski tälle kyselylle.',
  draftNotice: 'Kysely on luonnos: vastaajat eivät voi vielä avata linkkiä.', publish: 'Julkaise kysely',
  linksHeading: 'Avoin linkki', linksHint: 'Kuka tahansa linkin saanut voi vastata nimettömänä. Kosketuspisteen linkki kirjaa vastaukset sille.',
  general: 'Ilman kosketuspistettä', linkLabel: (w) => `Linkki: ${w}`, copy: 'Kopioi linkki', copied: 'Linkki kopioitu.',
  otherTouchpoint: 'Muun kosketuspisteen linkki', showLink: 'Näytä linkki', badTouchpoint: 'Valitse organisaation kosketuspiste.',
  qrHeading: 'QR-koodi', qrAlt: (w) => `QR-koodi: ${w}`, svg: 'Lataa SVG', png: 'Lataa PNG', poster: 'Tulostettava juliste (A4)', posterScan: 'Skannaa koodi puhelimella ja vastaa', print: 'Tulosta',
  sendHeading: 'Lähetä ihmisille', sendHint: 'Sähköpostikutsu yhteystiedoille, jotka ovat antaneet siihen luvan.', send: 'Lähetä sähköpostilla',
  widgetHeading: 'Verkkosivun widget', widgetHint: 'Pieni kysely sivustosi kulmaan. Liitä koodi sivuille, joilla kysely saa näkyä.', newWidget: 'Uusi widget', widgetName: 'Nimi',
  origins: 'Sallitut osoitteet', originsHint: 'Yksi sivuston osoite riville, esim. https://kauppa.example', trigger: 'Milloin kysely näytetään',
  triggers: { pageview: 'Kun sivun osoite vastaa mallia', click: 'Kun elementtiä napsautetaan', exit_intent: 'Kun kävijä on lähdössä' },
  urlPattern: 'Sivun osoitteen malli', urlPatternHint: 'Esim. /kassa/* (tähti vastaa mitä tahansa)', selector: 'Napsautettava elementti (CSS-valitsin)', selectorHint: 'Esim. #palaute',
  delay: 'Viive sekunteina', frequency: 'Näytetään samalle kävijälle korkeintaan kerran (päivää)', frequencyHint: 'Esim. 30',
  createWidget: 'Luo widget', widgetCreated: 'Widget luotiin.', siteKey: 'Sivustoavain', snippet: 'Liitä tämä koodi sivuille', needPattern: 'Kirjoita sivun osoitteen malli.', needSelector: 'Kirjoita CSS-valitsin.',
  kioskHeading: 'Kioski', kioskHint: 'Tabletti vastaanotossa: avaa laitteen linkki tabletilla. Vastaukset tallentuvat myös ilman verkkoa.', newKiosk: 'Uusi kioski', resetSeconds: 'Palaa alkuun, kun tabletti on ollut käyttämättä (sekuntia)', createKiosk: 'Luo kioski', kioskCreated: 'Kioski luotiin.', deviceLink: (l) => `Laitteen linkki (${l})`,
};
const sv: HubStrings = {
  title: (s) => `Dela enkäten: ${s}`, intro: 'Länkar, QR-koder, webbwidget och kiosk för den här enkäten.',
  draftNotice: 'Enkäten är ett utkast: svarande kan inte öppna länken ännu.', publish: 'Publicera enkäten',
  linksHeading: 'Öppen länk', linksHint: 'Alla som får länken kan svara anonymt. En kontaktpunkts länk registrerar svaren där.',
  general: 'Utan kontaktpunkt', linkLabel: (w) => `Länk: ${w}`, copy: 'Kopiera länken', copied: 'Länken kopierades.',
  otherTouchpoint: 'Länk för en annan kontaktpunkt', showLink: 'Visa länken', badTouchpoint: 'Välj en av organisationens kontaktpunkter.',
  qrHeading: 'QR-kod', qrAlt: (w) => `QR-kod: ${w}`, svg: 'Ladda ner SVG', png: 'Ladda ner PNG', poster: 'Utskrivbar affisch (A4)', posterScan: 'Skanna koden med telefonen och svara', print: 'Skriv ut',
  sendHeading: 'Skicka till personer', sendHint: 'En inbjudan per e-post till kontakter som samtyckt till det.', send: 'Skicka per e-post',
  widgetHeading: 'Webbwidget', widgetHint: 'En liten enkät i hörnet av din webbplats. Klistra in koden på sidorna där den får visas.', newWidget: 'Ny widget', widgetName: 'Namn',
  origins: 'Tillåtna adresser', originsHint: 'En webbplatsadress per rad, t.ex. https://butik.example', trigger: 'När enkäten visas',
  triggers: { pageview: 'När sidans adress matchar mönstret', click: 'När ett element klickas', exit_intent: 'När besökaren är på väg att lämna' },
  urlPattern: 'Mönster för sidans adress', urlPatternHint: 'T.ex. /kassa/* (stjärnan matchar vad som helst)', selector: 'Element att klicka på (CSS-väljare)', selectorHint: 'T.ex. #feedback',
  delay: 'Fördröjning i sekunder', frequency: 'Visas för samma besökare högst en gång per (dagar)', frequencyHint: 'T.ex. 30',
  createWidget: 'Skapa widget', widgetCreated: 'Widgeten skapades.', siteKey: 'Webbplatsnyckel', snippet: 'Klistra in den här koden på sidorna', needPattern: 'Skriv ett mönster för sidans adress.', needSelector: 'Skriv en CSS-väljare.',
  kioskHeading: 'Kiosk', kioskHint: 'En surfplatta i receptionen: öppna enhetslänken på plattan. Svaren sparas även utan nät.', newKiosk: 'Ny kiosk', resetSeconds: 'Börja om när plattan inte har använts på (sekunder)', createKiosk: 'Skapa kiosk', kioskCreated: 'Kiosken skapades.', deviceLink: (l) => `Enhetslänk (${l})`,
};
const en: HubStrings = {
  title: (s) => `Share survey: ${s}`, intro: 'Links, QR codes, the website widget and kiosks for this survey.',
  draftNotice: 'The survey is a draft: respondents cannot open the link yet.', publish: 'Publish the survey',
  linksHeading: 'Open link', linksHint: 'Anyone with the link can answer anonymously. A touchpoint’s link records the answers there.',
  general: 'No touchpoint', linkLabel: (w) => `Link: ${w}`, copy: 'Copy link', copied: 'Link copied.',
  otherTouchpoint: 'Link for another touchpoint', showLink: 'Show link', badTouchpoint: 'Choose one of the organisation’s touchpoints.',
  qrHeading: 'QR code', qrAlt: (w) => `QR code: ${w}`, svg: 'Download SVG', png: 'Download PNG', poster: 'Printable poster (A4)', posterScan: 'Scan the code with your phone and answer', print: 'Print',
  sendHeading: 'Send to people', sendHint: 'An e-mail invitation to contacts who have agreed to it.', send: 'Send by e-mail',
  widgetHeading: 'Website widget', widgetHint: 'A small survey in the corner of your site. Paste the code into the pages where it may show.', newWidget: 'New widget', widgetName: 'Name',
  origins: 'Allowed origins', originsHint: 'One site address per line, e.g. https://shop.example', trigger: 'When the survey shows',
  triggers: { pageview: 'When the page address matches a pattern', click: 'When an element is clicked', exit_intent: 'When the visitor is about to leave' },
  urlPattern: 'Page address pattern', urlPatternHint: 'E.g. /checkout/* (the star matches anything)', selector: 'Element to click (CSS selector)', selectorHint: 'E.g. #feedback',
  delay: 'Delay in seconds', frequency: 'Shown to the same visitor at most once per (days)', frequencyHint: 'E.g. 30',
  createWidget: 'Create widget', widgetCreated: 'The widget was created.', siteKey: 'Site key', snippet: 'Paste this code into your pages', needPattern: 'Write a page address pattern.', needSelector: 'Write a CSS selector.',
  kioskHeading: 'Kiosk', kioskHint: 'A tablet at the front desk: open the device link on the tablet. Answers are kept even without a network.', newKiosk: 'New kiosk', resetSeconds: 'Start over when the tablet has been idle for (seconds)', createKiosk: 'Create kiosk', kioskCreated: 'The kiosk was created.', deviceLink: (l) => `Device link (${l})`,
};
const pl: HubStrings = {
  title: (s) => `Udostępnij ankietę: ${s}`, intro: 'Linki, kody QR, widżet na stronę i kioski dla tej ankiety.',
  draftNotice: 'Ankieta jest szkicem: respondenci nie mogą jeszcze otworzyć linku.', publish: 'Opublikuj ankietę',
  linksHeading: 'Otwarty link', linksHint: 'Każdy, kto ma link, może odpowiedzieć anonimowo. Link punktu styku przypisuje mu odpowiedzi.',
  general: 'Bez punktu styku', linkLabel: (w) => `Link: ${w}`, copy: 'Kopiuj link', copied: 'Skopiowano link.',
  otherTouchpoint: 'Link dla innego punktu styku', showLink: 'Pokaż link', badTouchpoint: 'Wybierz jeden z punktów styku organizacji.',
  qrHeading: 'Kod QR', qrAlt: (w) => `Kod QR: ${w}`, svg: 'Pobierz SVG', png: 'Pobierz PNG', poster: 'Plakat do druku (A4)', posterScan: 'Zeskanuj kod telefonem i odpowiedz', print: 'Drukuj',
  sendHeading: 'Wyślij do osób', sendHint: 'Zaproszenie e-mailem do kontaktów, które się na to zgodziły.', send: 'Wyślij e-mailem',
  widgetHeading: 'Widżet na stronę', widgetHint: 'Mała ankieta w rogu Twojej strony. Wklej kod na stronach, na których może się pojawić.', newWidget: 'Nowy widżet', widgetName: 'Nazwa',
  origins: 'Dozwolone adresy', originsHint: 'Jeden adres strony w wierszu, np. https://sklep.example', trigger: 'Kiedy ankieta się pojawia',
  triggers: { pageview: 'Gdy adres strony pasuje do wzorca', click: 'Gdy element zostanie kliknięty', exit_intent: 'Gdy odwiedzający zamierza wyjść' },
  urlPattern: 'Wzorzec adresu strony', urlPatternHint: 'Np. /koszyk/* (gwiazdka pasuje do wszystkiego)', selector: 'Element do kliknięcia (selektor CSS)', selectorHint: 'Np. #opinia',
  delay: 'Opóźnienie w sekundach', frequency: 'Pokazywana temu samemu odwiedzającemu najwyżej raz na (dni)', frequencyHint: 'Np. 30',
  createWidget: 'Utwórz widżet', widgetCreated: 'Widżet został utworzony.', siteKey: 'Klucz strony', snippet: 'Wklej ten kod na swoich stronach', needPattern: 'Wpisz wzorzec adresu strony.', needSelector: 'Wpisz selektor CSS.',
  kioskHeading: 'Kiosk', kioskHint: 'Tablet w recepcji: otwórz link urządzenia na tablecie. Odpowiedzi są zapisywane także bez sieci.', newKiosk: 'Nowy kiosk', resetSeconds: 'Zacznij od nowa, gdy tablet jest bezczynny przez (sekundy)', createKiosk: 'Utwórz kiosk', kioskCreated: 'Kiosk został utworzony.', deviceLink: (l) => `Link urządzenia (${l})`,
};

const texts: Record<UiLanguage, HubStrings> = { fi, sv, en, pl };
export const hubText = (language: UiLanguage): HubStrings => texts[language];
