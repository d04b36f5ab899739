/**
 * Account texts (password reset, second factor, sign-in back-off) in the four UI languages:
 * the pages and the reset e-mail. Same keys in every language; the type enforces it.
 */
import type { UiLanguage } from './index.ts';

export interface AccountStrings {
  forgotLink: string;
  tooManyAttempts: (minutes: number) => string;
  totpLabel: string;
  totpHint: string;
  totpRequired: string;
  invalidTotp: string;
  forgot: { title: string; intro: string; email: string; submit: string; sent: string; missingEmail: string };
  reset: {
    title: string; intro: string; password: string; passwordHint: string; submit: string;
    done: string; signIn: string; invalidToken: string; tooShort: string;
  };
  mail: { subject: string; greeting: string; body: (minutes: number) => string; action: string; ignore: string };
}

const strings: Record<UiLanguage, AccountStrings> = {
  fi: {
    forgotLink: 'Unohditko salasanasi?',
    tooManyAttempts: (m) => `Liian monta epäonnistunutta kirjautumista. Yritä uudelleen ${m} minuutin kuluttua.`,
    totpLabel: 'Todennuskoodi',
    totpHint: 'Kuusinumeroinen koodi todennussovelluksesta tai varakoodi.',
    totpRequired: 'Anna salasana ja todennussovelluksen koodi.',
    invalidTotp: 'Todennuskoodi ei ole oikein.',
    forgot: {
      title: 'Unohtunut salasana',
      intro: 'Anna sähköpostiosoitteesi. Lähetämme linkin, jolla voit asettaa uuden salasanan.',
      email: 'Sähköpostiosoite',
      submit: 'Lähetä linkki',
      sent: 'Jos osoitteella on Kaiku-tili, siihen on lähetetty linkki. Linkki on voimassa tunnin.',
      missingEmail: 'Anna sähköpostiosoitteesi.',
    },
    reset: {
      title: 'Uusi salasana',
      intro: 'Valitse uusi salasana. Kaikki avoimet istuntosi päättyvät.',
      password: 'Uusi salasana',
      passwordHint: 'Vähintään 10 merkkiä.',
      submit: 'Tallenna salasana',
      done: 'Salasana on vaihdettu. Voit nyt kirjautua sisään.',
      signIn: 'Kirjaudu sisään',
      invalidToken: 'Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.',
      tooShort: 'Salasanan on oltava vähintään 10 merkkiä.',
    },
    mail: {
      subject: 'Kaiku: salasanan vaihto',
      greeting: 'Hei,',
      body: (m) => `joku (toivottavasti sinä) pyysi Kaiku-tilisi salasanan vaihtoa. Linkki on voimassa ${m} minuuttia ja toimii kerran.`,
      action: 'Aseta uusi salasana',
      ignore: 'Jos et pyytänyt vaihtoa, voit jättää tämän viestin huomiotta; salasanasi ei muutu.',
    },
  },
  sv: {
    forgotLink: 'Glömt lösenordet?',
    tooManyAttempts: (m) => `För många misslyckade inloggningar. Försök igen om ${m} minuter.`,
    totpLabel: 'Verifieringskod',
    totpHint: 'Den sexsiffriga koden från din autentiseringsapp, eller en reservkod.',
    totpRequired: 'Ange lösenordet och koden från autentiseringsappen.',
    invalidTotp: 'Verifieringskoden är inte korrekt.',
    forgot: {
      title: 'Glömt lösenord',
      intro: 'Ange din e-postadress så skickar vi en länk där du kan välja ett nytt lösenord.',
      email: 'E-postadress',
      submit: 'Skicka länk',
      sent: 'Om adressen hör till ett Kaiku-konto har en länk skickats dit. Länken gäller i en timme.',
      missingEmail: 'Ange din e-postadress.',
    },
    reset: {
      title: 'Nytt lösenord',
      intro: 'Välj ett nytt lösenord. Alla dina öppna sessioner avslutas.',
      password: 'Nytt lösenord',
      passwordHint: 'Minst 10 tecken.',
      submit: 'Spara lösenord',
      done: 'Lösenordet är bytt. Du kan nu logga in.',
      signIn: 'Logga in',
      invalidToken: 'Länken har gått ut eller redan använts. Begär en ny länk.',
      tooShort: 'Lösenordet måste vara minst 10 tecken.',
    },
    mail: {
      subject: 'Kaiku: byte av lösenord',
      greeting: 'Hej,',
      body: (m) => `någon (förhoppningsvis du) bad om att byta lösenordet till ditt Kaiku-konto. Länken gäller i ${m} minuter och fungerar en gång.`,
      action: 'Välj nytt lösenord',
      ignore: 'Om du inte bad om detta kan du bortse från meddelandet; ditt lösenord ändras inte.',
    },
  },
  en: {
    forgotLink: 'Forgot your password?',
    tooManyAttempts: (m) => `Too many failed sign-ins. Try again in ${m} minutes.`,
    totpLabel: 'Authentication code',
    totpHint: 'The six-digit code from your authenticator app, or a recovery code.',
    totpRequired: 'Enter your password and the code from your authenticator app.',
    invalidTotp: 'The authentication code is not correct.',
    forgot: {
      title: 'Forgotten password',
      intro: 'Enter your e-mail address and we will send you a link to choose a new password.',
      email: 'E-mail address',
      submit: 'Send link',
      sent: 'If the address belongs to a Kaiku account, a link has been sent to it. The link is valid for one hour.',
      missingEmail: 'Enter your e-mail address.',
    },
    reset: {
      title: 'New password',
      intro: 'Choose a new password. All your open sessions will end.',
      password: 'New password',
      passwordHint: 'At least 10 characters.',
      submit: 'Save password',
      done: 'Your password has been changed. You can now sign in.',
      signIn: 'Sign in',
      invalidToken: 'The link has expired or has already been used. Ask for a new one.',
      tooShort: 'The password must be at least 10 characters long.',
    },
    mail: {
      subject: 'Kaiku: reset your password',
      greeting: 'Hello,',
      body: (m) => `someone (hopefully you) asked to reset the password of your Kaiku account. The link is valid for ${m} minutes and works once.`,
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, you can ignore this e-mail; your password stays the same.',
    },
  },
  pl: {
    forgotLink: 'Nie pamiętasz hasła?',
    tooManyAttempts: (m) => `Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za ${m} min.`,
    totpLabel: 'Kod uwierzytelniający',
    totpHint: 'Sześciocyfrowy kod z aplikacji uwierzytelniającej lub kod zapasowy.',
    totpRequired: 'Podaj hasło i kod z aplikacji uwierzytelniającej.',
    invalidTotp: 'Kod uwierzytelniający jest nieprawidłowy.',
    forgot: {
      title: 'Nie pamiętam hasła',
      intro: 'Podaj swój adres e-mail, a wyślemy link do ustawienia nowego hasła.',
      email: 'Adres e-mail',
      submit: 'Wyślij link',
      sent: 'Jeśli adres należy do konta Kaiku, wysłaliśmy na niego link. Link jest ważny przez godzinę.',
      missingEmail: 'Podaj swój adres e-mail.',
    },
    reset: {
      title: 'Nowe hasło',
      intro: 'Wybierz nowe hasło. Wszystkie Twoje otwarte sesje zostaną zakończone.',
      password: 'Nowe hasło',
      passwordHint: 'Co najmniej 10 znaków.',
      submit: 'Zapisz hasło',
      done: 'Hasło zostało zmienione. Możesz się teraz zalogować.',
      signIn: 'Zaloguj się',
      invalidToken: 'Link wygasł lub został już użyty. Poproś o nowy.',
      tooShort: 'Hasło musi mieć co najmniej 10 znaków.',
    },
    mail: {
      subject: 'Kaiku: zmiana hasła',
      greeting: 'Dzień dobry,',
      body: (m) => `ktoś (miejmy nadzieję, że Ty) poprosił o zmianę hasła do Twojego konta Kaiku. Link jest ważny przez ${m} minut i działa jeden raz.`,
      action: 'Ustaw nowe hasło',
      ignore: 'Jeśli to nie Ty, zignoruj tę wiadomość; Twoje hasło się nie zmieni.',
    },
  },
};

export const accountText = (language: UiLanguage): AccountStrings => strings[language];
