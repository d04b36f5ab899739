/** Styles of the overview's key-figure tiles (kpi-tiles.ts), appended to the one stylesheet (src/pages/layout.ts). */
// A row of tiles on wide screens, stacked on a phone.
export const kpiTilesCss = `
.kpi-tiles { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
.kpi { border: 1px solid #c4c4c4; border-radius: .5rem; padding: .75rem 1rem; background: #fff; }
.kpi h3 { margin: 0 0 .25rem; font-size: 1rem; }
.kpi-means { display: block; font-weight: 400; font-size: .875rem; color: #4a4a4a; }
.kpi-value { font-size: 1.75rem; font-weight: 700; margin: .25rem 0; }
.kpi-value.muted { font-size: 1rem; font-weight: 400; }
.kpi-change { margin: .25rem 0 0; }
.kpi-change.significant { font-weight: 600; }
`;
