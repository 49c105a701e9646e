/**
 * A report's key and everything sealed with it. Each report has its own random 256-bit key; every
 * field (content, identity, each message) is sealed with AES-256-GCM under a sub-key for its kind and
 * bound to the report id, so ciphertexts cannot be moved between reports or fields. The identity of a
 * confidential reporter has its own sub-key (HKDF 'report:identity'), so a later change can give it a
 * separate custodian without touching the rest.
 */
import { deriveKey, newSymmetricKey, openBytes, openText, sealBytes, sealText } from './aead.js';
import { type RawKeyPair, unwrapWith, wrapFor } from './asymmetric.js';

export type SealedField =
  | 'content'
  | 'identity'
  | 'message'
  | 'note'
  | 'attachment'
  | 'attachment-data'
  | 'signature';

export const newReportKey = newSymmetricKey;

const fieldKey = (reportKey: Uint8Array, field: SealedField) => deriveKey(reportKey, `report:${field}`);
const fieldContext = (reportId: string, field: SealedField, itemId = '') =>
  `report:${reportId}:${field}:${itemId}`;

export const sealField = (
  reportKey: Uint8Array,
  reportId: string,
  field: SealedField,
  text: string,
  itemId = '',
) => sealText(fieldKey(reportKey, field), text, fieldContext(reportId, field, itemId));

export const openField = (
  reportKey: Uint8Array,
  reportId: string,
  field: SealedField,
  sealed: string,
  itemId = '',
) => openText(fieldKey(reportKey, field), sealed, fieldContext(reportId, field, itemId));

/** An attachment's bytes, under their own sub-key, bound to the report and the attachment. */
export const sealFieldBytes = (
  reportKey: Uint8Array,
  reportId: string,
  field: SealedField,
  data: Uint8Array,
  itemId: string,
) => sealBytes(fieldKey(reportKey, field), data, fieldContext(reportId, field, itemId));

export const openFieldBytes = (
  reportKey: Uint8Array,
  reportId: string,
  field: SealedField,
  sealed: string,
  itemId: string,
) => openBytes(fieldKey(reportKey, field), sealed, fieldContext(reportId, field, itemId));

/** The report key wrapped for one handler key. */
export const wrapReportKeyFor = (
  handlerEncryptionPublic: Uint8Array,
  reportKey: Uint8Array,
  reportId: string,
  handlerKeyId: string,
) => wrapFor(handlerEncryptionPublic, reportKey, `report-key:${reportId}:${handlerKeyId}`);

export const unwrapReportKey = (
  handlerEncryption: RawKeyPair,
  wrapped: string,
  reportId: string,
  handlerKeyId: string,
) => unwrapWith(handlerEncryption, wrapped, `report-key:${reportId}:${handlerKeyId}`);

/** The report key under the key derived from the receipt code (see receipt.ts). */
export const wrapReportKeyForReceipt = (
  receiptWrappingKey: Uint8Array,
  reportKey: Uint8Array,
  reportId: string,
) => sealBytes(receiptWrappingKey, reportKey, `receipt:${reportId}`);

export const unwrapReportKeyWithReceipt = (
  receiptWrappingKey: Uint8Array,
  wrapped: string,
  reportId: string,
) => openBytes(receiptWrappingKey, wrapped, `receipt:${reportId}`);
