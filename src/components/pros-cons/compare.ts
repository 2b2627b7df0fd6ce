/**
 * Compare view logic: lines the items of several pros/cons groups up into
 * rows by `aspect`, so a reader compares like with like ("Parallelism:
 * limited by the GIL | true parallelism on many cores").
 *
 * An aspect row mixes pros and cons: the same aspect is often a pro of one
 * subject and a con of the other, and that contrast is the point of the view.
 */
import type { ProConItem, ProsConsGroup } from '../../core/schema.js';

export type Side = 'pro' | 'con';

/** An item together with the list it came from. */
export interface SidedItem {
  item: ProConItem;
  side: Side;
}

/** One row of the comparison: one cell per group, in the order the groups were given. */
export type CompareRow =
  | { kind: 'aspect'; key: string; label: string; cells: SidedItem[][] }
  | { kind: 'other'; key: string; side: Side; cells: SidedItem[][] };

/** Ids in a `groups` attribute: separated by spaces and/or commas, duplicates dropped, order kept. */
export const parseGroupIds = (value: string): string[] => [...new Set(value.split(/[\s,]+/).filter(Boolean))];

/** How aspects are matched: "Parallelism", " parallelism " and "PARALLELISM" are one aspect. */
export function aspectKey(aspect: string): string {
  return aspect.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** A group's items, pros first, each with its side. */
export function sidedItems(group: ProsConsGroup): SidedItem[] {
  return [
    ...group.pros.map((item): SidedItem => ({ item, side: 'pro' })),
    ...group.cons.map((item): SidedItem => ({ item, side: 'con' })),
  ];
}

/**
 * The rows of the comparison. Aspect rows come first, in the order each
 * aspect first appears (group by group, pros before cons), labelled with
 * that first spelling. Items without an aspect follow in two rows, "other
 * pros" and "other cons", present only when some group has such items.
 * Within a cell, pros come before cons and the lesson's order is kept.
 */
export function compareRows(groups: readonly ProsConsGroup[]): CompareRow[] {
  const emptyCells = () => groups.map((): SidedItem[] => []);
  const aspectRows = new Map<string, Extract<CompareRow, { kind: 'aspect' }>>();
  const others: Record<Side, SidedItem[][]> = { pro: emptyCells(), con: emptyCells() };

  groups.forEach((group, column) => {
    for (const sided of sidedItems(group)) {
      const aspect = sided.item.aspect?.trim();
      if (!aspect) {
        others[sided.side][column]!.push(sided);
        continue;
      }
      const key = aspectKey(aspect);
      let row = aspectRows.get(key);
      if (!row) {
        row = { kind: 'aspect', key, label: aspect, cells: emptyCells() };
        aspectRows.set(key, row);
      }
      row.cells[column]!.push(sided);
    }
  });

  const rows: CompareRow[] = [...aspectRows.values()];
  for (const side of ['pro', 'con'] as const) {
    const cells = others[side];
    if (cells.some((cell) => cell.length)) rows.push({ kind: 'other', key: `other-${side}`, side, cells });
  }
  return rows;
}
