export type { AdapterCheck } from './adapter-checks';
export type {
  ConformanceFixture,
  ConformancePostTemplate,
  ConformanceSession,
  PlatformConformanceHarness,
} from './harness';
export type {
  NamedAdapterCheck,
  NamedSessionCheck,
  PlatformConformanceOptions,
} from './run-platform-conformance';
export { platformConformanceChecks, runPlatformConformance } from './run-platform-conformance';
export type { SessionCheck } from './social-checks';
export { expectSecretFree, publishAndSettle } from './social-checks';
