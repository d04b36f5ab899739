/**
 * The domain's vocabulary, defined once: the value lists of the database enums (taken from the
 * schema, so a new case status or role is added in one place), the sets the code and SQL share
 * (open case statuses, passed to SQL as `= any($n)`), the four languages, and the UUID pattern.
 * Typed i18n dictionaries are keyed by these types, so a value without a translation fails to compile.
 */
import { caseKindEnum, casePriorityEnum, caseStatusEnum, responseSourceEnum, roleEnum } from './db/schema.ts';

export const caseStatuses = caseStatusEnum.enumValues;
export type CaseStatus = (typeof caseStatuses)[number];
/** A case still to be worked: counted as open on the inbox, the loop page and in the metrics. */
export const openCaseStatuses = ['new', 'in_progress', 'waiting_customer'] as const satisfies readonly CaseStatus[];
export const casePriorities = casePriorityEnum.enumValues;
export type CasePriority = (typeof casePriorities)[number];
export const caseKinds = caseKindEnum.enumValues;
export const roles = roleEnum.enumValues;
export type Role = (typeof roles)[number];
export const responseSources = responseSourceEnum.enumValues;
export type ResponseSource = (typeof responseSources)[number];

/** The languages Kaiku speaks: UI, mail, surveys and text analytics. */
export const LANGUAGES = ['fi', 'sv', 'en', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** A UUID in its text form, any letter case (ids in paths, query strings and CSV columns). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
