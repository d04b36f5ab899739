/**
 * Texts of two-step sign-in on the own-account page (/app/account and /app/account/two-step):
 * status, turning it on (password → QR code and secret → first code → recovery codes) and
 * off (a current code) in Finnish, Swedish, English and Polish. Same keys in every language.
 */
import type { UiLanguage } from './index.ts';

export interface TwoStepStrings {
  heading: string;
  on: string;
  off: string;
  explain: string;
  turnOnLink: string;
  turnOffLink: string;
  title: string;
  back: string;
  /** Step 1: the current password. */
  passwordIntro: string;
  password: string;
  start: string;
  /** Step 2: the authenticator app. */
  scanIntro: string;
  qrLabel: string;
  secretHeading: string;
  secretHint: string;
  code: string;
  codeHint: string;
  confirm: string;
  cancel: string;
  /** Step 3: the recovery codes, shown once. */
  turnedOn: string;
  recoveryHeading: string;
  recoveryNote: string;
  recoveryListLabel: string;
  done: string;
  /** Turning off. */
  offIntro: string;
  offCode: string;
  offCodeHint: string;
  turnOff: string;
  turnedOff: string;
  /** Errors, each naming its field. */
  wrongPassword: string;
  missingPassword: string;
  wrongCode: string;
  missingCode: string;
  locked: string;
  startAgain: string;
}

const strings: Record<UiLanguage, TwoStepStrings> = {
  fi: {
    heading: 'Kaksivaiheinen kirjautuminen',
    on: 'Kaksivaiheinen kirjautuminen on käytössä.',
    off: 'Kaksivaiheinen kirjautuminen ei ole käytössä.',
    explain: 'Kun se on käytössä, kirjautuminen kysyy salasanan lisäksi koodin puhelimesi todennussovelluksesta.',
    turnOnLink: 'Ota kaksivaiheinen kirjautuminen käyttöön',
    turnOffLink: 'Poista kaksivaiheinen kirjautuminen käytöstä',
    title: 'Kaksivaiheinen kirjautuminen',
    back: 'Takaisin omaan tiliin',
    passwordIntro: 'Vahvista ensin, että olet sinä: anna nykyinen salasanasi.',
    password: 'Nykyinen salasana',
    start: 'Jatka',
    scanIntro: 'Lue QR-koodi todennussovelluksella (esimerkiksi Google Authenticator, Microsoft Authenticator tai 1Password) ja anna sovelluksen näyttämä koodi.',
    qrLabel: 'QR-koodi todennussovellukselle',
    secretHeading: 'Etkö voi lukea koodia?',
    secretHint: 'Kirjoita tämä avain sovellukseen käsin (aikaperusteinen, 6 numeroa):',
    code: 'Koodi todennussovelluksesta',
    codeHint: 'Kuusi numeroa. Koodi vaihtuu 30 sekunnin välein.',
    confirm: 'Ota käyttöön',
    cancel: 'Peruuta',
    turnedOn: 'Kaksivaiheinen kirjautuminen on nyt käytössä.',
    recoveryHeading: 'Varakoodisi',
    recoveryNote: 'Tallenna nämä koodit turvalliseen paikkaan, esimerkiksi salasanojen hallintaan tai paperille. Jos puhelimesi katoaa, voit kirjautua varakoodilla sovelluksen koodin sijaan; kukin koodi toimii kerran. Koodit näytetään vain nyt.',
    recoveryListLabel: 'Varakoodit',
    done: 'Olen tallentanut koodit',
    offIntro: 'Anna koodi todennussovelluksesta tai varakoodi, niin kirjautuminen kysyy jatkossa vain salasanan.',
    offCode: 'Koodi todennussovelluksesta',
    offCodeHint: 'Kuusi numeroa, tai jokin varakoodeistasi.',
    turnOff: 'Poista käytöstä',
    turnedOff: 'Kaksivaiheinen kirjautuminen on poistettu käytöstä.',
    wrongPassword: 'Nykyinen salasana ei ole oikein.',
    missingPassword: 'Anna nykyinen salasanasi.',
    wrongCode: 'Koodi ei ole oikein. Anna sovelluksen juuri nyt näyttämä koodi.',
    missingCode: 'Anna koodi todennussovelluksesta.',
    locked: 'Liian monta väärää yritystä. Yritä myöhemmin uudelleen.',
    startAgain: 'Aloita alusta: anna salasanasi uudelleen.',
  },
  sv: {
    heading: 'Tvåstegsinloggning',
    on: 'Tvåstegsinloggning är på.',
    off: 'Tvåstegsinloggning är av.',
    explain: 'När den är på frågar inloggningen förutom lösenordet efter en kod från autentiseringsappen i din telefon.',
    turnOnLink: 'Slå på tvåstegsinloggning',
    turnOffLink: 'Stäng av tvåstegsinloggning',
    title: 'Tvåstegsinloggning',
    back: 'Tillbaka till ditt konto',
    passwordIntro: 'Bekräfta först att det är du: ange ditt nuvarande lösenord.',
    password: 'Nuvarande lösenord',
    start: 'Fortsätt',
    scanIntro: 'Läs QR-koden med en autentiseringsapp (till exempel Google Authenticator, Microsoft Authenticator eller 1Password) och ange koden som appen visar.',
    qrLabel: 'QR-kod för autentiseringsappen',
    secretHeading: 'Kan du inte läsa koden?',
    secretHint: 'Skriv in den här nyckeln i appen för hand (tidsbaserad, 6 siffror):',
    code: 'Kod från autentiseringsappen',
    codeHint: 'Sex siffror. Koden byts var 30:e sekund.',
    confirm: 'Slå på',
    cancel: 'Avbryt',
    turnedOn: 'Tvåstegsinloggning är nu på.',
    recoveryHeading: 'Dina reservkoder',
    recoveryNote: 'Spara koderna på ett säkert ställe, till exempel i en lösenordshanterare eller på papper. Om du blir av med telefonen kan du logga in med en reservkod i stället för en kod från appen; varje kod fungerar en gång. Koderna visas bara nu.',
    recoveryListLabel: 'Reservkoder',
    done: 'Jag har sparat koderna',
    offIntro: 'Ange en kod från autentiseringsappen eller en reservkod, så frågar inloggningen i fortsättningen bara efter lösenordet.',
    offCode: 'Kod från autentiseringsappen',
    offCodeHint: 'Sex siffror, eller en av dina reservkoder.',
    turnOff: 'Stäng av',
    turnedOff: 'Tvåstegsinloggning är avstängd.',
    wrongPassword: 'Det nuvarande lösenordet är inte korrekt.',
    missingPassword: 'Ange ditt nuvarande lösenord.',
    wrongCode: 'Koden är inte korrekt. Ange koden som appen visar just nu.',
    missingCode: 'Ange koden från autentiseringsappen.',
    locked: 'För många felaktiga försök. Försök igen senare.',
    startAgain: 'Börja om: ange ditt lösenord igen.',
  },
  en: {
    heading: 'Two-step sign-in',
    on: 'Two-step sign-in is on.',
    off: 'Two-step sign-in is off.',
    explain: 'When it is on, signing in asks for a code from the authenticator app on your phone as well as your password.',
    turnOnLink: 'Turn on two-step sign-in',
    turnOffLink: 'Turn off two-step sign-in',
    title: 'Two-step sign-in',
    back: 'Back to your account',
    passwordIntro: 'First confirm that it is you: enter your current password.',
    password: 'Current password',
    start: 'Continue',
    scanIntro: 'Scan the QR code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password), then enter the code the app shows.',
    qrLabel: 'QR code for your authenticator app',
    secretHeading: 'Cannot scan the code?',
    secretHint: 'Type this key into the app by hand (time-based, 6 digits):',
    code: 'Code from your authenticator app',
    codeHint: 'Six digits. The code changes every 30 seconds.',
    confirm: 'Turn on',
    cancel: 'Cancel',
    turnedOn: 'Two-step sign-in is now on.',
    recoveryHeading: 'Your recovery codes',
    recoveryNote: 'Store these codes somewhere safe, such as a password manager or on paper. If you lose your phone, you can sign in with a recovery code instead of a code from the app; each code works once. The codes are shown only now.',
    recoveryListLabel: 'Recovery codes',
    done: 'I have stored the codes',
    offIntro: 'Enter a code from your authenticator app or a recovery code, and signing in will ask only for your password from now on.',
    offCode: 'Code from your authenticator app',
    offCodeHint: 'Six digits, or one of your recovery codes.',
    turnOff: 'Turn off',
    turnedOff: 'Two-step sign-in was turned off.',
    wrongPassword: 'The current password is not correct.',
    missingPassword: 'Enter your current password.',
    wrongCode: 'The code is not correct. Enter the code the app shows right now.',
    missingCode: 'Enter the code from your authenticator app.',
    locked: 'Too many wrong attempts. Try again later.',
    startAgain: 'Start again: enter your password once more.',
  },
  pl: {
    heading: 'Logowanie dwuetapowe',
    on: 'Logowanie dwuetapowe jest włączone.',
    off: 'Logowanie dwuetapowe jest wyłączone.',
    explain: 'Gdy jest włączone, przy logowaniu oprócz hasła podajesz kod z aplikacji uwierzytelniającej w telefonie.',
    turnOnLink: 'Włącz logowanie dwuetapowe',
    turnOffLink: 'Wyłącz logowanie dwuetapowe',
    title: 'Logowanie dwuetapowe',
    back: 'Wróć do swojego konta',
    passwordIntro: 'Najpierw potwierdź, że to Ty: podaj obecne hasło.',
    password: 'Obecne hasło',
    start: 'Dalej',
    scanIntro: 'Zeskanuj kod QR aplikacją uwierzytelniającą (na przykład Google Authenticator, Microsoft Authenticator lub 1Password), a potem wpisz kod, który pokazuje aplikacja.',
    qrLabel: 'Kod QR dla aplikacji uwierzytelniającej',
    secretHeading: 'Nie możesz zeskanować kodu?',
    secretHint: 'Wpisz ten klucz w aplikacji ręcznie (oparty na czasie, 6 cyfr):',
    code: 'Kod z aplikacji uwierzytelniającej',
    codeHint: 'Sześć cyfr. Kod zmienia się co 30 sekund.',
    confirm: 'Włącz',
    cancel: 'Anuluj',
    turnedOn: 'Logowanie dwuetapowe jest teraz włączone.',
    recoveryHeading: 'Twoje kody zapasowe',
    recoveryNote: 'Zachowaj te kody w bezpiecznym miejscu, na przykład w menedżerze haseł lub na papierze. Jeśli zgubisz telefon, zalogujesz się kodem zapasowym zamiast kodu z aplikacji; każdy kod działa jeden raz. Kody są pokazywane tylko teraz.',
    recoveryListLabel: 'Kody zapasowe',
    done: 'Zapisałem(-am) kody',
    offIntro: 'Podaj kod z aplikacji uwierzytelniającej lub kod zapasowy, a logowanie będzie odtąd wymagać tylko hasła.',
    offCode: 'Kod z aplikacji uwierzytelniającej',
    offCodeHint: 'Sześć cyfr albo jeden z Twoich kodów zapasowych.',
    turnOff: 'Wyłącz',
    turnedOff: 'Logowanie dwuetapowe zostało wyłączone.',
    wrongPassword: 'Obecne hasło jest nieprawidłowe.',
    missingPassword: 'Podaj obecne hasło.',
    wrongCode: 'Kod jest nieprawidłowy. Wpisz kod, który aplikacja pokazuje w tej chwili.',
    missingCode: 'Podaj kod z aplikacji uwierzytelniającej.',
    locked: 'Zbyt wiele błędnych prób. Spróbuj ponownie później.',
    startAgain: 'Zacznij od nowa: podaj hasło jeszcze raz.',
  },
};

export const twoStepText = (language: UiLanguage): TwoStepStrings => strings[language];
