/** Plain-text and Markdown tables for the benchmark's report. Pure; unit-tested in tests/bench/. */

export type Cell = string | number | undefined;

/** A number for people: thousands separated, `digits` decimals; NaN and undefined are "–". */
export function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function text(cell: Cell): string {
  if (typeof cell === 'number') return fmt(cell);
  return cell ?? '–';
}

/** Columns padded to their widest cell; numbers and "–" right-aligned, text left-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const all = [header.map(text), ...rows.map((row) => header.map((_, i) => text(row[i])))];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] as string).length)));
  const numeric = (s: string) => /^[-–+]?[\d,.]+( ?[a-zA-Z%×/]+)?$|^–$/.test(s);
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        numeric(cell) && i > 0 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0] as string[]), rule, ...all.slice(1).map(line)].join('\n');
}

/** The same rows as a GitHub Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  return [
    line(header.map(text)),
    line(header.map(() => '---')),
    ...rows.map((row) => line(header.map((_, i) => text(row[i])))),
  ].join('\n');
}
