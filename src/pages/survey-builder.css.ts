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
.survey-status { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.status-badge { display: inline-block; padding: 0.125rem 0.5rem; border-radius: 0.25rem; border: 2px solid #12355b; font-weight: 700; }
.status-badge.status-draft { background: #fff4ce; color: #1b1b1b; border-color: #6b5200; }
.status-badge.status-active { background: #12355b; color: #ffffff; }
.status-badge.status-closed { background: #ffffff; color: #4a4a4a; border-color: #4a4a4a; }
td.status-draft { font-weight: 700; }
.condition { border: 1px solid #8a8a8a; border-radius: 0.25rem; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.condition .form-grid { align-items: end; }
.condition-detail { display: contents; }
.condition-detail[hidden] { display: none; }
.drag-handle { float: right; cursor: grab; font-size: 1.25rem; line-height: 1; padding: 0.25rem 0.5rem; border: 1px dashed #5c5c5c; border-radius: 0.25rem; color: #1b1b1b; user-select: none; }
.question-card.dragging { opacity: 0.5; }
.question-card.drop-target { outline: 3px dashed #12355b; outline-offset: 2px; }
@media (max-width: 64rem) { .builder { grid-template-columns: minmax(0, 1fr); } .builder-preview { position: static; } }
`;
