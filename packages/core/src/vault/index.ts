/**
 * The token vault: AES-256-GCM with a key ring and rotation. Tokens are sealed at rest and opened only
 * inside the call that needs them.
 *
 * @module
 */
export {
  createKeyRing,
  type EncryptionKeyInput,
  type KeyRing,
  type SealedBox,
  SealedBoxSchema,
} from './key-ring';
export { type AccountToken, AccountTokenSchema, type TokenSet, TokenSetSchema } from './token-set';
export {
  createTokenVault,
  type TokenOwner,
  type TokenVault,
  type TokenVaultOptions,
  type VaultRotationReport,
} from './token-vault';
export { VaultRecordError } from './vault-record-error';
