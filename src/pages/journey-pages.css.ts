/**
 * Styles of the journey map and the touchpoint / question pages, appended to the one
 * stylesheet (layout.ts). Cells carry their band as a thick left edge and in the value chip
 * (dark text on the light band colours, > 7:1), so links stay on white (#0b5394, 7.6:1).
 */
import { npsBandColours } from './charts.ts';

export const journeyPageStyles = `
.jm-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; align-items: start; }
.jm-column > h2 { margin-top: 1rem; }
.jm-journey { border-top: 2px solid #12355b; margin-top: 1.5rem; }
.jm-stages { list-style: none; display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; margin: 0.5rem 0 1rem; }
.jm-stage { flex: 1 1 12rem; border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem; background: #f7f7f7; }
.jm-columns .jm-stage { flex-basis: 100%; }
.jm-stage h4 { margin: 0 0 0.25rem; font-size: 1rem; }
.jm-stage .phase { display: block; font-size: 0.85rem; color: #4a4a4a; font-weight: 400; }
.jm-stage-figure { margin: 0 0 0.5rem; }
.jm-touchpoints { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 0.5rem; }
.jm-cell { display: flex; flex-direction: column; gap: 0.15rem; padding: 0.4rem 0.6rem; background: #ffffff; border: 1px solid #5a5a5a; border-left-width: 0.6rem; border-radius: 4px; }
.jm-band-none { border-left-color: #5a5a5a; border-left-style: dashed; }
${Object.entries(npsBandColours).map(([band, colour]) => `.jm-band-${band} { border-left-color: ${colour}; }`).join('\n')}
.jm-name { font-weight: 600; }
.jm-channel, .jm-n, .jm-change { font-size: 0.9rem; }
.sig { font-weight: 700; }
.jm-compare { border: none; margin: 0; padding: 0; display: flex; flex-direction: row; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.jm-compare legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
label.check { font-weight: 400; display: inline-flex; align-items: center; gap: 0.35rem; }
label.check input { min-height: auto; }
.breadcrumb ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0; }
.breadcrumb li + li::before { content: "›"; margin-right: 0.5rem; }
.detail-section { margin-top: 1.5rem; }
.verbatims { list-style: none; padding: 0; }
.verbatims li { border-left: 4px solid #8a8a8a; padding: 0.25rem 0.75rem; margin: 0.75rem 0; }
.verbatims figure { margin: 0; }
.verbatims blockquote { margin: 0 0 0.25rem; }
.verbatims figcaption { font-size: 0.9rem; color: #4a4a4a; }
`;
