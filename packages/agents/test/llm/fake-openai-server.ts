import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completions request the fake server received. */
export interface RecordedChatRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    [key: string]: unknown;
  };
}

/** What the fake answers to one request. */
export interface FakeChatAnswer {
  /** The assistant message content. */
  readonly content?: string;
  readonly refusal?: string;
  /** An HTTP error status instead of a completion. */
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly usage?: { prompt_tokens: number; completion_tokens: number };
  readonly delayMs?: number;
}

/** A local OpenAI-compatible chat completions server on 127.0.0.1 for tests. */
export interface FakeOpenAIServer {
  /** `http://127.0.0.1:PORT/v1` */
  readonly baseURL: string;
  readonly requests: RecordedChatRequest[];
  close(): Promise<void>;
}

/** Starts a fake that answers `POST /v1/chat/completions` with `answer(request, index)`. */
export async function startFakeOpenAIServer(
  answer: (request: RecordedChatRequest, index: number) => FakeChatAnswer | Promise<FakeChatAnswer>,
): Promise<FakeOpenAIServer> {
  const requests: RecordedChatRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}');
    const request: RecordedChatRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body,
    };
    requests.push(request);
    const reply = await answer(request, requests.length - 1);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.status !== undefined && reply.status >= 400) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify({
          error: { message: `fake error ${reply.status}`, type: 'fake', code: 'fake_error' },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: reply.content ?? null, refusal: reply.refusal ?? null },
          },
        ],
        usage: {
          ...(reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 }),
          total_tokens: (reply.usage?.prompt_tokens ?? 10) + (reply.usage?.completion_tokens ?? 5),
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
