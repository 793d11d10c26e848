/**
 * Stores: the {@link Store} contract's implementations on keyv (memory, an embedded file and any keyv
 * adapter; Redis lives in `@growthhub/core/redis`), the connection repository, and store locks.
 *
 * @module
 */
export { connectionRepository } from './connection-repository';
export { type FileStoreOptions, fileStore } from './file-store';
export { type KeyvCompatibleAdapter, type KeyvStoreOptions, keyvStore } from './keyv-store';
export { memoryStore } from './memory-store';
export { collectPaged, eachPaged, type PageReader } from './paged-listing';
export { type LockScopeOptions, type LockSource, LockUnavailableError, withStoreLock } from './store-lock';
