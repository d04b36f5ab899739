/**
 * Styles of the survey builder (src/pages/survey-builder.ts), appended to the one stylesheet
 * (src/pages/layout.ts): the form beside a phone-sized frame (375 × 740 CSS px, the size of a
 * common phone) that stays in view while the questions scroll.
 */
export const surveyBuilderStyles = `
.builder { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 1.5rem; align-items: start; }
.builder-preview { position: sticky; top: 0.5rem; }
.builder-preview h2 { margin-top: 0; }
.phone { width: calc(375px + 2 * 14px); padding: 44px 14px 52px; border-radius: 40px; background: #1a1a1a; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35); position: relative; }
.phone::before { content: ""; position: absolute; top: 18px; left: 50%; width: 72px; height: 8px; margin-left: -36px; border-radius: 4px; background: #5a5a5a; }
.phone::after { content: ""; position: absolute; bottom: 14px; left: 50%; width: 120px; height: 5px; margin-left: -60px; border-radius: 3px; background: #8a8a8a; }
.phone iframe { display: block; width: 375px; height: 740px; border: 0; background: #ffffff; border-radius: 4px; }
.preview-languages { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 0.75rem; padding: 0; border: 0; }
.preview-languages button[aria-pressed="true"] { background: #12355b; color: #ffffff; font-weight: 700; }
.lang-row { border: 0; padding: 0; margin: 0.5rem 0; }
.lang-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.5rem 0.75rem; align-items: end; }
.lang-grid input, .lang-grid textarea { width: 100%; }
.lang-grid textarea { min-height: 3.25rem; }
.question-card { border: 2px solid #12355b; }
.question-card legend { font-size: 1.05rem; }
.question-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
.options-table td, .options-table th { padding: 0.25rem; border-bottom: 0; }
.options-table input { width: 100%; }
.answered-note { font-weight: 600; }
.builder-actions { position: sticky; bottom: 0; background: #ffffff; padding: 0.5rem 0; border-top: 1px solid #8a8a8a; }
@media (max-width: 64rem) { .builder { grid-template-columns: minmax(0, 1fr); } .builder-preview { position: static; } }
`;
