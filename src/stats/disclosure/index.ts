/** Disclosure control (pure): rules, primary and complementary suppression, and the audit. */
export { AttackerModel, loadSolver } from './attacker.js';
export {
  type CountCell,
  type CountDecision,
  type CountReason,
  type CountRelation,
  type CountRules,
  countOf,
  defaultCountRules,
  primaryCountReason,
  protectCounts,
  validateCountRules,
} from './counts.js';
export {
  type Atom,
  type AuditEntry,
  cellBase,
  cellValue,
  type DisclosureDecision,
  type DisclosureRules,
  type DisclosureTable,
  defaultRules,
  primaryReason,
  requiredWindow,
  type SuppressionReason,
  type TableCell,
  validateRules,
} from './model.js';
export { auditTable, protectTable } from './protect.js';
