/** Styles of the dashboard's working pages (cases, set-up), appended to the one stylesheet (src/pages/layout.ts). */
export const workStyles = `
.tabs { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 1rem 0; border-bottom: 2px solid #12355b; }
.tabs a { display: inline-block; padding: 0.4rem 1rem; border: 2px solid #12355b; border-bottom: none; border-radius: 6px 6px 0 0; text-decoration: none; }
.tabs a[aria-current] { background: #12355b; color: #ffffff; font-weight: 700; }
textarea { font: inherit; padding: 0.4rem 0.5rem; border: 2px solid #5a5a5a; border-radius: 4px; width: 100%; max-width: 40rem; color: #1a1a1a; background: #ffffff; }
select[aria-invalid="true"], textarea[aria-invalid="true"], fieldset[aria-invalid="true"] { border-color: #b00020; }
.field-error { border-left: 4px solid #b00020; padding-left: 0.75rem; }
.hint { margin: 0; font-size: 0.9rem; }
fieldset { border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.choice { display: flex; gap: 0.5rem; align-items: center; }
.choice label { font-weight: 400; }
input[type="checkbox"] { min-height: auto; width: 1.25rem; height: 1.25rem; }
.form-grid { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; }
.form-actions { display: flex; gap: 1rem; align-items: center; margin-top: 0.75rem; }
.stack > * + * { margin-top: 0.75rem; }
.button.secondary { background: #ffffff; color: #12355b; }
.button.danger { background: #8a0015; border-color: #8a0015; }
.inline-form { display: inline-flex; gap: 0.5rem; align-items: flex-end; margin: 0; }
.overdue { font-weight: 700; color: #8a0015; }
.badge { display: inline-block; padding: 0 0.4rem; border: 1px solid #5a5a5a; border-radius: 4px; font-size: 0.9rem; }
.timeline { list-style: none; padding: 0; border-left: 3px solid #12355b; margin-left: 0.5rem; }
.timeline li { padding: 0.25rem 0 0.75rem 1rem; }
.timeline .when { display: block; font-size: 0.9rem; color: #4a4a4a; }
.timeline blockquote, .verbatim { margin: 0.25rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid #8a8a8a; background: #f5f5f5; white-space: pre-wrap; }
.secret { font-family: ui-monospace, monospace; font-size: 1rem; padding: 0.5rem; border: 2px dashed #12355b; word-break: break-all; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
.panel { border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 1rem 0; }
.panel h2, .panel h3 { margin-top: 0.5rem; }
.setup-list { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.setup-list li { border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.75rem 1rem; }
.condition-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; }
.copy-button { margin-top: 0.4rem; }
.copy-status { margin-left: 0.75rem; font-weight: 600; }
.widget-test-target { margin: 0.5rem 0; }
`;
