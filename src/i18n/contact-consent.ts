/**
 * Texts of the respondent's consent to be contacted about their answer (issue 15.4): the
 * question at the end of an open-link survey, the builder's option, and what the case page
 * says about it, in Finnish, Swedish, English and Polish. Same keys in every language.
 */
import type { UiLanguage } from './index.ts';

export interface ContactConsentStrings {
  respondent: {
    legend: string; intro: string; consent: string; email: string; phone: string; addressHint: string;
    needAddress: string; badEmail: string; badPhone: string;
  };
  builder: { option: string; hint: string };
  casePage: {
    asked: (address: string, date: string) => string;
    askedHidden: (date: string) => string;
    noConsent: string;
    followUpTo: (address: string) => string;
    phoneOnly: string;
  };
}

const fi: ContactConsentStrings = {
  respondent: {
    legend: 'Saammeko ottaa yhteyttä?',
    intro: 'Vapaaehtoinen. Jos haluat, että otamme sinuun yhteyttä vastauksesi johdosta, rastita ruutu ja kerro sähköpostiosoitteesi tai puhelinnumerosi.',
    consent: 'Minuun saa ottaa yhteyttä vastaukseni johdosta',
    email: 'Sähköpostiosoite',
    phone: 'Puhelinnumero',
    addressHint: 'Tarvitaan vain, jos rastitit ruudun: sähköpostiosoite, puhelinnumero tai molemmat.',
    needAddress: 'Kerro sähköpostiosoite tai puhelinnumero, jotta voimme ottaa yhteyttä, tai poista rasti ruudusta.',
    badEmail: 'Sähköpostiosoite ei ole kelvollinen. Kirjoita se muodossa nimi@esimerkki.fi.',
    badPhone: 'Puhelinnumero ei ole kelvollinen. Käytä numeroita, välilyöntejä ja tarvittaessa +-merkkiä alussa.',
  },
  builder: {
    option: 'Kysy nimettömiltä vastaajilta, saammeko ottaa heihin yhteyttä vastauksen johdosta',
    hint: 'Lomakkeen loppuun tulee vapaaehtoinen rasti ja osoitekenttä. Annettu osoite näkyy tapauksella niille, jotka saavat nähdä yhteystiedot.',
  },
  casePage: {
    asked: (address, date) => `Asiakas pyysi yhteydenottoa: ${address} (suostumus annettu ${date})`,
    askedHidden: (date) => `Asiakas pyysi yhteydenottoa (suostumus annettu ${date}). Osoite näkyy niille, jotka saavat nähdä yhteystiedot.`,
    noConsent: 'Asiakas ei antanut suostumusta yhteydenottoon, joten yhteydenottoa ei tarjota. Kommentin yhteystiedot on peitetty.',
    followUpTo: (address) => `Viesti lähtee osoitteeseen ${address}, jonka asiakas antoi suostumuksensa kanssa.`,
    phoneOnly: 'Asiakas antoi vain puhelinnumeron: sähköpostia ei voi lähettää, soita hänelle.',
  },
};

const sv: ContactConsentStrings = {
  respondent: {
    legend: 'Får vi kontakta dig?',
    intro: 'Frivilligt. Om du vill att vi kontaktar dig om ditt svar, kryssa i rutan och ange din e-postadress eller ditt telefonnummer.',
    consent: 'Ni får kontakta mig om mitt svar',
    email: 'E-postadress',
    phone: 'Telefonnummer',
    addressHint: 'Behövs bara om du kryssade i rutan: e-postadress, telefonnummer eller båda.',
    needAddress: 'Ange en e-postadress eller ett telefonnummer så att vi kan kontakta dig, eller ta bort krysset.',
    badEmail: 'E-postadressen är inte giltig. Skriv den som namn@exempel.se.',
    badPhone: 'Telefonnumret är inte giltigt. Använd siffror, mellanslag och vid behov + i början.',
  },
  builder: {
    option: 'Fråga anonyma svarande om vi får kontakta dem om deras svar',
    hint: 'Formuläret får i slutet en frivillig kryssruta och ett adressfält. Adressen visas i ärendet för dem som får se kontaktuppgifter.',
  },
  casePage: {
    asked: (address, date) => `Kunden bad att bli kontaktad: ${address} (samtycke givet ${date})`,
    askedHidden: (date) => `Kunden bad att bli kontaktad (samtycke givet ${date}). Adressen visas för dem som får se kontaktuppgifter.`,
    noConsent: 'Kunden gav inte samtycke till att bli kontaktad, så ingen kontakt erbjuds. Kontaktuppgifter i kommentaren är dolda.',
    followUpTo: (address) => `Meddelandet skickas till ${address}, som kunden gav med sitt samtycke.`,
    phoneOnly: 'Kunden gav bara ett telefonnummer: e-post kan inte skickas, ring kunden.',
  },
};

const en: ContactConsentStrings = {
  respondent: {
    legend: 'May we contact you?',
    intro: 'Optional. If you would like us to contact you about your answer, tick the box and give your e-mail address or phone number.',
    consent: 'You may contact me about my answer',
    email: 'E-mail address',
    phone: 'Phone number',
    addressHint: 'Needed only if you ticked the box: an e-mail address, a phone number or both.',
    needAddress: 'Give an e-mail address or a phone number so that we can contact you, or untick the box.',
    badEmail: 'The e-mail address is not valid. Write it as name@example.com.',
    badPhone: 'The phone number is not valid. Use digits, spaces and, if needed, a + at the start.',
  },
  builder: {
    option: 'Ask anonymous respondents whether we may contact them about their answer',
    hint: 'The form ends with an optional, unticked box and an address field. The address given is shown on the case to those who may see contact details.',
  },
  casePage: {
    asked: (address, date) => `The customer asked to be contacted: ${address} (consent given ${date})`,
    askedHidden: (date) => `The customer asked to be contacted (consent given ${date}). The address is shown to those who may see contact details.`,
    noConsent: 'The customer did not give consent to be contacted, so no follow-up is offered. Contact details in the comment are hidden.',
    followUpTo: (address) => `The message goes to ${address}, which the customer gave with their consent.`,
    phoneOnly: 'The customer gave only a phone number: no e-mail can be sent, call them instead.',
  },
};

const pl: ContactConsentStrings = {
  respondent: {
    legend: 'Czy możemy się z Tobą skontaktować?',
    intro: 'Opcjonalnie. Jeśli chcesz, abyśmy skontaktowali się z Tobą w sprawie Twojej odpowiedzi, zaznacz pole i podaj adres e-mail lub numer telefonu.',
    consent: 'Możecie się ze mną skontaktować w sprawie mojej odpowiedzi',
    email: 'Adres e-mail',
    phone: 'Numer telefonu',
    addressHint: 'Potrzebne tylko, jeśli zaznaczono pole: adres e-mail, numer telefonu lub oba.',
    needAddress: 'Podaj adres e-mail lub numer telefonu, abyśmy mogli się skontaktować, albo odznacz pole.',
    badEmail: 'Adres e-mail jest nieprawidłowy. Wpisz go w postaci nazwa@przyklad.pl.',
    badPhone: 'Numer telefonu jest nieprawidłowy. Użyj cyfr, spacji i w razie potrzeby znaku + na początku.',
  },
  builder: {
    option: 'Pytaj anonimowych respondentów, czy możemy się z nimi skontaktować w sprawie odpowiedzi',
    hint: 'Na końcu formularza pojawi się opcjonalne, niezaznaczone pole i pole adresu. Podany adres widzą w sprawie osoby, które mogą oglądać dane kontaktowe.',
  },
  casePage: {
    asked: (address, date) => `Klient poprosił o kontakt: ${address} (zgoda udzielona ${date})`,
    askedHidden: (date) => `Klient poprosił o kontakt (zgoda udzielona ${date}). Adres widzą osoby, które mogą oglądać dane kontaktowe.`,
    noConsent: 'Klient nie wyraził zgody na kontakt, więc kontakt nie jest proponowany. Dane kontaktowe w komentarzu są ukryte.',
    followUpTo: (address) => `Wiadomość trafi na adres ${address}, podany przez klienta wraz ze zgodą.`,
    phoneOnly: 'Klient podał tylko numer telefonu: nie można wysłać e-maila, zadzwoń do niego.',
  },
};

const strings: Record<UiLanguage, ContactConsentStrings> = { fi, sv, en, pl };

/** The texts in `language`, or in English for a survey language Kaiku has no texts in (with the language they are in). */
export function contactConsentText(language: string): { strings: ContactConsentStrings; language: UiLanguage } {
  const known = (Object.keys(strings) as UiLanguage[]).find((l) => l === language);
  return known ? { strings: strings[known], language: known } : { strings: en, language: 'en' };
}
