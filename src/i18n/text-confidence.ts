/** The marker of an automatic text reading (sentiment, topics) that is uncertain, in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';

export interface TextConfidenceStrings {
  /** Shown next to the sentiment label. */
  uncertain: string;
  /** Its explanation (title and screen-reader text). */
  uncertainWhy: string;
}

const texts: Record<UiLanguage, TextConfidenceStrings> = {
  fi: { uncertain: 'epävarma', uncertainWhy: 'Automaattinen tulkinta tästä tekstistä on epävarma.' },
  sv: { uncertain: 'osäker', uncertainWhy: 'Den automatiska tolkningen av den här texten är osäker.' },
  en: { uncertain: 'uncertain', uncertainWhy: 'The automatic reading of this text is uncertain.' },
  pl: { uncertain: 'niepewne', uncertainWhy: 'Automatyczna interpretacja tego tekstu jest niepewna.' },
};

export const textConfidenceText = (language: UiLanguage): TextConfidenceStrings => texts[language];
