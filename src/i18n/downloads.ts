/**
 * Texts of the table and chart downloads (src/pages/downloads.ts) in the four UI languages.
 */
import type { UiLanguage } from './index.ts';

export interface DownloadStrings {
  download: string;
  formatNames: Record<'csv' | 'xlsx' | 'svg' | 'png', string>;
  /** Accessible name of a download link: what and in which format. */
  linkLabel: (title: string, format: string) => string;
  /** File headers of an interval column's two ends. */
  low: (label: string) => string;
  high: (label: string) => string;
}

const formatNames = { csv: 'CSV', xlsx: 'Excel (XLSX)', svg: 'SVG', png: 'PNG' };

const strings: Record<UiLanguage, DownloadStrings> = {
  en: {
    download: 'Download',
    formatNames: { ...formatNames, svg: 'SVG image', png: 'PNG image' },
    linkLabel: (title, format) => `Download “${title}” as ${format}`,
    low: (label) => `${label} (low)`,
    high: (label) => `${label} (high)`,
  },
  fi: {
    download: 'Lataa',
    formatNames: { ...formatNames, svg: 'SVG-kuva', png: 'PNG-kuva' },
    linkLabel: (title, format) => `Lataa ”${title}” muodossa ${format}`,
    low: (label) => `${label} (alaraja)`,
    high: (label) => `${label} (yläraja)`,
  },
  sv: {
    download: 'Ladda ner',
    formatNames: { ...formatNames, svg: 'SVG-bild', png: 'PNG-bild' },
    linkLabel: (title, format) => `Ladda ner ”${title}” som ${format}`,
    low: (label) => `${label} (nedre)`,
    high: (label) => `${label} (övre)`,
  },
  pl: {
    download: 'Pobierz',
    formatNames: { ...formatNames, svg: 'Obraz SVG', png: 'Obraz PNG' },
    linkLabel: (title, format) => `Pobierz „${title}” jako ${format}`,
    low: (label) => `${label} (dolna granica)`,
    high: (label) => `${label} (górna granica)`,
  },
};

export const downloadText = (language: UiLanguage): DownloadStrings => strings[language];
