import type { GrowthEngine, StoreCatalog } from '@growthhub/agents';
import type { Logger, PlatformAdapter } from '@growthhub/core';
import type { HostMode } from './settings';
import type { TenantRecords } from './tenancy/tenant-records';

/** What the routes share: the engine and the host's own pieces around it. */
export interface HostContext {
  readonly engine: GrowthEngine;
  readonly catalog: StoreCatalog;
  readonly records: TenantRecords;
  /** The platform adapters the engine was given. */
  readonly platforms: readonly PlatformAdapter[];
  readonly mode: HostMode;
  /** Where browsers reach the app, without a trailing slash. */
  readonly publicUrl: string;
  readonly logger: Logger;
  /** Every secret the host holds, redacted once more from anything it answers with. */
  readonly knownSecrets: readonly string[];
}

/** The OAuth callback URL of a platform, as registered in its developer app. */
export function callbackUrl(publicUrl: string, platform: string): string {
  return `${publicUrl}/connect/${platform}/callback`;
}
