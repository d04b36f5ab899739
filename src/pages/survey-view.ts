/**
 * HTML of the respondent pages: the survey form (works without JavaScript) and the short
 * pages around it (thank you, already answered, ended, not found). Every survey text and
 * every re-rendered answer goes through the escaping `html` template.
 *
 * Structure, for screen readers and keyboards: one fieldset + legend per question with
 * several controls (scales, choices); an open question is a single textarea with its own
 * <label> (a fieldset around one control would make screen readers read the question twice).
 * Radios of a scale are one group, so arrow keys move along the scale.
 */
import { html, raw, type SafeHtml } from './html.ts';
import { languageNames } from '../i18n/index.ts';
import { stringsFor, type SurveyStrings } from '../i18n/survey.ts';
import { scaleOf, type Question, type Survey } from '../surveys/schema.ts';
import { DONT_KNOW, TEXT_MAX_LENGTH, type FieldError, type FieldProblem } from './survey-form.ts';
import { surveyCss, surveyScript } from './survey.css.ts';
import { honeypotInput } from '../http/bot-guard.ts';
import { contactConsentText } from '../i18n/contact-consent.ts';
import { EMAIL_MAX, PHONE_MAX, type ContactRequestForm, type ContactRequestProblem } from '../surveys/contact-requests.ts';

export interface LanguageLink { language: string; href: string; current: boolean }

/** The organisation's theme as a page uses it (src/pages/theme-assets.ts makes it): its stylesheet and logo addresses. */
export interface PageTheme {
  /** Absent without a brand colour: Kaiku's own. */
  stylesheet?: string;
  /** Absent without a logo. */
  logo?: string;
  /** The logo's text alternative. */
  orgName: string;
}

export interface SurveyFormPage {
  survey: Survey;
  language: string;
  /** Where the form posts (the page's own URL with its context). */
  action: string;
  /** Per-render signed form token (src/http/bot-guard.ts), also the submission's idempotency key. */
  nonce: string;
  values: Record<string, string[]>;
  errors: FieldError[];
  languageLinks: LanguageLink[];
  theme?: PageTheme;
  /** The consent to be contacted (anonymous respondents of a survey that asks): what was typed and its problems. */
  contact?: { form: ContactRequestForm; problems: ContactRequestProblem[] };
}

/** A text in `language`, else the survey default, with the language it is really in. */
function localized(texts: Record<string, string> | undefined, language: string, fallback: string): { text: string; lang: string } | undefined {
  if (!texts) return undefined;
  if (texts[language]) return { text: texts[language], lang: language };
  if (texts[fallback]) return { text: texts[fallback], lang: fallback };
  const [lang, text] = Object.entries(texts)[0] ?? [];
  return lang && text ? { text, lang } : undefined;
}

/** `lang` attribute only where a text falls back to another language than the page's. */
const langAttr = (textLang: string, pageLang: string) => (textLang === pageLang ? '' : raw(` lang="${textLang}"`));

export function problemMessage(problem: FieldProblem, s: SurveyStrings): string {
  switch (problem.kind) {
    case 'required': return s.errorRequired;
    case 'range': return s.errorRange(problem.min, problem.max);
    case 'option': return s.errorOption;
    case 'too_long': return s.errorTooLong(problem.max);
    case 'empty': return s.errorEmpty;
    case 'retry': return s.confirmBody;
    default: return s.errorInvalid;
  }
}

const firstInputId = (q: Question) => (q.type === 'text' ? `f-${q.key}` : `f-${q.key}-0`);

/** The HTML shell of every page a respondent sees (survey, messages, unsubscribe); `script: false` leaves the survey script out. */
export function respondentPage(opts: { language: string; title: string; body: SafeHtml; languageLinks?: LanguageLink[]; navLabel: string; script?: boolean; theme?: PageTheme }): string {
  const nav = opts.languageLinks && opts.languageLinks.length > 1
    ? html`<nav class="lang" aria-label="${opts.navLabel}"><ul>${opts.languageLinks.map((l) => html`<li><a href="${l.href}" lang="${l.language}" hreflang="${l.language}"${l.current ? raw(' aria-current="true"') : ''}>${languageNames[l.language] ?? l.language}</a></li>`)}</ul></nav>`
    : '';
  return html`<!doctype html>
<html lang="${opts.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${opts.title}</title>
<style>${raw(surveyCss)}</style>
${opts.theme?.stylesheet ? html`<link rel="stylesheet" href="${opts.theme.stylesheet}">` : ''}
</head>
<body>
<main>
${nav}
<div class="card">
${opts.theme?.logo ? html`<img class="logo" src="${opts.theme.logo}" alt="${opts.theme.orgName}">` : ''}
${opts.body}
</div>
</main>
${opts.script === false ? '' : html`<script>${raw(surveyScript)}</script>`}
</body>
</html>
`.value;
}

export function scaleEnds(q: Pick<Question, 'type'>, s: SurveyStrings) {
  switch (q.type) {
    case 'nps': return s.ends.nps;
    case 'csat': return s.ends.csat;
    case 'ces': case 'likert7': return s.ends.agreement;
    default: return s.ends.rating;
  }
}

function conditionNote(q: Question, survey: Survey, language: string, s: SurveyStrings): string | undefined {
  const cond = q.displayIf;
  if (!cond) return undefined;
  const target = survey.questions.find((t) => t.key === cond.question);
  const targetLabel = target ? localized(Object.fromEntries(Object.entries(target.texts).map(([l, t]) => [l, t.label])), language, survey.defaultLanguage)?.text ?? target.key : cond.question;
  const optionLabel = (value: string | number) => {
    const option = target?.options?.find((o) => o.value === value);
    return option ? localized(option.label, language, survey.defaultLanguage)?.text ?? String(value) : String(value);
  };
  const values = Array.isArray(cond.value) ? cond.value : cond.value === undefined ? [] : [cond.value];
  return s.condition(cond.op, targetLabel, values.map(optionLabel).join(', '));
}

function renderQuestion(q: Question, p: SurveyFormPage, s: SurveyStrings): SafeHtml {
  const { survey, language } = p;
  const label = localized(Object.fromEntries(Object.entries(q.texts).map(([l, t]) => [l, t.label])), language, survey.defaultLanguage)
    ?? { text: q.key, lang: language };
  const helpTexts = Object.fromEntries(Object.entries(q.texts).filter(([, t]) => t.help).map(([l, t]) => [l, t.help as string]));
  const help = localized(Object.keys(helpTexts).length ? helpTexts : undefined, language, survey.defaultLanguage);
  const error = p.errors.find((e) => e.question === q.key);
  const values = p.values[q.key] ?? [];
  const note = conditionNote(q, survey, language, s);
  const ids = { help: `h-${q.key}`, err: `e-${q.key}`, cond: `c-${q.key}`, ends: `n-${q.key}`, legend: `l-${q.key}` };
  const describedBy = [error ? ids.err : '', help ? ids.help : '', note ? ids.cond : ''];
  const invalid = error ? raw(' aria-invalid="true"') : '';
  const requiredText = q.required ? html` <span class="req">${s.required}</span>` : '';
  const helpHtml = help ? html`<span class="help" id="${ids.help}"${langAttr(help.lang, language)}>${help.text}</span>` : '';
  const noteHtml = note ? html`<span class="cond" id="${ids.cond}">${note}</span>` : '';
  const errorHtml = error ? html`<span class="field-error" id="${ids.err}">${problemMessage(error.problem, s)}</span>` : '';
  const target = q.displayIf ? survey.questions.find((t) => t.key === q.displayIf?.question) : undefined;
  const showIf = q.displayIf
    ? html` data-show-if="${JSON.stringify({ question: q.displayIf.question, op: q.displayIf.op, value: q.displayIf.value, numeric: Boolean(target && scaleOf(target)) })}"`
    : '';
  const wrapper = (inner: SafeHtml) =>
    html`<div class="question${error ? ' invalid' : ''}" id="q-${q.key}" data-q="${q.key}"${showIf}>${inner}</div>`;

  if (q.type === 'text') {
    const describe = [...describedBy, `t-${q.key}`].filter(Boolean).join(' ');
    return wrapper(html`<label class="qlabel" for="${firstInputId(q)}"${langAttr(label.lang, language)}>${label.text}${requiredText}</label>
${errorHtml}${helpHtml}${noteHtml}<span class="hint" id="t-${q.key}">${s.textLimit(TEXT_MAX_LENGTH)}</span>
<textarea id="${firstInputId(q)}" name="${q.key}" rows="4" maxlength="${TEXT_MAX_LENGTH}" aria-describedby="${describe}"${q.required ? raw(' required aria-required="true"') : ''}${invalid}>${values.join('\n')}</textarea>`);
  }

  const scale = scaleOf(q);
  const legend = html`<legend id="${ids.legend}"${langAttr(label.lang, language)}>${label.text}${requiredText}</legend>`;
  if (scale) {
    const ends = scaleEnds(q, s);
    const describe = [...describedBy, ids.ends].filter(Boolean).join(' ');
    const numbers = Array.from({ length: scale[1] - scale[0] + 1 }, (_, i) => scale[0] + i);
    const tiles = numbers.map((n, i) => html`<label class="tile"><input type="radio" id="f-${q.key}-${i}" name="${q.key}" value="${n}"${values.includes(String(n)) ? raw(' checked') : ''}${q.required ? raw(' required') : ''}><span>${n}</span></label>`);
    const dontKnow = q.allowDontKnow
      ? html`<div class="dk"><label class="option"><input type="radio" id="f-${q.key}-dk" name="${q.key}" value="${DONT_KNOW}"${values.includes(DONT_KNOW) ? raw(' checked') : ''}> <span>${s.dontKnow}</span></label></div>`
      : '';
    return wrapper(html`<fieldset role="radiogroup" aria-labelledby="${ids.legend}" aria-describedby="${describe}"${q.required ? raw(' aria-required="true"') : ''}${invalid}>
${legend}${errorHtml}${helpHtml}${noteHtml}<span class="ends" id="${ids.ends}"><span>${scale[0]} = ${ends.low}</span> <span>${scale[1]} = ${ends.high}</span></span>
<div class="scale">${tiles}</div>${dontKnow}
</fieldset>`);
  }

  const multi = q.type === 'multi_choice';
  const describe = [...describedBy, multi ? `m-${q.key}` : ''].filter(Boolean).join(' ');
  const options = (q.options ?? []).map((o, i) => {
    const text = localized(o.label, language, survey.defaultLanguage) ?? { text: o.value, lang: language };
    return html`<label class="option"><input type="${multi ? 'checkbox' : 'radio'}" id="f-${q.key}-${i}" name="${q.key}" value="${o.value}"${values.includes(o.value) ? raw(' checked') : ''}${!multi && q.required ? raw(' required') : ''}> <span${langAttr(text.lang, language)}>${text.text}</span></label>`;
  });
  const role = multi ? '' : raw(` role="radiogroup" aria-labelledby="${ids.legend}"${q.required ? ' aria-required="true"' : ''}`);
  return wrapper(html`<fieldset${role}${describe ? html` aria-describedby="${describe}"` : ''}${invalid}>
${legend}${errorHtml}${helpHtml}${noteHtml}${multi ? html`<span class="hint" id="m-${q.key}">${s.multiHint}</span>` : ''}
<div class="options">${options}</div>
</fieldset>`);
}

const contactFieldId = { email: 'f-contact-email', phone: 'f-contact-phone' } as const;

/** The optional consent at the end of the form: an unticked box and the addresses, needed only when it is ticked. */
function renderContactConsent(contact: NonNullable<SurveyFormPage['contact']>, pageLanguage: string): SafeHtml {
  const { strings: c, language } = contactConsentText(pageLanguage);
  const { form, problems } = contact;
  const problemOf = (f: 'email' | 'phone') => problems.find((x) => x.field === f);
  const input = (f: 'email' | 'phone', type: string, autocomplete: string, max: number) => {
    const problem = problemOf(f);
    const describe = [problem ? `e-contact-${f}` : '', 'h-contact'].filter(Boolean).join(' ');
    return html`<div class="contact-field"><label class="qlabel" for="${contactFieldId[f]}">${f === 'email' ? c.respondent.email : c.respondent.phone}</label>
${problem ? html`<span class="field-error" id="e-contact-${f}">${c.respondent[problem.kind]}</span>` : ''}
<input type="${type}" id="${contactFieldId[f]}" name="_contact_${f}" value="${form[f]}" maxlength="${max}" autocomplete="${autocomplete}" aria-describedby="${describe}"${type === 'email' ? raw(' inputmode="email"') : ''}${problem ? raw(' aria-invalid="true"') : ''}></div>`;
  };
  return html`<div class="question contact-consent${problems.length > 0 ? ' invalid' : ''}" id="q-contact"${langAttr(language, pageLanguage)}>
<fieldset aria-describedby="i-contact"><legend>${c.respondent.legend}</legend>
<span class="help" id="i-contact">${c.respondent.intro}</span>
<div class="options"><label class="option"><input type="checkbox" id="f-contact-consent" name="_contact_consent" value="1"${form.consent ? raw(' checked') : ''}> <span>${c.respondent.consent}</span></label></div>
<span class="hint" id="h-contact">${c.respondent.addressHint}</span>
${input('email', 'email', 'email', EMAIL_MAX)}
${input('phone', 'tel', 'tel', PHONE_MAX)}
</fieldset></div>`;
}

export function renderSurveyForm(p: SurveyFormPage): string {
  const { strings: s, language: uiLanguage } = stringsFor(p.language);
  const survey = p.survey;
  const title = localized(survey.texts.title, p.language, survey.defaultLanguage) ?? { text: survey.name, lang: p.language };
  const intro = localized(survey.texts.intro, p.language, survey.defaultLanguage);
  const ui = langAttr(uiLanguage, p.language);
  const contactProblems = p.contact?.problems ?? [];
  const contactStrings = contactConsentText(p.language).strings;
  const summary = p.errors.length > 0 || contactProblems.length > 0
    ? html`<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title"${ui}>
<h2 id="error-summary-title">${s.errorSummaryTitle}</h2>
<ul>${p.errors.map((e) => {
      const q = e.question ? survey.questions.find((x) => x.key === e.question) : undefined;
      const target = q ? firstInputId(q) : survey.questions[0] ? firstInputId(survey.questions[0]) : 'survey';
      const qLabel = q ? localized(Object.fromEntries(Object.entries(q.texts).map(([l, t]) => [l, t.label])), p.language, survey.defaultLanguage)?.text : undefined;
      return html`<li><a href="#${target}">${qLabel ? `${qLabel}: ` : ''}${problemMessage(e.problem, s)}</a></li>`;
    })}${contactProblems.map((x) => html`<li><a href="#${contactFieldId[x.field]}">${x.field === 'email' ? contactStrings.respondent.email : contactStrings.respondent.phone}: ${contactStrings.respondent[x.kind]}</a></li>`)}</ul>
</div>`
    : '';
  const body = html`${summary}<h1${langAttr(title.lang, p.language)}>${title.text}</h1>
${intro ? html`<p class="intro"${langAttr(intro.lang, p.language)}>${intro.text}</p>` : ''}
${survey.questions.some((q) => q.required) ? html`<p class="note"${ui}>${s.requiredNote}</p>` : ''}
<form id="survey" method="post" action="${p.action}" novalidate accept-charset="utf-8">
<input type="hidden" name="_nonce" value="${p.nonce}">
<input type="hidden" name="_lang" value="${p.language}">
${raw(honeypotInput)}
${survey.questions.map((q) => renderQuestion(q, p, s))}
${p.contact ? renderContactConsent(p.contact, p.language) : ''}
<button type="submit"${ui}>${s.submit}</button>
</form>`;
  return respondentPage({
    language: p.language,
    title: `${p.errors.length > 0 || contactProblems.length > 0 ? s.errorTitlePrefix : ''}${title.text}`,
    body, languageLinks: p.languageLinks, navLabel: s.languageNav, theme: p.theme,
  });
}

export type MessageKind = 'notFound' | 'ended' | 'already' | 'thanks' | 'failed';

/** The short pages: thanks (the survey's own text when it has one), already answered, ended, not found, failed. */
export function renderMessage(kind: MessageKind, language: string, survey?: Survey, languageLinks?: LanguageLink[], theme?: PageTheme): string {
  const { strings: s } = stringsFor(language);
  const texts = {
    notFound: [s.notFoundTitle, s.notFoundBody],
    ended: [s.endedTitle, s.endedBody],
    already: [s.alreadyTitle, s.alreadyBody],
    thanks: [s.thanksTitle, s.thanksBody],
    failed: [s.failedTitle, s.failedBody],
  }[kind];
  const surveyTitle = survey ? localized(survey.texts.title, language, survey.defaultLanguage) : undefined;
  const ownThanks = kind === 'thanks' && survey ? localized(survey.texts.thanks, language, survey.defaultLanguage) : undefined;
  const body = html`${surveyTitle ? html`<p class="note"${langAttr(surveyTitle.lang, language)}>${surveyTitle.text}</p>` : ''}
<h1>${texts[0]}</h1>
${ownThanks ? html`<p class="intro"${langAttr(ownThanks.lang, language)}>${ownThanks.text}</p>` : html`<p>${texts[1]}</p>`}`;
  return respondentPage({ language, title: texts[0], body, languageLinks, navLabel: s.languageNav, theme });
}
