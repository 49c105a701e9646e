import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AttackerModel, loadSolver } from './attacker.js';
import {
  cellBase,
  cellValue,
  type DisclosureRules,
  type DisclosureTable,
  defaultRules,
  primaryReason,
  requiredWindow,
  type TableCell,
} from './model.js';
import { auditTable, protectTable } from './protect.js';

const highs = await loadSolver();

/**
 * A random survey-like table: atoms are the cross of A (2–4 levels) × B (2–3 levels), some empty;
 * published cells are the total, every A, every B and every A × B cell, as the breakdowns of one
 * indicator are.
 */
const tables = fc
  .record({
    a: fc.integer({ min: 2, max: 4 }),
    b: fc.integer({ min: 2, max: 3 }),
    seedAtoms: fc.array(
      fc.record({
        n: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 40 })),
        weight: fc.double({ min: 0.5, max: 30, noNaN: true }),
        p: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        width: fc.oneof(fc.constant(null), fc.double({ min: 0.05, max: 0.8, noNaN: true })),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    rules: fc.record({
      minRespondents: fc.integer({ min: 1, max: 20 }),
      maxIntervalWidth: fc.oneof(fc.constant(null), fc.double({ min: 0.2, max: 0.9, noNaN: true })),
      protection: fc.double({ min: 0.02, max: 0.3, noNaN: true }),
      protect: fc.constantFrom('primary' as const, 'all' as const),
    }),
    // the A × B cells published a second time under other names (as role and layer × role are the
    // same respondents): cells of the same atoms share one linear programme in protectTable
    twice: fc.boolean(),
  })
  .map(({ a, b, seedAtoms, rules, twice }) => {
    const atoms = [];
    const atomN: number[] = [];
    const width: Array<number | null> = [];
    for (let i = 0; i < a * b; i++) {
      const s = seedAtoms[i]!;
      // the base is the weighted number of respondents: none without respondents
      const base = s.n === 0 ? 0 : s.n * s.weight;
      atoms.push({ base, value: s.p * base });
      atomN.push(s.n);
      width.push(s.width);
    }
    const cell = (id: string, members: number[], widthOf: number | null): TableCell => {
      const n = members.reduce((t, j) => t + atomN[j]!, 0);
      return { id, atoms: members, n, intervalWidth: n === 0 ? null : widthOf };
    };
    const all = atoms.map((_, j) => j);
    const cells: TableCell[] = [cell('total', all, 0.1)];
    for (let i = 0; i < a; i++)
      cells.push(
        cell(
          `a=${i}`,
          all.filter((j) => Math.floor(j / b) === i),
          width[i * b]! === null ? null : width[i * b]! / 2,
        ),
      );
    for (let k = 0; k < b; k++)
      cells.push(
        cell(
          `b=${k}`,
          all.filter((j) => j % b === k),
          width[k]! === null ? null : width[k]! / 2,
        ),
      );
    for (let j = 0; j < a * b; j++) cells.push(cell(`a=${Math.floor(j / b)}&b=${j % b}`, [j], width[j]!));
    if (twice) for (let j = 0; j < a * b; j++) cells.push(cell(`ab=${j}`, [j], width[j]!));
    // a breakdown keeps only the cells that have respondents (as the estimates do)
    const table: DisclosureTable = { atoms, cells: cells.filter((c) => c.n > 0) };
    return { table, rules: rules as DisclosureRules };
  });

test('every suppressed cell keeps at least ± the protection an attacker cannot narrow', () => {
  fc.assert(
    fc.property(tables, ({ table, rules }) => {
      const decision = protectTable(highs, table, rules);
      // the audit recomputed independently of the heuristic's own model
      const audit = auditTable(highs, table, decision.suppressed, rules);
      const protectedCells = Object.entries(decision.suppressed).filter(
        ([, r]) => r !== 'complementary' || rules.protect === 'all',
      );
      assert.deepEqual(
        audit.map((a) => a.id),
        protectedCells.map(([id]) => id),
        'every primary cell (every suppressed cell under protect: all) is audited',
      );
      // the decision's own audit agrees with the fresh one
      assert.deepEqual(
        decision.audit.map((a) => a.id),
        audit.map((a) => a.id),
      );
      decision.audit.forEach((a, i) => {
        assert.ok(
          Math.abs(a.lower - audit[i]!.lower) < 1e-6 && Math.abs(a.upper - audit[i]!.upper) < 1e-6,
          a.id,
        );
      });
      for (const entry of audit) {
        const cell = table.cells.find((c) => c.id === entry.id)!;
        const base = cellBase(table, cell);
        const p = cellValue(table, cell) / base;
        const tol = 1e-9 + 1e-6 / base;
        assert.ok(
          entry.lower <= p + tol && p - tol <= entry.upper,
          `${entry.id}: the true value lies inside`,
        );
        assert.ok(
          entry.upper - entry.lower >= 2 * rules.protection - 2 * tol,
          `${entry.id}: at least 2P wide`,
        );
        assert.ok(
          entry.lower <= Math.max(0, p - rules.protection) + tol ||
            entry.lower <= 1 - 2 * rules.protection + tol,
          `${entry.id}: reaches down P (or as far as [0, 1] allows)`,
        );
        assert.ok(
          entry.upper >= Math.min(1, p + rules.protection) - tol || entry.upper >= 2 * rules.protection - tol,
          `${entry.id}: reaches up P (or as far as [0, 1] allows)`,
        );
        assert.ok(entry.ok);
      }
    }),
    { numRuns: 100 },
  );
});

test('no published cell breaks the thresholds', () => {
  fc.assert(
    fc.property(tables, ({ table, rules }) => {
      const decision = protectTable(highs, table, rules);
      for (const c of table.cells) {
        const reason = primaryReason(c, rules);
        if (reason) assert.equal(decision.suppressed[c.id], reason, `${c.id} is suppressed for ${reason}`);
        else
          assert.ok(decision.suppressed[c.id] === undefined || decision.suppressed[c.id] === 'complementary');
      }
    }),
    { numRuns: 100 },
  );
});

test('nothing is suppressed when no cell is below the thresholds', () => {
  fc.assert(
    fc.property(tables, ({ table, rules }) => {
      const lenient = { ...rules, minRespondents: 1, maxIntervalWidth: null };
      const decision = protectTable(highs, table, lenient);
      assert.deepEqual(decision.suppressed, {});
      assert.deepEqual(decision.audit, []);
    }),
    { numRuns: 50 },
  );
});

/**
 * The linear programme against a closed form: in a one-way table with its total published, the cells
 * of a suppressed set S share K = total − published cells, so s ∈ S lies in
 * [max(0, K − Σ_{t ∈ S∖s} W_t), min(W_s, K)] (Fréchet bounds).
 */
test('the attacker model finds the Fréchet bounds of a one-way table', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          base: fc.double({ min: 0.5, max: 100, noNaN: true }),
          p: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
          hidden: fc.boolean(),
        }),
        { minLength: 2, maxLength: 8 },
      ),
      (rows) => {
        const atoms = rows.map((r) => ({ base: r.base, value: r.p * r.base }));
        const cells: TableCell[] = [
          { id: 'total', atoms: atoms.map((_, j) => j), n: 100, intervalWidth: 0.1 },
          ...atoms.map((_, j) => ({ id: `c${j}`, atoms: [j], n: 20, intervalWidth: 0.1 })),
        ];
        const table = { atoms, cells };
        const model = new AttackerModel(highs, table);
        try {
          const hidden = rows.flatMap((r, j) => (r.hidden ? [j] : []));
          for (const j of hidden) model.setPublished(j + 1, false);
          const k = hidden.reduce((s, j) => s + atoms[j]!.value, 0);
          for (const j of hidden) {
            const others = hidden.filter((t) => t !== j).reduce((s, t) => s + atoms[t]!.base, 0);
            const lo = Math.max(0, k - others);
            const hi = Math.min(atoms[j]!.base, k);
            const tol = 1e-6 * Math.max(1, k);
            assert.ok(Math.abs(model.bound(j + 1, 'min').value - lo) <= tol, `min of c${j}`);
            assert.ok(Math.abs(model.bound(j + 1, 'max').value - hi) <= tol, `max of c${j}`);
          }
        } finally {
          model.dispose();
        }
      },
    ),
    { numRuns: 100 },
  );
});

test('one small cell of a breakdown takes the smallest sibling that protects it along', () => {
  // total 100; a=0 (n 4) is too small; its siblings a=1 (base 30) and a=2 (base 60)
  const atoms = [
    { base: 10, value: 5 },
    { base: 30, value: 12 },
    { base: 60, value: 30 },
  ];
  const cells: TableCell[] = [
    { id: 'total', atoms: [0, 1, 2], n: 80, intervalWidth: 0.1 },
    { id: 'a=0', atoms: [0], n: 4, intervalWidth: 0.3 },
    { id: 'a=1', atoms: [1], n: 26, intervalWidth: 0.3 },
    { id: 'a=2', atoms: [2], n: 50, intervalWidth: 0.2 },
  ];
  const decision = protectTable(highs, { atoms, cells }, { ...defaultRules, protect: 'all' });
  assert.deepEqual(decision.suppressed, { 'a=0': 'few-respondents', 'a=1': 'complementary' });
  // a=0 lies in [max(0, 17 − 30), min(10, 17)] / 10 = [0, 1]; a=1 in [(17 − 10) / 30, 17 / 30]
  const [a0, a1] = decision.audit;
  assert.deepEqual([a0!.lower, a0!.upper], [0, 1]);
  assert.ok(Math.abs(a1!.lower - 7 / 30) < 1e-9 && Math.abs(a1!.upper - 17 / 30) < 1e-9);
  assert.deepEqual(requiredWindow(0.4, 0.1), [0.30000000000000004, 0.5]);
});

test('a cell published twice under two names is suppressed under both', () => {
  // role "raadslid" and layer × role "gemeente × raadslid" are the same respondents
  const atoms = [
    { base: 8, value: 2 },
    { base: 40, value: 20 },
    { base: 52, value: 20 },
  ];
  const cells: TableCell[] = [
    { id: 'total', atoms: [0, 1, 2], n: 90, intervalWidth: 0.1 },
    { id: 'role=x', atoms: [0], n: 6, intervalWidth: 0.5 },
    { id: 'role=y', atoms: [1], n: 30, intervalWidth: 0.3 },
    { id: 'role=z', atoms: [2], n: 54, intervalWidth: 0.2 },
    { id: 'layer=l&role=x', atoms: [0], n: 6, intervalWidth: 0.5 },
    { id: 'group=g', atoms: [0, 1], n: 36, intervalWidth: 0.3 },
  ];
  const decision = protectTable(highs, { atoms, cells }, defaultRules);
  assert.equal(decision.suppressed['role=x'], 'few-respondents');
  assert.equal(decision.suppressed['layer=l&role=x'], 'few-respondents');
  // x = g − y = total − y − z: hiding y leaves x + y = g, x ∈ [max(0, 22 − 40), min(8, 22)] / 8
  assert.equal(decision.suppressed['role=y'], 'complementary');
  assert.deepEqual(
    decision.audit.map((a) => [a.id, a.lower, a.upper]),
    [
      ['role=x', 0, 1],
      ['layer=l&role=x', 0, 1],
    ],
  );
});

test('a hint is followed, and the audit still adds what it lacks', () => {
  const atoms = [
    { base: 10, value: 5 },
    { base: 30, value: 12 },
    { base: 60, value: 30 },
    { base: 40, value: 10 },
  ];
  const cells: TableCell[] = [
    { id: 'total', atoms: [0, 1, 2, 3], n: 120, intervalWidth: 0.1 },
    ...atoms.map((_, j) => ({ id: `a=${j}`, atoms: [j], n: j === 0 ? 4 : 30, intervalWidth: 0.3 })),
  ];
  // the hint hides a=3; a=0 is then protected by it, and a=1 stays
  const hinted = protectTable(highs, { atoms, cells }, defaultRules, ['a=3']);
  assert.deepEqual(hinted.suppressed, { 'a=0': 'few-respondents', 'a=3': 'complementary' });
  // a hint of a cell that does not exist changes nothing
  const none = protectTable(highs, { atoms, cells }, defaultRules, ['nothing']);
  assert.deepEqual(none.suppressed, { 'a=0': 'few-respondents', 'a=1': 'complementary' });
});

test('rules out of range are refused', () => {
  const table: DisclosureTable = { atoms: [{ base: 1, value: 0 }], cells: [] };
  assert.throws(() => protectTable(highs, table, { ...defaultRules, protection: 0.6 }), /protection/);
  assert.throws(() => protectTable(highs, table, { ...defaultRules, minRespondents: 0 }), /minRespondents/);
});
