/** What the integrity services take besides the database: the clock and the argon2id costs. */

import { PASSPHRASE_KDF } from './crypto/handler-keys.js';
import { type KdfParams, RECEIPT_KDF, TEST_KDF } from './crypto/receipt.js';
import { type Clock, systemClock } from './deadlines.js';

export interface IntegrityOptions {
  clock: Clock;
  /** Costs for new channels' receipt codes and newly sealed handler keys (stored with what they protect). */
  receiptKdf: KdfParams;
  passphraseKdf: KdfParams;
}

export const productionOptions: IntegrityOptions = {
  clock: systemClock,
  receiptKdf: RECEIPT_KDF,
  passphraseKdf: PASSPHRASE_KDF,
};

/** Under NODE_ENV=test new keys use the cheapest argon2id parameters (the same code path). */
export const optionsFor = (nodeEnv: string): IntegrityOptions =>
  nodeEnv === 'test'
    ? { clock: systemClock, receiptKdf: TEST_KDF, passphraseKdf: TEST_KDF }
    : productionOptions;
