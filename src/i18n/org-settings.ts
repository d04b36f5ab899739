/**
 * Texts of the organisation settings (/app/setup/organisation), the own-account page
 * (/app/account, linked from the banner) and the audit log page (/app/setup/audit-log) in
 * Finnish, Swedish, English and Polish. Same keys in every language; the type enforces it.
 */
import type { UiLanguage } from './index.ts';

/** Audit actions said in words; an action not listed here is "otherAction". */
export type AuditActionWord =
  | 'api_key.create' | 'api_key.revoke' | 'api_key.update' | 'contact.erase' | 'contact.export' | 'export.download'
  | 'org.settings_change' | 'privacy.retention_change' | 'privacy.retention_run' | 'user.create' | 'user.password_reset'
  | 'user.password_change' | 'user.role_change' | 'user.totp_disable' | 'user.totp_enable' | 'user.update';

export interface OrgSettingsStrings {
  org: {
    title: string; section: [string, string]; intro: string;
    name: string; timeZone: string; timeZoneHint: string; defaultLanguage: string; defaultLanguageHint: string;
    minGroupSize: string; minGroupSizeHint: string; quarantineDays: string; quarantineDaysHint: string;
    save: string; saved: string; unknownZone: string; unknownLanguage: string; range: (min: number, max: number) => string;
  };
  account: {
    link: string; title: string; intro: string; profileHeading: string; name: string; email: string; language: string; saveProfile: string; profileSaved: string;
    passwordHeading: string; currentPassword: string; newPassword: string; newPasswordHint: (min: number) => string; repeatPassword: string;
    changePassword: string; passwordChanged: string; wrongPassword: string; locked: string; tooShort: (min: number) => string; tooLong: (max: number) => string; mismatch: string;
  };
  audit: {
    title: string; section: [string, string]; intro: string; caption: string; when: string; who: string; what: string; target: string;
    older: string; newest: string; empty: string; badCursor: string; apiKey: (name: string) => string; removedUser: string; system: string;
    actions: Record<AuditActionWord, string>; otherAction: string; targets: { organization: string; user: (name: string) => string; apiKey: (name: string) => string };
  };
}

const strings: Record<UiLanguage, OrgSettingsStrings> = {
  fi: {
    org: {
      title: 'Organisaatio', section: ['Organisaatio', 'Nimi, aikavyöhyke, oletuskieli ja tietosuojarajat.'],
      intro: 'Nämä asetukset koskevat koko organisaatiota. Päivät ja kellonajat näytetään valitulla aikavyöhykkeellä.',
      name: 'Organisaation nimi', timeZone: 'Aikavyöhyke', timeZoneHint: 'Päivämäärät ja kellonajat kaikilla sivuilla sekä tapausten määräajat.',
      defaultLanguage: 'Oletuskieli', defaultLanguageHint: 'Kyselyjen ja uusien käyttäjien kieli, kun muuta ei ole valittu.',
      minGroupSize: 'Pienin näytettävä ryhmä', minGroupSizeHint: 'Henkilötason näkymät piilottavat ryhmät, joissa on vähemmän vastauksia.',
      quarantineDays: 'Karenssi (päivää)', quarantineDaysHint: 'Samaa asiakasta ei kutsuta kyselyyn useammin kuin kerran tässä ajassa.',
      save: 'Tallenna asetukset', saved: 'Asetukset on tallennettu.', unknownZone: 'Valitse aikavyöhyke luettelosta.', unknownLanguage: 'Valitse kieli luettelosta.',
      range: (min, max) => `Anna kokonaisluku väliltä ${min}–${max}.`,
    },
    account: {
      link: 'Oma tili', title: 'Oma tili', intro: 'Nimesi, käyttöliittymän kieli ja salasana.', profileHeading: 'Tiedot', name: 'Nimi', email: 'Sähköpostiosoite',
      language: 'Käyttöliittymän kieli', saveProfile: 'Tallenna tiedot', profileSaved: 'Tiedot on tallennettu.',
      passwordHeading: 'Salasanan vaihto', currentPassword: 'Nykyinen salasana', newPassword: 'Uusi salasana', newPasswordHint: (min) => `Vähintään ${min} merkkiä.`,
      repeatPassword: 'Uusi salasana uudelleen', changePassword: 'Vaihda salasana',
      passwordChanged: 'Salasana on vaihdettu. Muut istuntosi on päätetty; tämä jatkuu.', wrongPassword: 'Nykyinen salasana ei ole oikein.',
      locked: 'Liian monta väärää yritystä. Yritä myöhemmin uudelleen.', tooShort: (min) => `Salasanan on oltava vähintään ${min} merkkiä.`,
      tooLong: (max) => `Salasana saa olla enintään ${max} merkkiä.`, mismatch: 'Salasanat eivät ole samat.',
    },
    audit: {
      title: 'Tapahtumaloki', section: ['Tapahtumaloki', 'Kuka muutti käyttäjiä, avaimia ja asetuksia tai latasi tietoja, ja milloin.'],
      intro: 'Uusimmat ensin, 50 kerrallaan.', caption: 'Tapahtumat', when: 'Milloin', who: 'Kuka', what: 'Mitä', target: 'Kohde',
      older: 'Vanhemmat tapahtumat', newest: 'Uusimmat tapahtumat', empty: 'Lokissa ei ole vielä tapahtumia.', badCursor: 'Sivua ei löytynyt. Aloita uusimmista.',
      apiKey: (name) => `API-avain ”${name}”`, removedUser: 'Poistettu käyttäjä', system: 'Kaiku',
      actions: {
        'api_key.create': 'Loi API-avaimen', 'api_key.revoke': 'Mitätöi API-avaimen', 'api_key.update': 'Muutti API-avainta', 'contact.erase': 'Poisti yhteystiedon tiedot',
        'contact.export': 'Latasi yhteystiedon tiedot', 'export.download': 'Latasi aineiston', 'org.settings_change': 'Muutti organisaation asetuksia',
        'privacy.retention_change': 'Muutti säilytysaikoja', 'privacy.retention_run': 'Poisti vanhentuneet tiedot', 'user.create': 'Kutsui käyttäjän',
        'user.password_reset': 'Asetti uuden salasanan linkillä', 'user.password_change': 'Vaihtoi salasanansa', 'user.role_change': 'Muutti käyttäjän roolia',
        'user.totp_disable': 'Poisti kaksivaiheisen tunnistuksen', 'user.totp_enable': 'Otti käyttöön kaksivaiheisen tunnistuksen', 'user.update': 'Muutti käyttäjää',
      },
      otherAction: 'Muu hallintatoimi', targets: { organization: 'Organisaatio', user: (name) => `Käyttäjä ${name}`, apiKey: (name) => `API-avain ”${name}”` },
    },
  },
  sv: {
    org: {
      title: 'Organisation', section: ['Organisation', 'Namn, tidszon, standardspråk och integritetsgränser.'],
      intro: 'Inställningarna gäller hela organisationen. Datum och klockslag visas i den valda tidszonen.',
      name: 'Organisationens namn', timeZone: 'Tidszon', timeZoneHint: 'Datum och klockslag på alla sidor samt ärendenas tidsfrister.',
      defaultLanguage: 'Standardspråk', defaultLanguageHint: 'Språket för enkäter och nya användare när inget annat valts.',
      minGroupSize: 'Minsta grupp som visas', minGroupSizeHint: 'Vyer på personnivå döljer grupper med färre svar.',
      quarantineDays: 'Karens (dagar)', quarantineDaysHint: 'Samma kund bjuds inte in oftare än en gång under denna tid.',
      save: 'Spara inställningar', saved: 'Inställningarna har sparats.', unknownZone: 'Välj en tidszon i listan.', unknownLanguage: 'Välj ett språk i listan.',
      range: (min, max) => `Ange ett heltal mellan ${min} och ${max}.`,
    },
    account: {
      link: 'Mitt konto', title: 'Mitt konto', intro: 'Ditt namn, gränssnittets språk och ditt lösenord.', profileHeading: 'Uppgifter', name: 'Namn', email: 'E-postadress',
      language: 'Gränssnittets språk', saveProfile: 'Spara uppgifter', profileSaved: 'Uppgifterna har sparats.',
      passwordHeading: 'Byt lösenord', currentPassword: 'Nuvarande lösenord', newPassword: 'Nytt lösenord', newPasswordHint: (min) => `Minst ${min} tecken.`,
      repeatPassword: 'Nytt lösenord igen', changePassword: 'Byt lösenord',
      passwordChanged: 'Lösenordet är bytt. Dina andra sessioner har avslutats; den här fortsätter.', wrongPassword: 'Det nuvarande lösenordet är inte korrekt.',
      locked: 'För många felaktiga försök. Försök igen senare.', tooShort: (min) => `Lösenordet måste vara minst ${min} tecken.`,
      tooLong: (max) => `Lösenordet får vara högst ${max} tecken.`, mismatch: 'Lösenorden är inte lika.',
    },
    audit: {
      title: 'Händelselogg', section: ['Händelselogg', 'Vem som ändrade användare, nycklar och inställningar eller laddade ner data, och när.'],
      intro: 'Nyaste först, 50 åt gången.', caption: 'Händelser', when: 'När', who: 'Vem', what: 'Vad', target: 'Gäller',
      older: 'Äldre händelser', newest: 'Nyaste händelserna', empty: 'Loggen har inga händelser ännu.', badCursor: 'Sidan hittades inte. Börja från de nyaste.',
      apiKey: (name) => `API-nyckeln ”${name}”`, removedUser: 'Borttagen användare', system: 'Kaiku',
      actions: {
        'api_key.create': 'Skapade en API-nyckel', 'api_key.revoke': 'Återkallade en API-nyckel', 'api_key.update': 'Ändrade en API-nyckel', 'contact.erase': 'Raderade en kontakts uppgifter',
        'contact.export': 'Laddade ner en kontakts uppgifter', 'export.download': 'Laddade ner data', 'org.settings_change': 'Ändrade organisationens inställningar',
        'privacy.retention_change': 'Ändrade lagringstiderna', 'privacy.retention_run': 'Raderade utgångna uppgifter', 'user.create': 'Bjöd in en användare',
        'user.password_reset': 'Valde nytt lösenord via länk', 'user.password_change': 'Bytte sitt lösenord', 'user.role_change': 'Ändrade en användares roll',
        'user.totp_disable': 'Stängde av tvåstegsverifiering', 'user.totp_enable': 'Slog på tvåstegsverifiering', 'user.update': 'Ändrade en användare',
      },
      otherAction: 'Annan administrativ åtgärd', targets: { organization: 'Organisationen', user: (name) => `Användaren ${name}`, apiKey: (name) => `API-nyckeln ”${name}”` },
    },
  },
  en: {
    org: {
      title: 'Organisation', section: ['Organisation', 'Name, time zone, default language and privacy thresholds.'],
      intro: 'These settings apply to the whole organisation. Dates and times are shown in the time zone chosen here.',
      name: 'Organisation name', timeZone: 'Time zone', timeZoneHint: 'Dates and times on every page, and case deadlines.',
      defaultLanguage: 'Default language', defaultLanguageHint: 'The language of surveys and new users when nothing else is chosen.',
      minGroupSize: 'Smallest group shown', minGroupSizeHint: 'Person-level views hide any group with fewer answers than this.',
      quarantineDays: 'Quarantine (days)', quarantineDaysHint: 'No customer is invited more than once in this many days.',
      save: 'Save settings', saved: 'The settings were saved.', unknownZone: 'Choose a time zone from the list.', unknownLanguage: 'Choose a language from the list.',
      range: (min, max) => `Enter a whole number from ${min} to ${max}.`,
    },
    account: {
      link: 'Your account', title: 'Your account', intro: 'Your name, the language of Kaiku’s pages, and your password.', profileHeading: 'Details', name: 'Name', email: 'E-mail address',
      language: 'Language of the pages', saveProfile: 'Save details', profileSaved: 'Your details were saved.',
      passwordHeading: 'Change password', currentPassword: 'Current password', newPassword: 'New password', newPasswordHint: (min) => `At least ${min} characters.`,
      repeatPassword: 'New password again', changePassword: 'Change password',
      passwordChanged: 'Your password was changed. Your other sessions have ended; this one goes on.', wrongPassword: 'The current password is not correct.',
      locked: 'Too many wrong attempts. Try again later.', tooShort: (min) => `The password must be at least ${min} characters long.`,
      tooLong: (max) => `The password can be at most ${max} characters long.`, mismatch: 'The two new passwords are not the same.',
    },
    audit: {
      title: 'Audit log', section: ['Audit log', 'Who changed users, keys and settings or downloaded data, and when.'],
      intro: 'Newest first, 50 at a time.', caption: 'Events', when: 'When', who: 'Who', what: 'What', target: 'Concerning',
      older: 'Older events', newest: 'Newest events', empty: 'Nothing has been logged yet.', badCursor: 'That page was not found. Start from the newest.',
      apiKey: (name) => `API key “${name}”`, removedUser: 'Removed user', system: 'Kaiku',
      actions: {
        'api_key.create': 'Created an API key', 'api_key.revoke': 'Revoked an API key', 'api_key.update': 'Changed an API key', 'contact.erase': 'Erased a contact’s data',
        'contact.export': 'Downloaded a contact’s data', 'export.download': 'Downloaded data', 'org.settings_change': 'Changed the organisation’s settings',
        'privacy.retention_change': 'Changed the retention periods', 'privacy.retention_run': 'Deleted expired data', 'user.create': 'Invited a user',
        'user.password_reset': 'Set a new password by a reset link', 'user.password_change': 'Changed their password', 'user.role_change': 'Changed a user’s role',
        'user.totp_disable': 'Turned off two-step sign-in', 'user.totp_enable': 'Turned on two-step sign-in', 'user.update': 'Changed a user',
      },
      otherAction: 'Another administrative action', targets: { organization: 'The organisation', user: (name) => `User ${name}`, apiKey: (name) => `API key “${name}”` },
    },
  },
  pl: {
    org: {
      title: 'Organizacja', section: ['Organizacja', 'Nazwa, strefa czasowa, język domyślny i progi prywatności.'],
      intro: 'Te ustawienia dotyczą całej organizacji. Daty i godziny są pokazywane w wybranej strefie czasowej.',
      name: 'Nazwa organizacji', timeZone: 'Strefa czasowa', timeZoneHint: 'Daty i godziny na wszystkich stronach oraz terminy spraw.',
      defaultLanguage: 'Język domyślny', defaultLanguageHint: 'Język ankiet i nowych użytkowników, gdy nie wybrano innego.',
      minGroupSize: 'Najmniejsza pokazywana grupa', minGroupSizeHint: 'Widoki na poziomie osób ukrywają grupy z mniejszą liczbą odpowiedzi.',
      quarantineDays: 'Karencja (dni)', quarantineDaysHint: 'Ten sam klient nie jest zapraszany częściej niż raz w tym okresie.',
      save: 'Zapisz ustawienia', saved: 'Ustawienia zostały zapisane.', unknownZone: 'Wybierz strefę czasową z listy.', unknownLanguage: 'Wybierz język z listy.',
      range: (min, max) => `Podaj liczbę całkowitą od ${min} do ${max}.`,
    },
    account: {
      link: 'Moje konto', title: 'Moje konto', intro: 'Twoje imię i nazwisko, język stron i hasło.', profileHeading: 'Dane', name: 'Imię i nazwisko', email: 'Adres e-mail',
      language: 'Język stron', saveProfile: 'Zapisz dane', profileSaved: 'Dane zostały zapisane.',
      passwordHeading: 'Zmiana hasła', currentPassword: 'Obecne hasło', newPassword: 'Nowe hasło', newPasswordHint: (min) => `Co najmniej ${min} znaków.`,
      repeatPassword: 'Powtórz nowe hasło', changePassword: 'Zmień hasło',
      passwordChanged: 'Hasło zostało zmienione. Pozostałe sesje zostały zakończone; ta trwa dalej.', wrongPassword: 'Obecne hasło jest nieprawidłowe.',
      locked: 'Zbyt wiele błędnych prób. Spróbuj ponownie później.', tooShort: (min) => `Hasło musi mieć co najmniej ${min} znaków.`,
      tooLong: (max) => `Hasło może mieć najwyżej ${max} znaków.`, mismatch: 'Nowe hasła nie są takie same.',
    },
    audit: {
      title: 'Dziennik zdarzeń', section: ['Dziennik zdarzeń', 'Kto zmieniał użytkowników, klucze i ustawienia lub pobierał dane, i kiedy.'],
      intro: 'Najnowsze najpierw, po 50.', caption: 'Zdarzenia', when: 'Kiedy', who: 'Kto', what: 'Co', target: 'Dotyczy',
      older: 'Starsze zdarzenia', newest: 'Najnowsze zdarzenia', empty: 'W dzienniku nie ma jeszcze zdarzeń.', badCursor: 'Nie znaleziono strony. Zacznij od najnowszych.',
      apiKey: (name) => `Klucz API „${name}”`, removedUser: 'Usunięty użytkownik', system: 'Kaiku',
      actions: {
        'api_key.create': 'Utworzył(a) klucz API', 'api_key.revoke': 'Unieważnił(a) klucz API', 'api_key.update': 'Zmienił(a) klucz API', 'contact.erase': 'Usunął(-ęła) dane kontaktu',
        'contact.export': 'Pobrał(a) dane kontaktu', 'export.download': 'Pobrał(a) dane', 'org.settings_change': 'Zmienił(a) ustawienia organizacji',
        'privacy.retention_change': 'Zmienił(a) okresy przechowywania', 'privacy.retention_run': 'Usunięto przeterminowane dane', 'user.create': 'Zaprosił(a) użytkownika',
        'user.password_reset': 'Ustawił(a) nowe hasło przez link', 'user.password_change': 'Zmienił(a) swoje hasło', 'user.role_change': 'Zmienił(a) rolę użytkownika',
        'user.totp_disable': 'Wyłączył(a) logowanie dwuetapowe', 'user.totp_enable': 'Włączył(a) logowanie dwuetapowe', 'user.update': 'Zmienił(a) użytkownika',
      },
      otherAction: 'Inna czynność administracyjna', targets: { organization: 'Organizacja', user: (name) => `Użytkownik ${name}`, apiKey: (name) => `Klucz API „${name}”` },
    },
  },
};

export const orgSettingsText = (language: UiLanguage): OrgSettingsStrings => strings[language];
