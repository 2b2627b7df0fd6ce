import { expect } from '@open-wc/testing';
import { aspectKey, compareRows, parseGroupIds, sidedItems, type CompareRow } from '../src/components/pros-cons/compare.js';
import type { ProsConsGroup } from '../src/core/schema.js';

const threading: ProsConsGroup = {
  id: 'threading',
  subject: 'Threading',
  pros: [
    { id: 't-io', text: 'Good for I/O', aspect: 'Best workload' },
    { id: 't-share', text: 'Shares memory', aspect: 'Data sharing' },
    { id: 't-light', text: 'Light to start' },
  ],
  cons: [
    { id: 't-gil', text: 'Limited by the GIL', aspect: 'Parallelism' },
    { id: 't-race', text: 'Race conditions', aspect: 'Safety' },
  ],
};
const multiprocessing: ProsConsGroup = {
  id: 'multiprocessing',
  subject: 'Multiprocessing',
  pros: [
    { id: 'm-par', text: 'True parallelism', aspect: 'parallelism' },
    { id: 'm-cpu', text: 'Good for CPU work', aspect: ' Best  workload ' },
  ],
  cons: [
    { id: 'm-ser', text: 'Data must be serialized', aspect: 'Data sharing' },
    { id: 'm-over', text: 'Heavy to start', aspect: 'Overhead' },
    { id: 'm-mem', text: 'Uses more memory' },
  ],
};

/** A row as ids per column: easy to read in a failing assertion. */
const ids = (row: CompareRow) => row.cells.map((cell) => cell.map(({ item, side }) => `${side}:${item.id}`));

describe('pros/cons compare rows', () => {
  it('puts items with the same aspect on one row, pros and cons alike', () => {
    const rows = compareRows([threading, multiprocessing]);
    const parallelism = rows.find((row) => row.key === 'parallelism')!;
    expect(ids(parallelism)).to.deep.equal([['con:t-gil'], ['pro:m-par']]);
    const sharing = rows.find((row) => row.key === 'data sharing')!;
    expect(ids(sharing)).to.deep.equal([['pro:t-share'], ['con:m-ser']]);
  });

  it('orders aspect rows by first appearance and labels them with the first spelling', () => {
    const rows = compareRows([threading, multiprocessing]);
    const aspects = rows.filter((row) => row.kind === 'aspect').map((row) => (row.kind === 'aspect' ? row.label : ''));
    expect(aspects).to.deep.equal(['Best workload', 'Data sharing', 'Parallelism', 'Safety', 'Overhead']);
  });

  it('matches aspects regardless of case and spacing', () => {
    expect(aspectKey(' Best  workload ')).to.equal(aspectKey('best workload'));
    const workload = compareRows([threading, multiprocessing]).find((row) => row.key === 'best workload')!;
    expect(ids(workload)).to.deep.equal([['pro:t-io'], ['pro:m-cpu']]);
  });

  it('leaves a cell empty when a group says nothing about an aspect', () => {
    const rows = compareRows([threading, multiprocessing]);
    expect(ids(rows.find((row) => row.key === 'safety')!)).to.deep.equal([['con:t-race'], []]);
    expect(ids(rows.find((row) => row.key === 'overhead')!)).to.deep.equal([[], ['con:m-over']]);
  });

  it('lists items without an aspect after the aspect rows: other pros, then other cons', () => {
    const rows = compareRows([threading, multiprocessing]);
    const last = rows.slice(-2);
    expect(last.map((row) => row.key)).to.deep.equal(['other-pro', 'other-con']);
    expect(ids(last[0]!)).to.deep.equal([['pro:t-light'], []]);
    expect(ids(last[1]!)).to.deep.equal([[], ['con:m-mem']]);
    expect(rows.slice(0, -2).every((row) => row.kind === 'aspect')).to.be.true;
  });

  it('has no "other" rows when every item has an aspect', () => {
    const rows = compareRows([
      { ...threading, pros: threading.pros.filter((item) => item.aspect) },
      { ...multiprocessing, cons: multiprocessing.cons.filter((item) => item.aspect) },
    ]);
    expect(rows.some((row) => row.kind === 'other')).to.be.false;
  });

  it('keeps several items of one group with the same aspect in one cell, pros first', () => {
    const group: ProsConsGroup = {
      id: 'g',
      subject: 'G',
      pros: [{ id: 'a', text: 'A', aspect: 'Speed' }],
      cons: [
        { id: 'b', text: 'B', aspect: 'speed' },
        { id: 'c', text: 'C', aspect: 'Speed' },
      ],
    };
    const rows = compareRows([group, multiprocessing]);
    expect(ids(rows[0]!)).to.deep.equal([['pro:a', 'con:b', 'con:c'], []]);
  });

  it('places every item exactly once, in the column of its group', () => {
    const groups = [threading, multiprocessing];
    const rows = compareRows(groups);
    groups.forEach((group, column) => {
      const placed = rows.flatMap((row) => row.cells[column]!.map(({ item }) => item.id)).sort();
      expect(placed).to.deep.equal(sidedItems(group).map(({ item }) => item.id).sort());
    });
  });

  it('reads group ids separated by spaces or commas, in order, once each', () => {
    expect(parseGroupIds('threading multiprocessing')).to.deep.equal(['threading', 'multiprocessing']);
    expect(parseGroupIds(' b, a,,b\n c ')).to.deep.equal(['b', 'a', 'c']);
    expect(parseGroupIds('')).to.deep.equal([]);
  });

  it('handles groups with no items and no groups at all', () => {
    expect(compareRows([])).to.deep.equal([]);
    expect(compareRows([{ id: 'empty', subject: 'Empty', pros: [], cons: [] }])).to.deep.equal([]);
  });
});
