// The nlp.js language packages ship no types; Kaiku uses only their stemmers.
declare module '@nlpjs/lang-fi' {
  export class StemmerFi {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-pl' {
  export class StemmerPl {
    stemWord(word: string): string;
  }
}
