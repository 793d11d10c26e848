import { runPlatformConformance } from '@growthhub/core/testing';
import { x } from '../src/index';
import { CONFORMANCE_CONSUMER_SECRET, xConformanceHarness } from '../src/testing/index';

runPlatformConformance({
  adapter: x({
    clientId: 'growthhub-x-client',
    clientSecret: 'growthhub-x-secret',
    redirectUri: 'https://app.example/callback/x',
    consumerSecret: CONFORMANCE_CONSUMER_SECRET,
  }),
  harness: xConformanceHarness(),
});
