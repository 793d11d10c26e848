/**
 * HTTP kernel overhead benchmark: sequential GETs against one local HTTP server, through bare `fetch`, ky
 * alone (a reference row: the kernel used ky until it was replaced by its own fetch transport) and
 * `createHttpClient` (without and with a rate-limit bucket far too wide to throttle), interleaved in rounds
 * in one process. Prints a table and the ratio of median per-call times, and writes RESULTS.md beside itself.
 *
 * Usage: pnpm --filter @growthhub/bench run http-overhead [-- --calls 2000 --rounds 20 --warmup 2000]
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createHttpClient, createRateLimiter } from '@growthhub/core';
import ky from 'ky';

const calls = numberArgument('--calls', 2_000);
const rounds = numberArgument('--rounds', 20);
// Long enough for V8 to finish optimising the kernel's code on a busy machine; 300 calls were not.
const warmupCalls = numberArgument('--warmup', 2_000);
const perRound = Math.ceil(calls / rounds);

const body = JSON.stringify({
  id: '1460323737035677698',
  text: 'hello',
  created_at: '2026-01-01T00:00:00.000Z',
});
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const rateLimiter = createRateLimiter({
  rules: [{ platform: 'bench', bucket: 'api', limit: 1_000_000, intervalMs: 1_000 }],
});
const http = createHttpClient({ platform: 'bench', baseUrl, rateLimiter });
const httpWithoutLimiter = createHttpClient({ platform: 'bench', baseUrl });
const rateLimit = { platform: 'bench', accountId: 'account-1', bucket: 'api' };

type Variant = { name: string; call: () => Promise<unknown> };
const bare: Variant = {
  name: 'bare fetch',
  call: async () => {
    const response = await fetch(`${baseUrl}/2/tweets/1`);
    return response.json();
  },
};
/** What the kernel's transport used to be, with the settings it used; kept to show why ky was dropped. */
const kyAlone: Variant = {
  name: 'ky alone (retry: 0; the old transport, reference)',
  call: async () => {
    const response = await ky(`${baseUrl}/2/tweets/1`, { retry: 0, throwHttpErrors: false, timeout: 30_000 });
    return response.json();
  },
};
const kernelWithoutLimiter: Variant = {
  name: 'kernel, no rate-limit key',
  call: async () => (await httpWithoutLimiter.request({ url: '2/tweets/1' })).data,
};
const kernel: Variant = {
  name: 'kernel with a rate-limit key (p-queue bucket)',
  call: async () => (await http.request({ url: '2/tweets/1', rateLimit })).data,
};

async function runBatch(variant: Variant, count: number, into: number[]): Promise<void> {
  for (let index = 0; index < count; index++) {
    const startedAt = performance.now();
    await variant.call();
    into.push(performance.now() - startedAt);
  }
}

/**
 * Times `variants` in interleaved rounds after a warm-up. The order changes every round so that no variant
 * always runs on a warmer (or noisier) machine, nor always right after the same variant (whose garbage it
 * would collect).
 */
async function measure(variants: readonly Variant[]): Promise<Map<Variant, number[]>> {
  const samples = new Map<Variant, number[]>(variants.map((variant) => [variant, []]));
  for (const variant of variants) await runBatch(variant, warmupCalls, []);
  const orders = balancedOrders(variants.length);
  for (let round = 0; round < rounds; round++) {
    const order = orders[round % orders.length]!.map((index) => variants[index]!);
    for (const variant of order) await runBatch(variant, perRound, samples.get(variant)!);
  }
  return samples;
}

// The kernel is measured first, without ky in the heap: ky leaves garbage (signals with weak references)
// that slows down whatever runs after it, and the kernel no longer ships with ky.
const samples = await measure([bare, kernelWithoutLimiter, kernel]);
const referenceSamples = await measure([bare, kyAlone]);
await new Promise<void>((resolve) => server.close(() => resolve()));

const bareStats = statistics(samples.get(bare)!);
const withoutLimiterStats = statistics(samples.get(kernelWithoutLimiter)!);
const kernelStats = statistics(samples.get(kernel)!);
const kyStats = statistics(referenceSamples.get(kyAlone)!);
const referenceBareStats = statistics(referenceSamples.get(bare)!);
const ratio = kernelStats.median / bareStats.median;
const kyRatio = kyStats.median / referenceBareStats.median;
const withoutLimiterRatio = withoutLimiterStats.median / bareStats.median;
const target = 1.3;
const us = (ms: number) => (ms * 1000).toFixed(0);

const table = [
  '| variant | calls | median (µs) | mean (µs) | p90 (µs) | p99 (µs) |',
  '|---|---:|---:|---:|---:|---:|',
  row(bare.name, bareStats),
  row(kernelWithoutLimiter.name, withoutLimiterStats),
  row(kernel.name, kernelStats),
  row(`${bare.name} (reference run)`, referenceBareStats),
  row(kyAlone.name, kyStats),
].join('\n');
const verdict = `Ratio (median per call, kernel with a rate-limit key / bare): **${ratio.toFixed(2)}x** (target <= ${target}x: ${ratio <= target ? 'met' : 'NOT met'})`;
const breakdown = [
  `- added median overhead: ${us(kernelStats.median - bareStats.median)} µs per call, of which:`,
  `  - ${us(withoutLimiterStats.median - bareStats.median)} µs without a rate-limit key (${withoutLimiterRatio.toFixed(2)}x bare): the attempt's`,
  '    `AbortController` and timeout timer (undici does extra work for every request given a signal), URL',
  '    building, JSON parsing, error mapping;',
  `  - ${us(kernelStats.median - withoutLimiterStats.median)} µs in the rate-limit bucket (its p-queue).`,
  `- ky alone / bare fetch, in the reference run: ${kyRatio.toFixed(2)}x (why ky was dropped: it builds and clones`,
  '  a `Request` and combines `AbortSignal`s on every call).',
].join('\n');

console.log(table);
console.log(`\n${verdict}\n${breakdown}`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const results = `# HTTP kernel overhead — results

Generated by \`pnpm --filter @growthhub/bench run http-overhead\` on ${new Date().toISOString()}.

- Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM
- ${samples.get(bare)!.length} sequential GETs per variant against one local HTTP server in the same process
  (keep-alive, ${Buffer.byteLength(body)}-byte JSON), in ${rounds} interleaved rounds of ${perRound} (order varying),
  after ${warmupCalls} warm-up calls each
- reference run, after the kernel's: bare fetch and ky alone (ky with the settings the kernel used while ky
  was its transport, and nothing else), timed the same way
- kernel, no rate-limit key: \`createHttpClient\` with JSON parsing, default retry settings and 30 s timeout
- kernel with a rate-limit key: the same with a rate limiter whose bucket allows 1,000,000 calls/s
  (never throttles, but every call goes through its p-queue)

${table}

${verdict}

${breakdown}

Numbers come from a shared machine; compare the ratios, not the absolute times. See README.md for how to
read them.
`;
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), results);

interface Statistics {
  count: number;
  median: number;
  mean: number;
  p90: number;
  p99: number;
}

function statistics(values: number[]): Statistics {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return {
    count: sorted.length,
    median: at(0.5),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p90: at(0.9),
    p99: at(0.99),
  };
}

function row(name: string, stats: Statistics): string {
  return `| ${name} | ${stats.count} | ${us(stats.median)} | ${us(stats.mean)} | ${us(stats.p90)} | ${us(stats.p99)} |`;
}

/**
 * Orders of `count` variants (as indexes) in which every variant runs in every position and right after
 * every other variant equally often: a Williams design (for an odd count, a square and its mirror).
 */
function balancedOrders(count: number): number[][] {
  const first: number[] = [];
  for (let step = 0; first.length < count; step++) {
    first.push(step % 2 === 0 ? step / 2 : count - (step + 1) / 2);
  }
  const square = first.map((_unused, shift) => first.map((index) => (index + shift) % count));
  return count % 2 === 0 ? square : [...square, ...square.map((order) => [...order].reverse())];
}

function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
