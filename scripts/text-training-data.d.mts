export const TEXT_LANGUAGES: Array<'fi' | 'sv' | 'en' | 'pl'>;
export function trainingFiles(language: string): string[];
export function trainingDataHash(root: string, language: string): string;
export function staleTextModels(root: string): string[];
