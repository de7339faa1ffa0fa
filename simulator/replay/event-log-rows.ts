/**
 * The event log's two spellings, CSV with a header and JSON lines, read into the same rows.
 * What a row means is event-log.ts's job.
 */
import { z } from 'zod';
import { parseCsvLine } from './csv-line.js';
import { ReplayInputError } from './errors.js';

/** One row as written, before its time and value are read; other columns or fields are ignored. */
export const Row = z.object({
  time: z.union([z.string(), z.number()]),
  device: z.union([z.string().min(1), z.number()]).transform(String),
  value: z.union([z.boolean(), z.number(), z.string()]),
  duration: z.union([z.number(), z.string(), z.null()]).optional(),
});
export type Row = z.infer<typeof Row>;

export function csvRows(text: string, file: string): { row: Row; line: number }[] {
  const lines = text.split('\n').map((raw, i) => ({ text: raw.replace(/\r$/, ''), line: i + 1 }));
  const content = lines.filter((l) => l.text.trim() !== '' && !l.text.startsWith('#'));
  const header = content.shift();
  if (header === undefined) {
    throw new ReplayInputError(file, undefined, 'empty: expected a header time,device,value[,duration]');
  }
  const columns = parseCsvLine(header.text).map((c) => c.trim().toLowerCase());
  for (const needed of ['time', 'device', 'value']) {
    if (!columns.includes(needed)) {
      throw new ReplayInputError(file, header.line, `the header has no "${needed}" column`);
    }
  }
  return content.map(({ text: row, line }) => {
    const cells = parseCsvLine(row);
    if (cells.length !== columns.length) {
      throw new ReplayInputError(file, line, `${cells.length} fields, the header has ${columns.length}`);
    }
    const record = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    const parsed = Row.safeParse(record);
    if (!parsed.success) throw new ReplayInputError(file, line, z.prettifyError(parsed.error));
    return { row: parsed.data, line };
  });
}

export function jsonRows(text: string, file: string): { row: Row; line: number }[] {
  const out: { row: Row; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ReplayInputError(file, i + 1, 'not a JSON object');
    }
    const parsed = Row.safeParse(json);
    if (!parsed.success) throw new ReplayInputError(file, i + 1, z.prettifyError(parsed.error));
    out.push({ row: parsed.data, line: i + 1 });
  });
  return out;
}
