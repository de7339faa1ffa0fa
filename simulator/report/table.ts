/** Plain-text tables for terminal reports: the first column left-aligned, numbers right-aligned. */

export type Cell = string | number;

/** Numbers with thousands separators and at most `decimals` decimals. */
export function num(value: number, decimals = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/** Rows of cells as aligned lines, two spaces between columns, indented by `indent`. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[], indent = '  '): string[] {
  const text = [header, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? num(cell) : cell)));
  const columns = Math.max(...text.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...text.map((row) => (row[c] ?? '').length)));
  const numeric = Array.from({ length: columns }, (_, c) => c > 0 && rows.every((row) => typeof row[c] !== 'string'));
  return text.map((row) =>
    `${indent}${row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')}`.trimEnd(),
  );
}
