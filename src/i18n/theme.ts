/**
 * Texts of the organisation's theme page (/app/setup/organisation/theme) in Finnish, Swedish,
 * English and Polish. Same keys in every language; the type enforces it.
 */
import type { UiLanguage } from './index.ts';

export interface ThemeStrings {
  title: string; section: [string, string]; link: string; intro: string;
  previewHeading: string; previewIntro: string; noLogo: string; sampleText: string; sampleLink: string; sampleButton: string;
  formHeading: string; brandColor: string; brandColorHint: string; logo: string; logoHint: (kilobytes: number) => string;
  save: string; saved: string; removeLogo: string; logoRemoved: string; resetColor: string; colorReset: string;
  badColor: string;
  /** The colour fails against white text or the page background: says the ratio and a darker shade that would do. */
  lowContrast: (color: string, against: 'white' | 'page', ratio: string, shade: string) => string;
  logoTooLarge: (kilobytes: number) => string; logoWrongType: string; logoEmpty: string;
}

const strings: Record<UiLanguage, ThemeStrings> = {
  fi: {
    title: 'Teema', section: ['Teema', 'Logo ja tunnusväri kyselysivuille, verkkosivun widgetille ja kioskille.'], link: 'Teema: logo ja tunnusväri',
    intro: 'Vastaajat näkevät logon ja tunnusvärin kyselysivuilla, verkkosivun widgetissä ja kioskissa. Värin on pidettävä teksti luettavana: kontrasti vähintään 4,5:1 valkoiseen tekstiin ja sivun taustaan (WCAG AA).',
    previewHeading: 'Esikatselu', previewIntro: 'Näin tallennettu teema näkyy vastaajalle.', noLogo: 'Ei logoa: sivuilla näkyy vain kyselyn otsikko.',
    sampleText: 'Linkit ja valitut vastaukset ovat tunnusvärin värisiä:', sampleLink: 'esimerkkilinkki', sampleButton: 'Lähetä',
    formHeading: 'Muuta teemaa', brandColor: 'Tunnusväri', brandColorHint: 'Painikkeet, linkit ja valitut vastaukset. Ilman omaa väriä sivut ovat Kaikun sinisiä.',
    logo: 'Logo', logoHint: (kb) => `PNG, JPEG tai SVG, enintään ${kb} kt. Jätä tyhjäksi, niin nykyinen logo säilyy.`,
    save: 'Tallenna teema', saved: 'Teema on tallennettu.', removeLogo: 'Poista logo', logoRemoved: 'Logo on poistettu.',
    resetColor: 'Palauta Kaikun oma väri', colorReset: 'Sivut käyttävät taas Kaikun omaa väriä.',
    badColor: 'Anna väri muodossa #rrggbb, esimerkiksi #0b4f9c.',
    lowContrast: (c, against, ratio, shade) => `${against === 'white' ? `Värin ${c} ja valkoisen tekstin` : `Värin ${c} ja sivun taustan`} kontrasti on ${ratio.replace('.', ',')}; vähintään 4,5:1 tarvitaan. Lähin riittävä tummempi sävy on ${shade}.`,
    logoTooLarge: (kb) => `Logo on liian suuri: enintään ${kb} kt.`, logoWrongType: 'Logon on oltava PNG-, JPEG- tai SVG-kuva.', logoEmpty: 'Logotiedosto on tyhjä.',
  },
  sv: {
    title: 'Tema', section: ['Tema', 'Logotyp och profilfärg för enkätsidor, webbplatsens widget och kiosken.'], link: 'Tema: logotyp och profilfärg',
    intro: 'De svarande ser logotypen och profilfärgen på enkätsidorna, i webbplatsens widget och i kiosken. Färgen måste hålla texten läsbar: kontrast minst 4,5:1 mot vit text och mot sidans bakgrund (WCAG AA).',
    previewHeading: 'Förhandsvisning', previewIntro: 'Så här ser de svarande det sparade temat.', noLogo: 'Ingen logotyp: sidorna visar bara enkätens rubrik.',
    sampleText: 'Länkar och valda svar får profilfärgen:', sampleLink: 'exempellänk', sampleButton: 'Skicka',
    formHeading: 'Ändra temat', brandColor: 'Profilfärg', brandColorHint: 'Knappar, länkar och valda svar. Utan egen färg är sidorna Kaikus blå.',
    logo: 'Logotyp', logoHint: (kb) => `PNG, JPEG eller SVG, högst ${kb} kB. Lämna tomt för att behålla nuvarande logotyp.`,
    save: 'Spara temat', saved: 'Temat har sparats.', removeLogo: 'Ta bort logotypen', logoRemoved: 'Logotypen har tagits bort.',
    resetColor: 'Återställ Kaikus egen färg', colorReset: 'Sidorna använder Kaikus egen färg igen.',
    badColor: 'Ange färgen som #rrggbb, till exempel #0b4f9c.',
    lowContrast: (c, against, ratio, shade) => `${against === 'white' ? `Färgen ${c} med vit text` : `Färgen ${c} mot sidans bakgrund`} har kontrasten ${ratio.replace('.', ',')}; minst 4,5:1 behövs. Den närmaste mörkare nyans som räcker är ${shade}.`,
    logoTooLarge: (kb) => `Logotypen är för stor: högst ${kb} kB.`, logoWrongType: 'Logotypen måste vara en PNG-, JPEG- eller SVG-bild.', logoEmpty: 'Logotypfilen är tom.',
  },
  en: {
    title: 'Theme', section: ['Theme', 'Logo and brand colour of survey pages, the website widget and the kiosk.'], link: 'Theme: logo and brand colour',
    intro: 'Respondents see the logo and brand colour on survey pages, in the website widget and on the kiosk. The colour must keep text readable: contrast of at least 4.5:1 with white text and on the page background (WCAG AA).',
    previewHeading: 'Preview', previewIntro: 'This is how respondents see the saved theme.', noLogo: 'No logo: the pages show the survey title only.',
    sampleText: 'Links and chosen answers take the brand colour:', sampleLink: 'a sample link', sampleButton: 'Send',
    formHeading: 'Change the theme', brandColor: 'Brand colour', brandColorHint: 'Buttons, links and chosen answers. Without a colour of your own the pages are Kaiku blue.',
    logo: 'Logo', logoHint: (kb) => `PNG, JPEG or SVG, at most ${kb} kB. Leave empty to keep the current logo.`,
    save: 'Save theme', saved: 'The theme has been saved.', removeLogo: 'Remove logo', logoRemoved: 'The logo has been removed.',
    resetColor: 'Use Kaiku’s own colour', colorReset: 'The pages use Kaiku’s own colour again.',
    badColor: 'Give the colour as #rrggbb, for example #0b4f9c.',
    lowContrast: (c, against, ratio, shade) => `${against === 'white' ? `The colour ${c} with white text` : `The colour ${c} on the page background`} has contrast ${ratio}; at least 4.5:1 is needed. The nearest darker shade that meets it is ${shade}.`,
    logoTooLarge: (kb) => `The logo is too large: at most ${kb} kB.`, logoWrongType: 'The logo must be a PNG, JPEG or SVG image.', logoEmpty: 'The logo file is empty.',
  },
  pl: {
    title: 'Motyw', section: ['Motyw', 'Logo i kolor marki na stronach ankiet, w widżecie na stronie WWW i w kiosku.'], link: 'Motyw: logo i kolor marki',
    intro: 'Respondenci widzą logo i kolor marki na stronach ankiet, w widżecie na stronie WWW i w kiosku. Kolor musi zachować czytelność tekstu: kontrast co najmniej 4,5:1 z białym tekstem i z tłem strony (WCAG AA).',
    previewHeading: 'Podgląd', previewIntro: 'Tak respondenci widzą zapisany motyw.', noLogo: 'Brak logo: strony pokazują tylko tytuł ankiety.',
    sampleText: 'Linki i wybrane odpowiedzi mają kolor marki:', sampleLink: 'przykładowy link', sampleButton: 'Wyślij',
    formHeading: 'Zmień motyw', brandColor: 'Kolor marki', brandColorHint: 'Przyciski, linki i wybrane odpowiedzi. Bez własnego koloru strony są w niebieskim kolorze Kaiku.',
    logo: 'Logo', logoHint: (kb) => `PNG, JPEG lub SVG, najwyżej ${kb} kB. Pozostaw puste, aby zachować obecne logo.`,
    save: 'Zapisz motyw', saved: 'Motyw został zapisany.', removeLogo: 'Usuń logo', logoRemoved: 'Logo zostało usunięte.',
    resetColor: 'Przywróć kolor Kaiku', colorReset: 'Strony znów używają koloru Kaiku.',
    badColor: 'Podaj kolor w postaci #rrggbb, np. #0b4f9c.',
    lowContrast: (c, against, ratio, shade) => `${against === 'white' ? `Kolor ${c} z białym tekstem` : `Kolor ${c} na tle strony`} ma kontrast ${ratio.replace('.', ',')}; potrzeba co najmniej 4,5:1. Najbliższy ciemniejszy odcień, który wystarcza, to ${shade}.`,
    logoTooLarge: (kb) => `Logo jest za duże: najwyżej ${kb} kB.`, logoWrongType: 'Logo musi być obrazem PNG, JPEG lub SVG.', logoEmpty: 'Plik logo jest pusty.',
  },
};

export const themeText = (language: UiLanguage): ThemeStrings => strings[language];
