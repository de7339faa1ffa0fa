/**
 * A card holding a table under its heading: the table scrolls sideways inside the card on a
 * narrow screen, so the page itself never does.
 */
import type { ComponentChildren } from 'preact';

export interface CardTableProps {
  /** The heading's id, which names the card for screen readers. */
  id: string;
  heading: string;
  columns: readonly string[];
  /** Extra classes of the table (`data-table` always). */
  tableClass?: string;
  /** Shown between the heading and the table (a save message). */
  before?: ComponentChildren;
  /** The table's rows. */
  children: ComponentChildren;
}

export function CardTable({ id, heading, columns, tableClass, before, children }: CardTableProps) {
  return (
    <section class="card" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {before}
      <div class="table-scroll">
        <table class={tableClass === undefined ? 'data-table' : `data-table ${tableClass}`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}
