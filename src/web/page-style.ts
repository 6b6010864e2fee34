// The self-check page's own styles, after the HTML report's (src/report/html-style.ts), which the page
// uses as its base so the report inside it looks and prints as the HTML report does. Printing shows the
// report alone.
export const PAGE_STYLE = `
.app-head { position: relative; }
.langs { display: flex; flex-wrap: wrap; gap: 1.5mm; align-items: center; justify-content: flex-end; margin-bottom: 3mm; }
.langs .label { color: var(--muted); font-size: 9pt; margin-right: 1mm; }
button, select, input { font: inherit; color: inherit; }
button { padding: 1.4mm 3mm; border: 1px solid var(--ink); border-radius: 1.5mm; background: #fff; cursor: pointer; }
button:hover { background: var(--bg); }
.langs button[aria-pressed="true"] { background: var(--ink); color: #fff; }
button:focus-visible, select:focus-visible, input:focus-visible, .report [tabindex]:focus-visible {
  outline: 3px solid #1a5fb4; outline-offset: 2px; }
.lead { font-size: 11pt; margin: 0 0 3mm; }
.privacy { margin: 0 0 5mm; padding: 2.5mm 4mm; border-left: 4px solid var(--ok); background: #eaf6ee; color: #134d26; font-weight: 600; }
.drop { border: 2px dashed #9aa3b0; border-radius: 2mm; padding: 6mm 4mm; text-align: center; background: #fafbfc; }
.drop.over { border-color: var(--info); background: #eef4fb; }
.drop label { display: block; font-weight: 600; margin-bottom: 2mm; }
.drop input[type=file] { max-width: 100%; padding: 1.5mm; border: 1px solid var(--line); border-radius: 1.5mm; background: #fff; }
.drop p { margin: 2mm 0 0; color: var(--muted); }
.status { display: flex; flex-wrap: wrap; align-items: center; gap: 3mm; margin: 4mm 0; }
.status progress { width: 45mm; height: 3mm; }
.error { margin: 4mm 0; padding: 2.5mm 4mm; border: 1px solid var(--critical); border-radius: 1.5mm; background: #fbeaea; color: var(--critical); font-weight: 600; overflow-wrap: anywhere; }
#notice { margin: 2mm 0; }
main { display: block; margin-top: 4mm; }
.report > header { margin-top: 0; }
.tools { margin: 0 0 5mm; }
.fix { margin: 0 0 4mm; padding: 2.5mm 4mm; border: 2px solid var(--major); border-radius: 2mm; background: #fdf1e7; }
.fix h2 { border: 0; margin: 0 0 1mm; padding: 0; font-size: 12pt; color: #7a3306; }
.fix ul { margin: 1.5mm 0 0; padding-left: 5mm; }
.fix li { margin: .8mm 0; overflow-wrap: anywhere; }
.fix .cell { font-weight: 700; }
.fix p { margin: 1mm 0 0; }
.actions { display: flex; flex-wrap: wrap; gap: 3mm 8mm; align-items: flex-start; padding: 2.5mm 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
.actions .group { display: flex; flex-wrap: wrap; gap: 1.5mm; align-items: center; }
.actions .label { font-weight: 600; margin-right: 1mm; }
.actions form { display: flex; flex-wrap: wrap; gap: 1.5mm; align-items: center; margin: 0; }
.actions form .note { flex-basis: 100%; margin: 0; }
.actions input[type=date] { padding: 1.1mm 1.5mm; border: 1px solid var(--line); border-radius: 1.5mm; }
.template { margin-top: 8mm; }
.template .row { display: flex; flex-wrap: wrap; gap: 2mm; align-items: center; }
.template select { padding: 1.2mm 1.5mm; border: 1px solid var(--line); border-radius: 1.5mm; background: #fff; }
.app-foot { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line); color: var(--muted); font-size: 9pt; }
.app-foot h2 { font-size: 10pt; border: 0; margin: 0 0 1mm; padding: 0; color: var(--ink); }
.app-foot ul { margin: 0 0 2mm; padding-left: 5mm; }
[hidden] { display: none !important; }
@media print {
  .app, .tools { display: none !important; }
  main { margin: 0; }
}
`;
