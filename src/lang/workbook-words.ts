// Legal staff read the workbook, so they write what its headings say: `r.Басталуы` for `r.from`,
// `given Балалар (...)` for `children`, `= иә` for `yes`. Rule files name these by their Latin ids; when
// stray Kazakh or Russian words are one of the workbook's own labels, the error names the id to write.
import { ENUMS } from '../schema/enums.ts';
import { normalizeLabel } from '../schema/index.ts';
import { SHEETS } from '../schema/sheets.ts';
import { q, t3, type Text3 } from './messages.ts';

type Kind = 'sheet' | 'column' | 'value';
interface Entry { readonly kind: Kind; readonly id: string; readonly owner: string }

const index = new Map<string, Entry[]>();
function add(label: string, entry: Entry): void {
  const key = normalizeLabel(label);
  const list = index.get(key) ?? [];
  if (!list.some((e) => e.kind === entry.kind && e.id === entry.id && e.owner === entry.owner)) list.push(entry);
  index.set(key, list);
}
for (const s of SHEETS) {
  for (const l of [s.labels.kk, s.labels.ru]) add(l, { kind: 'sheet', id: s.id, owner: s.id });
  for (const c of s.columns) for (const l of [c.labels.kk, c.labels.ru]) add(l, { kind: 'column', id: c.id, owner: s.id });
}
for (const e of ENUMS) for (const v of e.values) for (const l of [...v.labels.kk, ...v.labels.ru]) add(l, { kind: 'value', id: v.code, owner: e.id });

/**
 * The longest run of words starting at `text`'s beginning that is a workbook label, with what it stands
 * for; `null` when none is.
 */
export function workbookWordAt(text: string): { readonly label: string; readonly entries: readonly Entry[] } | null {
  const run = /^[\p{L}\p{M}\p{N}_-]+(?:[ ]+[\p{L}\p{M}\p{N}_-]+)*/u.exec(text.slice(0, 200))?.[0] ?? '';
  const words = run.split(/ +/).filter((w) => w !== '');
  for (let n = words.length; n > 0; n--) {
    const label = words.slice(0, n).join(' ');
    const entries = index.get(normalizeLabel(label));
    if (entries) return { label, entries };
  }
  return null;
}

/** "'Басталуы' is the heading of column from (sheets leaves, referrals): in a rule file write from". */
export function workbookWordMessage(label: string, entries: readonly Entry[]): Text3 {
  const kind = entries[0]!.kind;
  const same = entries.filter((e) => e.kind === kind);
  const ids = [...new Set(same.map((e) => e.id))];
  const ownerList = [...new Set(same.map((e) => e.owner))];
  const owners = ownerList.join(', ');
  const sheetEn = ownerList.length > 1 ? 'sheets' : 'sheet';
  const sheetRu = ownerList.length > 1 ? 'листы' : 'лист';
  const write = ids.join(' / ');
  const shown = q(label);
  if (kind === 'sheet') {
    return t3(`${shown} is the workbook's name of sheet ${write}: in a rule file write ${write}`,
      `${shown} — название листа ${write} в рабочей книге: в файле правил пишите ${write}`,
      `${shown} — жұмыс кітабындағы ${write} парағының атауы: ереже файлында ${write} деп жазыңыз`);
  }
  if (kind === 'column') {
    return t3(`${shown} is the workbook's heading of column ${write} (${sheetEn} ${owners}): in a rule file write ${write}`,
      `${shown} — заголовок столбца ${write} в рабочей книге (${sheetRu} ${owners}): в файле правил пишите ${write}`,
      `${shown} — жұмыс кітабындағы ${write} бағанының тақырыбы (${owners} парағы): ереже файлында ${write} деп жазыңыз`);
  }
  return t3(`${shown} is how the workbook writes the value ${write} (${owners}): in a rule file write ${write}`,
    `${shown} — так в рабочей книге пишется значение ${write} (${owners}): в файле правил пишите ${write}`,
    `${shown} — жұмыс кітабында ${write} мәні осылай жазылады (${owners}): ереже файлында ${write} деп жазыңыз`);
}
