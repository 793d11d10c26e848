import { ConfigError, PlatformApiError, RateLimitError, ValidationError } from '@growthhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openaiModel } from '../../src/llm/index';
import { type FakeOpenAIServer, startFakeOpenAIServer } from './fake-openai-server';

const Caption = z.strictObject({ caption: z.string().max(40), hashtags: z.array(z.string()) });

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('openaiModel', () => {
  it('sends the zod schema as a strict JSON Schema response format and returns the parsed object', async () => {
    server = await startFakeOpenAIServer(() => ({
      content: JSON.stringify({ caption: 'Fresh mugs are in', hashtags: ['Ceramics'] }),
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    }));
    const model = openaiModel({ model: 'gpt-test', apiKey: 'sk-test-123', baseURL: server.baseURL });

    const result = await model.generateObject({
      schema: Caption,
      schemaName: 'caption',
      system: 'You write captions.',
      prompt: 'Write one.',
    });

    expect(result.object).toEqual({ caption: 'Fresh mugs are in', hashtags: ['Ceramics'] });
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.authorization).toBe('Bearer sk-test-123');
    expect(request.body.model).toBe('gpt-test');
    expect(request.body.messages).toEqual([
      { role: 'system', content: 'You write captions.' },
      { role: 'user', content: 'Write one.' },
    ]);
    expect(request.body.response_format?.type).toBe('json_schema');
    expect(request.body.response_format?.json_schema?.name).toBe('caption');
    expect(request.body.response_format?.json_schema?.strict).toBe(true);
    expect(request.body.response_format?.json_schema?.schema).toMatchObject({
      type: 'object',
      required: ['caption', 'hashtags'],
      additionalProperties: false,
    });
  });

  it('sends invalid output back with its problems and returns the repaired answer, summing usage', async () => {
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0
        ? {
            content: JSON.stringify({ caption: 'x'.repeat(60), hashtags: [] }),
            usage: { prompt_tokens: 100, completion_tokens: 20 },
          }
        : {
            content: JSON.stringify({ caption: 'Short and sweet', hashtags: [] }),
            usage: { prompt_tokens: 150, completion_tokens: 10 },
          },
    );
    const model = openaiModel({ model: 'gpt-test', baseURL: server.baseURL });

    const result = await model.generateObject({
      schema: Caption,
      schemaName: 'caption',
      prompt: 'Write one.',
    });

    expect(result.object.caption).toBe('Short and sweet');
    expect(result.usage).toEqual({ inputTokens: 250, outputTokens: 30 });
    const repair = server.requests[1]!.body.messages;
    expect(repair.at(-2)?.role).toBe('assistant');
    expect(repair.at(-1)?.content).toContain('caption');
    expect(repair.at(-1)?.content).toMatch(/<=40|40/);
  });

  it('reads JSON wrapped in a code fence and repairs an answer that is not JSON', async () => {
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0
        ? { content: 'Sure! Here you go: {"caption": "Cut off' }
        : { content: '```json\n{"caption": "Fenced", "hashtags": ["A"]}\n```' },
    );
    const model = openaiModel({ model: 'm', baseURL: server.baseURL });
    const result = await model.generateObject({ schema: Caption, prompt: 'Write one.' });
    expect(result.object).toEqual({ caption: 'Fenced', hashtags: ['A'] });
    expect(server.requests[1]!.body.messages.at(-1)?.content).toContain('not valid JSON');
  });

  it('never passes on invalid output: fails with a ValidationError naming the field when repairs run out', async () => {
    server = await startFakeOpenAIServer(() => ({ content: JSON.stringify({ caption: 7, hashtags: [] }) }));
    const model = openaiModel({ model: 'm', baseURL: server.baseURL, maxRepairs: 1 });
    const error = await model
      .generateObject({ schema: Caption, schemaName: 'caption', prompt: 'p' })
      .catch((e) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('caption.caption');
    expect(server.requests).toHaveLength(2);
  });

  it('treats a refusal as unusable output and asks again', async () => {
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0 ? { refusal: 'I cannot help with that.' } : { content: '{"caption":"ok","hashtags":[]}' },
    );
    const model = openaiModel({ model: 'm', baseURL: server.baseURL });
    const result = await model.generateObject({ schema: Caption, prompt: 'p' });
    expect(result.object.caption).toBe('ok');
    expect(server.requests[1]!.body.messages.at(-1)?.content).toContain('refused');
  });

  it('maps provider errors to the typed family and never leaks the API key', async () => {
    server = await startFakeOpenAIServer((request) => {
      const scenario = request.body.messages.at(-1)?.content;
      if (scenario === 'auth') return { status: 401 };
      if (scenario === 'rate') return { status: 429, headers: { 'retry-after': '30' } };
      return { status: 400 };
    });
    const model = openaiModel({
      model: 'm',
      apiKey: 'sk-secret-value-123456',
      baseURL: server.baseURL,
      maxRetries: 0,
    });

    const auth = await model.generateText({ prompt: 'auth' }).catch((e) => e);
    expect(ConfigError.isInstance(auth)).toBe(true);
    expect((auth as ConfigError).setting).toBe('llm.apiKey');
    expect(JSON.stringify(auth)).not.toContain('sk-secret-value-123456');

    const rate = await model.generateText({ prompt: 'rate' }).catch((e) => e);
    expect(RateLimitError.isInstance(rate)).toBe(true);
    expect((rate as RateLimitError).resetAt!.getTime()).toBeGreaterThan(Date.now() + 20_000);

    const bad = await model.generateText({ prompt: 'bad' }).catch((e) => e);
    expect(PlatformApiError.isInstance(bad)).toBe(true);
    expect((bad as PlatformApiError).status).toBe(400);
    expect((bad as PlatformApiError).platform).toBe('openai');
  });

  it('generates text and reports usage', async () => {
    server = await startFakeOpenAIServer(() => ({
      content: 'Hello there',
      usage: { prompt_tokens: 7, completion_tokens: 2 },
    }));
    const model = openaiModel({ model: 'm', baseURL: server.baseURL });
    const result = await model.generateText({ prompt: 'Say hello', temperature: 0.2 });
    expect(result).toEqual({ text: 'Hello there', usage: { inputTokens: 7, outputTokens: 2 } });
    expect(server.requests[0]!.body.temperature).toBe(0.2);
    expect(server.requests[0]!.body.response_format).toBeUndefined();
  });

  it('refuses to be built without a model id', () => {
    expect(() => openaiModel({ model: '' })).toThrow(ConfigError);
  });
});
