/** Texts of the closed-loop additions (fallback owner, notification bell) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';
import type { PluralForms } from './plural.ts';
import type { FallbackKind } from '../loop/routing.ts';

/** Forms for `plural()` in ./plural.ts, the one plural helper (# is the number). */
type Plural = PluralForms;

export interface LoopUiStrings {
  /** Next to the owner on the case page when routing had to fall back. */
  assignedByFallback: string;
  fallbackWhy: Record<FallbackKind, string>;
  /** "1 case / 2 cases", with # for the number. */
  cases: Plural;
}

const fi: LoopUiStrings = {
  assignedByFallback: 'määrätty varasäännöllä',
  fallbackWhy: { parent_unit: 'yksiköllä ei ole esihenkilöä, joten tapaus meni lähimmän ylemmän yksikön esihenkilölle', org_admin: 'yksiköllä eikä sen yläyksiköillä ole esihenkilöä, joten tapaus meni organisaation pääkäyttäjälle' },
  cases: { one: '# tapaus', other: '# tapausta' },
};
const sv: LoopUiStrings = {
  assignedByFallback: 'tilldelat enligt reservregeln',
  fallbackWhy: { parent_unit: 'enheten har ingen chef, så ärendet gick till chefen för närmaste överordnade enhet', org_admin: 'varken enheten eller dess överordnade enheter har en chef, så ärendet gick till organisationens administratör' },
  cases: { one: '# ärende', other: '# ärenden' },
};
const en: LoopUiStrings = {
  assignedByFallback: 'assigned by fallback',
  fallbackWhy: { parent_unit: 'the unit has no manager, so the case went to the manager of the nearest unit above it', org_admin: 'neither the unit nor any unit above it has a manager, so the case went to the organisation’s administrator' },
  cases: { one: '# case', other: '# cases' },
};
const pl: LoopUiStrings = {
  assignedByFallback: 'przypisano regułą zastępczą',
  fallbackWhy: { parent_unit: 'jednostka nie ma kierownika, więc sprawa trafiła do kierownika najbliższej jednostki nadrzędnej', org_admin: 'ani jednostka, ani jednostki nadrzędne nie mają kierownika, więc sprawa trafiła do administratora organizacji' },
  cases: { one: '# sprawa', few: '# sprawy', many: '# spraw', other: '# sprawy' },
};

const texts: Record<UiLanguage, LoopUiStrings> = { fi, sv, en, pl };

export const loopUiText = (language: UiLanguage): LoopUiStrings => texts[language];
