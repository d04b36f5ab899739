/**
 * Texts of the widget and kiosk set-up pages reached from a survey's distribution hub: editing a
 * widget site or a kiosk, the widget's live test page, and the copy buttons, in the four UI languages.
 */
import type { UiLanguage } from './index.ts';

export interface HubSetupStrings {
  copyCode: string; copyLink: string; copied: string; copyFailed: string;
  editWidget: (name: string) => string; editWidgetTitle: (name: string) => string; save: string; widgetSaved: string;
  keptTriggers: string; tooManyOrigins: (max: number) => string; originTooLong: (max: number) => string; tooLong: (max: number) => string;
  testLink: (name: string) => string; testTitle: (name: string) => string; testIntro: string; testOrigin: string; testNotStored: string;
  testNeedsJs: string; testTriggers: string; testPageview: (pattern: string) => string; testDelay: (seconds: number) => string;
  simulatePath: string; simulate: string; simulated: string; stillLoading: string;
  testClick: (selector: string) => string; testElement: string; testClickComplex: string; testExit: string; testEvent: (name: string) => string; sendEvent: (name: string) => string;
  testAgain: string; backToHub: string; snippetUsed: string;
  editKiosk: (name: string) => string; editKioskTitle: (name: string) => string; kioskSaved: string;
  kioskLanguage: string; kioskLanguageHint: string; badLanguage: string; resetHint: string;
  /** The kiosk's mid-survey idle limit: the field's label and what happens then. */
  idleSeconds: string; idleHint: string;
}

const fi: HubSetupStrings = {
  copyCode: 'Kopioi koodi', copyLink: 'Kopioi linkki', copied: 'Kopioitu', copyFailed: 'Kopiointi ei onnistunut: teksti on valittu, paina Ctrl+C.',
  editWidget: (n) => `Muokkaa asetuksia: ${n}`, editWidgetTitle: (n) => `Muokkaa widgetiä: ${n}`, save: 'Tallenna muutokset', widgetSaved: 'Widgetin asetukset tallennettiin.',
  keptTriggers: 'Rajapinnan kautta asetetut muut näyttöehdot säilyvät ennallaan:', tooManyOrigins: (m) => `Enintään ${m} osoitetta.`,
  originTooLong: (m) => `Osoite saa olla enintään ${m} merkkiä.`, tooLong: (m) => `Enintään ${m} merkkiä.`,
  testLink: (n) => `Avaa testisivu: ${n}`, testTitle: (n) => `Testaa widgetiä: ${n}`,
  testIntro: 'Tällä sivulla on sama koodi, jonka liität sivustollesi. Widget avautuu sivuston näyttöehdoilla.',
  testOrigin: 'Kaikun oma osoite on aina sallittu testiä varten, joten sitä ei tarvitse lisätä sallittuihin osoitteisiin.',
  testNotStored: 'Täällä annettuja vastauksia ei tallenneta, eikä kerran päivissä -rajaa sovelleta, joten voit testata uudelleen.',
  testNeedsJs: 'Widget tarvitsee JavaScriptin: salli se tälle sivulle.', testTriggers: 'Näin widget avautuu',
  testPageview: (p) => `Kun sivun osoite vastaa mallia ${p}.`, testDelay: (s) => `Viive ${s} s.`,
  simulatePath: 'Sivun osoite, jolla käynti jäljitellään', simulate: 'Jäljittele käyntiä', simulated: 'Käynti jäljitelty: widget avautuu viiveen jälkeen.',
  stillLoading: 'Widget latautuu vielä; yritä hetken päästä uudelleen.',
  testClick: (s) => `Kun napsautetaan elementtiä, joka vastaa valitsinta ${s}.`, testElement: 'Testielementti',
  testClickComplex: 'Valitsin on liian monimutkainen rakennettavaksi tälle sivulle; sivustollasi napsautus avaa widgetin.',
  testExit: 'Kun kävijä on lähdössä: vie hiiren osoitin ikkunan yläreunan yli.', testEvent: (n) => `Kun sivusto kutsuu kaiku('track', '${n}').`, sendEvent: (n) => `Lähetä tapahtuma ${n}`,
  testAgain: 'Widget avautuu kerran sivun latausta kohden: lataa sivu uudelleen testataksesi uudelleen.', backToHub: 'Takaisin jakamiseen', snippetUsed: 'Sivulla käytetty koodi',
  editKiosk: (n) => `Muokkaa asetuksia: ${n}`, editKioskTitle: (n) => `Muokkaa kioskia: ${n}`, kioskSaved: 'Kioskin asetukset tallennettiin.',
  kioskLanguage: 'Kieli, jolla kioski aloittaa', kioskLanguageHint: 'Vastaaja voi vaihtaa kieltä; kioski palaa tähän kieleen jokaisen vastauksen jälkeen.',
  badLanguage: 'Valitse jokin kyselyn kielistä.', resetHint: 'Kiitoksen jälkeen kioski palaa ensimmäiseen kysymykseen näin monen sekunnin kuluttua.',
  idleSeconds: 'Aloita alusta kesken kyselyn, kun näyttöön ei ole koskettu näin moneen sekuntiin',
  idleHint: 'Jos asiakas lähtee kesken kyselyn, hänen antamansa vastaukset tallennetaan, yhteystietokenttiin kirjoitettu tyhjennetään ja kioski aloittaa alusta seuraavaa varten.',
};
const sv: HubSetupStrings = {
  copyCode: 'Kopiera koden', copyLink: 'Kopiera länken', copied: 'Kopierat', copyFailed: 'Kopieringen misslyckades: texten är markerad, tryck Ctrl+C.',
  editWidget: (n) => `Ändra inställningar: ${n}`, editWidgetTitle: (n) => `Ändra widget: ${n}`, save: 'Spara ändringarna', widgetSaved: 'Widgetens inställningar sparades.',
  keptTriggers: 'Andra visningsvillkor som satts via API:t behålls:', tooManyOrigins: (m) => `Högst ${m} adresser.`,
  originTooLong: (m) => `En adress får ha högst ${m} tecken.`, tooLong: (m) => `Högst ${m} tecken.`,
  testLink: (n) => `Öppna testsidan: ${n}`, testTitle: (n) => `Testa widgeten: ${n}`,
  testIntro: 'Den här sidan har samma kod som du klistrar in på din webbplats. Widgeten öppnas med webbplatsens visningsvillkor.',
  testOrigin: 'Kaikus egen adress är alltid tillåten för testet, så den behöver inte läggas till bland de tillåtna adresserna.',
  testNotStored: 'Svar som ges här sparas inte och gränsen en gång per dagar tillämpas inte, så du kan testa igen.',
  testNeedsJs: 'Widgeten behöver JavaScript: tillåt det för den här sidan.', testTriggers: 'Så här öppnas widgeten',
  testPageview: (p) => `När sidans adress matchar mönstret ${p}.`, testDelay: (s) => `Fördröjning ${s} s.`,
  simulatePath: 'Sidadress att simulera ett besök på', simulate: 'Simulera ett besök', simulated: 'Besöket simulerades: widgeten öppnas efter fördröjningen.',
  stillLoading: 'Widgeten laddas fortfarande; försök igen om en stund.',
  testClick: (s) => `När ett element som matchar väljaren ${s} klickas.`, testElement: 'Testelement',
  testClickComplex: 'Väljaren är för komplex för att byggas på den här sidan; på din webbplats öppnar ett klick widgeten.',
  testExit: 'När besökaren är på väg att lämna: för muspekaren ut över fönstrets överkant.', testEvent: (n) => `När webbplatsen anropar kaiku('track', '${n}').`, sendEvent: (n) => `Skicka händelsen ${n}`,
  testAgain: 'Widgeten öppnas en gång per sidladdning: ladda om sidan för att testa igen.', backToHub: 'Tillbaka till delning', snippetUsed: 'Koden som sidan använder',
  editKiosk: (n) => `Ändra inställningar: ${n}`, editKioskTitle: (n) => `Ändra kiosk: ${n}`, kioskSaved: 'Kioskens inställningar sparades.',
  kioskLanguage: 'Språket kiosken börjar på', kioskLanguageHint: 'Den svarande kan byta språk; kiosken återgår till det här språket efter varje svar.',
  badLanguage: 'Välj ett av enkätens språk.', resetHint: 'Efter tacket går kiosken tillbaka till första frågan efter så här många sekunder.',
  idleSeconds: 'Börja om mitt i enkäten när ingen har rört skärmen på så här många sekunder',
  idleHint: 'Om en kund går mitt i enkäten sparas det hen har svarat, det som skrivits i kontaktfälten raderas och kiosken börjar om för nästa person.',
};
const en: HubSetupStrings = {
  copyCode: 'Copy code', copyLink: 'Copy link', copied: 'Copied', copyFailed: 'Copying did not work: the text is selected, press Ctrl+C.',
  editWidget: (n) => `Edit settings: ${n}`, editWidgetTitle: (n) => `Edit widget: ${n}`, save: 'Save changes', widgetSaved: 'The widget’s settings were saved.',
  keptTriggers: 'Other triggers set through the API are kept as they are:', tooManyOrigins: (m) => `At most ${m} origins.`,
  originTooLong: (m) => `An origin may have at most ${m} characters.`, tooLong: (m) => `At most ${m} characters.`,
  testLink: (n) => `Open the test page: ${n}`, testTitle: (n) => `Test widget: ${n}`,
  testIntro: 'This page has the same code you paste into your site. The widget opens with the site’s triggers.',
  testOrigin: 'Kaiku’s own address is always allowed for this test, so you need not add it to the allowed origins.',
  testNotStored: 'Answers given here are not stored and the once-per-days limit does not apply, so you can test again.',
  testNeedsJs: 'The widget needs JavaScript: allow it for this page.', testTriggers: 'How the widget opens',
  testPageview: (p) => `When the page address matches ${p}.`, testDelay: (s) => `Delay ${s} s.`,
  simulatePath: 'Page address to simulate a visit to', simulate: 'Simulate a visit', simulated: 'Visit simulated: the widget opens after the delay.',
  stillLoading: 'The widget is still loading; try again in a moment.',
  testClick: (s) => `When an element matching ${s} is clicked.`, testElement: 'Test element',
  testClickComplex: 'The selector is too complex to build on this page; on your site a click opens the widget.',
  testExit: 'When the visitor is about to leave: move the mouse pointer out over the top of the window.', testEvent: (n) => `When the site calls kaiku('track', '${n}').`, sendEvent: (n) => `Send the event ${n}`,
  testAgain: 'The widget opens once per page load: reload the page to test again.', backToHub: 'Back to sharing', snippetUsed: 'The code on this page',
  editKiosk: (n) => `Edit settings: ${n}`, editKioskTitle: (n) => `Edit kiosk: ${n}`, kioskSaved: 'The kiosk’s settings were saved.',
  kioskLanguage: 'Language the kiosk starts in', kioskLanguageHint: 'Respondents can switch language; the kiosk returns to this one after each answer.',
  badLanguage: 'Choose one of the survey’s languages.', resetHint: 'After the thank-you, the kiosk goes back to the first question after this many seconds.',
  idleSeconds: 'Start over after this many seconds without a touch, mid-survey',
  idleHint: 'A customer who walks away mid-survey: what they answered is kept, anything typed into the contact fields is cleared, and the kiosk starts over for the next person.',
};
const pl: HubSetupStrings = {
  copyCode: 'Kopiuj kod', copyLink: 'Kopiuj link', copied: 'Skopiowano', copyFailed: 'Kopiowanie nie powiodło się: tekst jest zaznaczony, naciśnij Ctrl+C.',
  editWidget: (n) => `Edytuj ustawienia: ${n}`, editWidgetTitle: (n) => `Edytuj widżet: ${n}`, save: 'Zapisz zmiany', widgetSaved: 'Zapisano ustawienia widżetu.',
  keptTriggers: 'Inne wyzwalacze ustawione przez API pozostają bez zmian:', tooManyOrigins: (m) => `Najwyżej ${m} adresów.`,
  originTooLong: (m) => `Adres może mieć najwyżej ${m} znaków.`, tooLong: (m) => `Najwyżej ${m} znaków.`,
  testLink: (n) => `Otwórz stronę testową: ${n}`, testTitle: (n) => `Test widżetu: ${n}`,
  testIntro: 'Ta strona zawiera ten sam kod, który wklejasz na swoją stronę. Widżet otwiera się według wyzwalaczy strony.',
  testOrigin: 'Własny adres Kaiku jest zawsze dozwolony na potrzeby testu, więc nie trzeba go dodawać do dozwolonych adresów.',
  testNotStored: 'Odpowiedzi udzielone tutaj nie są zapisywane, a limit raz na dni nie obowiązuje, więc możesz testować ponownie.',
  testNeedsJs: 'Widżet wymaga JavaScriptu: zezwól na niego na tej stronie.', testTriggers: 'Kiedy widżet się otwiera',
  testPageview: (p) => `Gdy adres strony pasuje do wzorca ${p}.`, testDelay: (s) => `Opóźnienie ${s} s.`,
  simulatePath: 'Adres strony, której odwiedziny symulować', simulate: 'Symuluj odwiedziny', simulated: 'Odwiedziny zasymulowane: widżet otworzy się po opóźnieniu.',
  stillLoading: 'Widżet jeszcze się ładuje; spróbuj ponownie za chwilę.',
  testClick: (s) => `Gdy zostanie kliknięty element pasujący do ${s}.`, testElement: 'Element testowy',
  testClickComplex: 'Selektor jest zbyt złożony, by zbudować go na tej stronie; na Twojej stronie kliknięcie otworzy widżet.',
  testExit: 'Gdy odwiedzający zamierza wyjść: przesuń kursor myszy poza górną krawędź okna.', testEvent: (n) => `Gdy strona wywoła kaiku('track', '${n}').`, sendEvent: (n) => `Wyślij zdarzenie ${n}`,
  testAgain: 'Widżet otwiera się raz na załadowanie strony: przeładuj stronę, by przetestować ponownie.', backToHub: 'Wróć do udostępniania', snippetUsed: 'Kod użyty na tej stronie',
  editKiosk: (n) => `Edytuj ustawienia: ${n}`, editKioskTitle: (n) => `Edytuj kiosk: ${n}`, kioskSaved: 'Zapisano ustawienia kiosku.',
  kioskLanguage: 'Język, w którym kiosk zaczyna', kioskLanguageHint: 'Respondent może zmienić język; kiosk wraca do tego języka po każdej odpowiedzi.',
  badLanguage: 'Wybierz jeden z języków ankiety.', resetHint: 'Po podziękowaniu kiosk wraca do pierwszego pytania po tylu sekundach.',
  idleSeconds: 'Zacznij od nowa po tylu sekundach bez dotyku, w trakcie ankiety',
  idleHint: 'Gdy klient odejdzie w trakcie ankiety, udzielone odpowiedzi zostają zapisane, wpisane dane kontaktowe są czyszczone, a kiosk zaczyna od nowa dla kolejnej osoby.',
};

const texts: Record<UiLanguage, HubSetupStrings> = { fi, sv, en, pl };
export const hubSetupText = (language: UiLanguage): HubSetupStrings => texts[language];
