/** Styles of /app/reports/board: the report's preview inside the app (the report's own print stylesheet is for its document only). */
export const boardReportPageStyles = `
.report-preview { border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem 1.5rem 1rem; margin: 1rem 0 2rem; }
.report-preview .sub { color: #4a4a4a; margin-top: 0; }
.report-preview .cards { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.report-preview .card { flex: 1 1 14rem; border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem 0.75rem; }
.report-preview .card .value { font-size: 1.75rem; font-weight: 700; }
.report-preview .card .meta { color: #4a4a4a; font-size: 0.9rem; }
.report-preview .chart svg { width: 100%; height: auto; max-width: 56rem; }
ul.schedules { padding-left: 1.25rem; }
`;
