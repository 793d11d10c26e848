/**
 * A local OpenAI-compatible chat completions server for the calendar benchmark. Every answer comes
 * after a fixed latency (500 ms by default), and the server counts calls and tokens. Tokens are
 * estimated the same way for every request (4 characters per token over the messages in, and the
 * answer out), so both planners are measured with one ruler.
 *
 * - Structured requests named after a Growth Hub task are answered by the offline template writer
 *   (the same answer a capable model would give in shape and size).
 * - The seed planner's requests (`seed_content_plan`, caption and hashtag prompts) get answers of the
 *   size the seed asked for.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readTaskInput, templateModel } from '@growthhub/agents';
import { z } from 'zod';

export interface LlmServerStats {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  maxConcurrent: number;
}

export interface LlmServer {
  readonly baseURL: string;
  stats(): LlmServerStats;
  reset(): void;
  close(): Promise<void>;
}

const estimate = (text: string) => Math.ceil(text.length / 4);

export async function startLlmServer(latencyMs = 500): Promise<LlmServer> {
  const template = templateModel();
  let stats: LlmServerStats = { calls: 0, inputTokens: 0, outputTokens: 0, maxConcurrent: 0 };
  let inFlight = 0;
  const server = createServer(async (req, res) => {
    inFlight += 1;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
    try {
      const body = JSON.parse(await readBody(req)) as {
        model: string;
        messages: Array<{ role: string; content: string }>;
        response_format?: { type: string; json_schema?: { name: string } };
      };
      const content = await answer(body, template);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const inputTokens = estimate(body.messages.map((m) => m.content).join('\n'));
      const outputTokens = estimate(content);
      stats.calls += 1;
      stats.inputTokens += inputTokens;
      stats.outputTokens += outputTokens;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${stats.calls}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } },
          ],
          usage: {
            prompt_tokens: inputTokens,
            completion_tokens: outputTokens,
            total_tokens: inputTokens + outputTokens,
          },
        }),
      );
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
    } finally {
      inFlight -= 1;
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    stats: () => ({ ...stats }),
    reset: () => {
      stats = { calls: 0, inputTokens: 0, outputTokens: 0, maxConcurrent: 0 };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  body: { messages: Array<{ content: string }>; response_format?: { json_schema?: { name: string } } },
  template: ReturnType<typeof templateModel>,
): Promise<string> {
  const name = body.response_format?.json_schema?.name;
  const prompt = body.messages.at(-1)?.content ?? '';
  if (name !== undefined && template.taskNames.includes(name)) {
    const withInput = body.messages.find((m) => readTaskInput(m.content) !== undefined)?.content ?? prompt;
    const { object } = await template.generateObject({
      schema: z.unknown(),
      schemaName: name,
      prompt: withInput,
    });
    return JSON.stringify(object);
  }
  if (name === 'seed_content_plan') {
    const input = readTaskInput(prompt) as {
      slots: Array<{ day: number; slot: number; productTitle: string | null }>;
    };
    return JSON.stringify({
      posts: input.slots.map((slot) => ({
        day: slot.day,
        slot: slot.slot,
        topic: slot.productTitle
          ? `Spotlight on the ${slot.productTitle}`
          : 'Behind the scenes at the studio',
      })),
    });
  }
  if (prompt.startsWith('Suggest hashtags')) return '#handmade #ceramics #homeware #shopsmall #pottery';
  // A caption of the size the seed asked for (about 60 words).
  const topic = /about "([^"]+)"/u.exec(prompt)?.[1] ?? 'our latest piece';
  return `${topic}. Wheel-thrown in our studio, glazed by hand and made to be used every day. Every piece is a little different, and that is the point: it carries the marks of the hands that made it. Tap the link to see the whole collection and find the one that is yours.`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
