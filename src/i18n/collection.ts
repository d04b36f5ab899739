/**
 * What the web widget and the kiosk say that the survey itself does not: buttons, the label
 * read before each score, and the kiosk's "answers waiting to be sent". Finnish, Swedish,
 * English and Polish; other survey languages fall back to English.
 */
import type { UiLanguage } from './index.ts';

export interface CollectionStrings {
  send: string;
  close: string;
  /** Read by screen readers before a score button's number. */
  score: string;
  required: string;
  /** Kiosk status line; {n} is the number of queued answers. */
  pending: string;
  kioskTitle: string;
  /** Label of the kiosk's language buttons. */
  language: string;
}

export const collectionStrings: Record<UiLanguage, CollectionStrings> = {
  fi: {
    send: 'Lähetä', close: 'Sulje kysely', score: 'Arvio', required: 'Vastaa tähän kysymykseen.',
    pending: '{n} vastausta odottaa lähetystä', kioskTitle: 'Palautepiste', language: 'Kieli',
  },
  sv: {
    send: 'Skicka', close: 'Stäng enkäten', score: 'Betyg', required: 'Svara på den här frågan.',
    pending: '{n} svar väntar på att skickas', kioskTitle: 'Feedbackpunkt', language: 'Språk',
  },
  en: {
    send: 'Send', close: 'Close survey', score: 'Score', required: 'Please answer this question.',
    pending: '{n} answers waiting to be sent', kioskTitle: 'Feedback point', language: 'Language',
  },
  pl: {
    send: 'Wyślij', close: 'Zamknij ankietę', score: 'Ocena', required: 'Odpowiedz na to pytanie.',
    pending: 'Odpowiedzi oczekujące na wysłanie: {n}', kioskTitle: 'Punkt opinii', language: 'Język',
  },
};

export function collectionStringsFor(language: string): CollectionStrings {
  return collectionStrings[language as UiLanguage] ?? collectionStrings.en;
}
