// The structures announcements list things in (issue 19): runs of bulleted or numbered lines,
// runs of identifiers one a line, and pipe tables, including the two ways pages break them when
// copied (a row over several lines, or every cell on a line of its own), and tables copied
// without their bars. products.ts decides
// which of them name what retires or what replaces it.

export interface ListRun {
  /** Line numbers of the first and last item. */
  first: number;
  last: number;
  items: string[];
  /** The nearest non-empty line above the first item. */
  heading: string;
  kind: 'marked' | 'identifiers';
}

export interface Table {
  first: number;
  last: number;
  header: string[];
  rows: string[][];
}

// One kind of marker per run: 一、 sections hold • items, and neither is the other's item.
const MARKERS: [string, RegExp][] = [
  ['bullet', /^[•●·▪◦*-]\s*/u],
  ['number', /^\d{1,2}[.、)]\s*/u],
  ['paren', /^\(\d{1,2}\)\s*/u],
  ['chinese', /^[一二三四五六七八九十]{1,2}、\s*/u],
];

/** A list line's kind of marker and its words after it; null for a line no marker opens. */
export function listItem(line: string): { marker: string; rest: string } | null {
  const t = line.trimStart();
  const found = MARKERS.find(([, re]) => re.test(t));
  return found ? { marker: found[0], rest: t.replace(found[1], '') } : null;
}

const markerOf = (line: string) => listItem(line)?.marker ?? null;

/**
 * An API, field, method or image name on a line of its own: CreateEpnInstance,
 * dynamic_ad_templates/get, Ubuntu 16.04.
 */
export const IDENTIFIER = /^[A-Za-z][\w.:/-]*(?: [\w.:/-]+){0,2}?[\w)]?(?:\s*[(（][^()（）\n]{0,40}[)）])?$/u;
/** A lone word that heads a column, not a name in it. */
const HEADER_WORD = /^(?:API|SDK|Scope|URL|HTTP|GET|POST|Link|Name)$/iu;

function headingAbove(lines: string[], index: number): string {
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const line = lines[i]!.trim();
    if (line !== '') return line;
  }
  return '';
}

/** Runs of marked lines (one marker kind each) and of identifier lines (two or more). */
export function listRuns(lines: string[]): ListRun[] {
  const runs: ListRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const marker = markerOf(line);
    if (marker !== null) {
      const re = MARKERS.find(([k]) => k === marker)![1];
      const items: string[] = [];
      let j = i;
      let last = i;
      for (; j < lines.length; j++) {
        const l = lines[j]!.trim();
        if (l === '') continue;
        if (markerOf(l) !== marker) break;
        items.push(l.replace(re, '').trim());
        last = j;
      }
      runs.push({ first: i, last, items, heading: headingAbove(lines, i), kind: 'marked' });
      i = last;
      continue;
    }
    if (IDENTIFIER.test(line) && !line.includes('|')) {
      const items: string[] = [];
      let j = i;
      for (; j < lines.length && IDENTIFIER.test(lines[j]!.trim()); j++) items.push(lines[j]!.trim());
      const names = items.filter((it) => !HEADER_WORD.test(it));
      if (names.length >= 2)
        runs.push({
          first: i,
          last: j - 1,
          items: names,
          heading: headingAbove(lines, i),
          kind: 'identifiers',
        });
      i = j - 1;
    }
  }
  return runs;
}

const DATE_CELL = /\d{4}\s*[年/.-]|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\/\d{1,2}\/\d{4}/u;
const RULE_LINE = /^[\s|:-]*-[\s|:-]*$/u;

/** The cells of one line of a pipe table, and whether the line opens a row (starts with |). */
function cellsOf(line: string): { cells: string[]; opens: boolean } {
  const t = line.trim();
  const opens = t.startsWith('|');
  // A bar alone on its line only ends the cell above it (a cell broken over lines).
  if (t === '|') return { cells: [], opens: false };
  const inner = t.replace(/^\|/u, '').replace(/\|$/u, '');
  return { cells: inner.split('|').map((c) => c.trim()), opens };
}

/**
 * Pipe tables: consecutive lines holding a |. The header is the lines above the |---| rule, else
 * the first line when it has two cells or more, else (a page that put every cell on a line of its
 * own) the cells before the first row's name, which is the cell before the first date.
 */
export function pipeTables(lines: string[]): Table[] {
  return tableBlocks(lines).flatMap(({ first, last }) => {
    const table = readTable(lines.slice(first, last + 1));
    return table
      ? [{ first, last, header: table.header, rows: table.rows.map((r) => r.map((c) => c.text)) }]
      : [];
  });
}

/**
 * Runs of consecutive lines holding a |, and a line of a cell broken over lines between two of
 * them (| 離線轉換支援異動 | / 2026 年 6 月 15 日起,… / | / 2026 年 6 月 15 日 | … |).
 */
function tableBlocks(lines: string[]): { first: number; last: number }[] {
  const blocks: { first: number; last: number }[] = [];
  const bar = (k: number) => lines[k]?.includes('|') === true;
  // …unless a new table starts below it (its header, then its |---| rule).
  const bridges = (k: number) =>
    bar(k - 1) && bar(k + 1) && lines[k]!.trim() !== '' && !RULE_LINE.test(lines[k + 2] ?? '');
  for (let i = 0; i < lines.length; i++) {
    if (!bar(i)) continue;
    let j = i;
    while (j < lines.length && (bar(j) || bridges(j))) j++;
    blocks.push({ first: i, last: j - 1 });
    i = j - 1;
  }
  return blocks;
}

/**
 * The column every cell of the text's pipe tables falls in, read once as pipeTables reads them (a
 * row broken over lines keeps its columns): ask with a line number and an offset in that line.
 */
export function tableColumns(
  lines: string[],
): (line: number, offset: number) => { column: string; header: string } {
  const at = new Map<string, { column: string; header: string }>();
  for (const block of tableBlocks(lines)) {
    const table = readTable(lines.slice(block.first, block.last + 1));
    if (!table) continue;
    const header = table.header.join(' | ');
    for (const row of table.rows)
      row.forEach((c, col) =>
        at.set(`${block.first + c.line}:${c.cell}`, { column: table.header[col] ?? '', header }),
      );
  }
  return (line, offset) => {
    const own = lines[line] ?? '';
    const bars = own.slice(0, offset).split('|').length - 1;
    const cell = bars - (own.trimStart().startsWith('|') ? 1 : 0);
    return at.get(`${line}:${cell}`) ?? { column: '', header: '' };
  };
}

interface Cell {
  text: string;
  /** Where the cell is: its line in the block and its place among that line's cells. */
  line: number;
  cell: number;
}

function readTable(block: string[]): { header: string[]; rows: Cell[][] } | null {
  const ruleAt = block.findIndex((l) => RULE_LINE.test(l));
  const parsed = block.map((l, line) => {
    const { cells, opens } = cellsOf(l);
    return { cells: cells.map((text, cell) => ({ text, line, cell })), opens };
  });
  let header: string[];
  let body: { cells: Cell[]; opens: boolean }[];
  if (ruleAt > 0) {
    header = parsed.slice(0, ruleAt).flatMap((p) => p.cells.map((c) => c.text));
    body = parsed.slice(ruleAt + 1);
  } else if (parsed[0]!.cells.length >= 2) {
    header = parsed[0]!.cells.map((c) => c.text);
    body = parsed.slice(1);
  } else {
    const stream = parsed.flatMap((p) => p.cells);
    const firstDate = stream.findIndex((c) => DATE_CELL.test(c.text));
    if (firstDate < 2) return null;
    header = stream.slice(0, firstDate - 1).map((c) => c.text);
    // The cells after the header, each line a cell; a line that opens with | opens a row.
    body = [];
    let count = 0;
    for (const p of parsed) {
      for (const c of p.cells) {
        if (count++ < header.length) continue;
        body.push({ cells: [c], opens: p.opens });
      }
    }
  }
  const width = header.length;
  if (width < 2) return null;
  // Rows: cells gathered until a row is full; a line that opens with | starts a new one.
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  for (const p of body) {
    if (RULE_LINE.test(p.cells.map((c) => c.text).join('|'))) continue;
    if (p.opens && row.length > 0) {
      rows.push(row);
      row = [];
    }
    for (const c of p.cells) {
      row.push(c);
      if (row.length === width) {
        rows.push(row);
        row = [];
      }
    }
  }
  if (row.some((c) => c.text !== '')) rows.push(row);
  return { header, rows };
}

// A line that ends a heading (…如下:) or holds a sentence: no cell of a table without bars.
const NOT_A_CELL = /[。,;:|]/u;

/**
 * Tables copied without their bars, one cell a line (Douyin's permission tables: 能力权限 /
 * Scope名称 / Scope): after a line ending in a colon, the header cells up to a lone header word
 * (Scope, API), then rows, each ending at its identifier line. A row with fewer cells shares its
 * first cells with the row above (merged cells): they are left empty.
 */
export function barlessTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/:\s*$/u.test(lines[i]!)) continue;
    const header: string[] = [];
    let j = i + 1;
    for (; j < lines.length && header.length < 6; j++) {
      const cell = lines[j]!.trim();
      if (cell === '' || NOT_A_CELL.test(cell)) break;
      header.push(cell);
      if (HEADER_WORD.test(cell)) break;
    }
    if (header.length < 2 || !HEADER_WORD.test(header[header.length - 1]!)) continue;
    const rows: string[][] = [];
    let row: string[] = [];
    let last = j;
    for (let k = j + 1; k < lines.length && row.length < header.length; k++) {
      const cell = lines[k]!.trim();
      if (cell === '' || NOT_A_CELL.test(cell)) break;
      row.push(cell);
      if (!IDENTIFIER.test(cell)) continue;
      rows.push([...Array<string>(header.length - row.length).fill(''), ...row]);
      row = [];
      last = k;
    }
    if (rows.length < 2) continue;
    tables.push({ first: i + 1, last, header, rows });
    i = last;
  }
  return tables;
}
