/**
 * What an attacker can derive from a published table, as a linear programme solved by HiGHS (the
 * `highs` package: the HiGHS solver compiled to WebAssembly; docs/decisions/0004-lp-solver-highs.md).
 *
 * Variables: the weighted count y_j of every atom, 0 ≤ y_j ≤ W_j (every weighted base is taken as
 * known). Constraints: Σ_{j ∈ c} y_j = Y_c for every published cell c. The derivable interval of a
 * suppressed cell s is [min, max] of Σ_{j ∈ s} y_j over that polytope, divided by its base W_s.
 * One model per table; publishing or suppressing a cell only changes the bounds of its row.
 */
import highsLoader, { type Highs, type Model } from 'highs';
import { cellBase, cellValue, type DisclosureTable } from './model.js';

let loading: Promise<Highs> | undefined;

/** The solver, loaded once per process (its WebAssembly module is compiled on first use). */
export function loadSolver(): Promise<Highs> {
  // The package's types describe its CommonJS build; under ESM the default import is the loader itself.
  const load = highsLoader as unknown as typeof highsLoader.default;
  loading ??= load();
  return loading;
}

export interface Bound {
  /** Bound on the cell's weighted count. */
  value: number;
  /** Published cells whose constraints hold the bound where it is (nonzero row duals). */
  binding: number[];
}

export class AttackerModel {
  private readonly model: Model;
  private readonly published: boolean[];
  readonly values: number[];
  readonly bases: number[];

  constructor(
    private readonly highs: Highs,
    private readonly table: DisclosureTable,
  ) {
    const m = highs.createModel();
    this.model = m;
    // tiny programmes solved many times: presolve costs more than it saves
    m.options.set({ output_flag: false, random_seed: 0, presolve: 'off' });
    const n = table.atoms.length;
    m.addVars(
      Float64Array.from({ length: n }, () => 0),
      Float64Array.from(table.atoms, (a) => a.base),
    );
    this.values = table.cells.map((c) => cellValue(table, c));
    this.bases = table.cells.map((c) => cellBase(table, c));
    table.cells.forEach((c, i) => {
      const indices = [...c.atoms].sort((a, b) => a - b);
      m.addRow(this.values[i]!, this.values[i]!, { indices, values: indices.map(() => 1) });
    });
    this.published = table.cells.map(() => true);
  }

  /** Publishes or suppresses a cell (its constraint holds or is dropped). */
  setPublished(cell: number, published: boolean): void {
    if (this.published[cell] === published) return;
    this.published[cell] = published;
    const v = this.values[cell]!;
    if (published) this.model.changeRowBounds(cell, v, v);
    else this.model.changeRowBounds(cell, -this.highs.infinity, this.highs.infinity);
  }

  isPublished(cell: number): boolean {
    return this.published[cell]!;
  }

  /** The smallest or largest weighted count of a cell consistent with everything published. */
  bound(cell: number, sense: 'min' | 'max'): Bound {
    const m = this.model;
    const atoms = this.table.cells[cell]!.atoms;
    const costs = new Float64Array(this.table.atoms.length);
    for (const j of atoms) costs[j] = 1;
    m.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    m.changeObjectiveSense(
      sense === 'min'
        ? this.highs.constants.objectiveSense.minimize
        : this.highs.constants.objectiveSense.maximize,
    );
    const r = m.run();
    if (r.modelStatus !== this.highs.constants.modelStatus.optimal)
      throw new Error(`disclosure audit: the attacker's linear programme ended with status ${r.modelStatus}`);
    const value = m.getObjectiveValue();
    const duals = m.getSolution().rowDual;
    const scale = Math.max(1, this.bases[cell]!);
    const binding: number[] = [];
    duals.forEach((d, i) => {
      if (this.published[i] && Math.abs(d) > 1e-9 * scale) binding.push(i);
    });
    return { value, binding };
  }

  dispose(): void {
    this.model.dispose();
  }
}
