import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LanguageModel } from '../../src/contracts/index';
import { ConfigError, ValidationError } from '../../src/errors/index';
import { scriptedLanguageModel } from '../../src/testing/index';

const Caption = z.object({ caption: z.string().max(20), hashtags: z.array(z.string()).default([]) });

/** A caller with a repair path: asks again once when the model's object fails the schema. */
async function captionWithOneRetry(model: LanguageModel) {
  try {
    return await model.generateObject({ schema: Caption, prompt: 'Write a caption' });
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return model.generateObject({ schema: Caption, prompt: `Write a caption. Fix: ${error.message}` });
  }
}

describe('scriptedLanguageModel', () => {
  it('answers object calls in script order with schema-parsed objects and records each call', async () => {
    const model = scriptedLanguageModel([{ object: { caption: 'Hello' } }, { text: 'Second answer' }]);
    const first = await model.generateObject({
      schema: Caption,
      system: 'You write captions.',
      prompt: 'One',
      schemaName: 'caption',
    });
    const second = await model.generateText({ prompt: 'Two', temperature: 0.2 });
    expect(first.object).toEqual({ caption: 'Hello', hashtags: [] });
    expect(second.text).toBe('Second answer');
    expect(model.calls.map((call) => [call.index, call.kind, call.prompt])).toEqual([
      [0, 'object', 'One'],
      [1, 'text', 'Two'],
    ]);
    expect(model.calls[0]).toMatchObject({
      system: 'You write captions.',
      schemaName: 'caption',
      schema: Caption,
    });
    expect(model.calls[1]?.temperature).toBe(0.2);
    expect(model.remaining()).toBe(0);
  });

  it('throws a typed ValidationError naming the field when a scripted object fails the schema', async () => {
    const model = scriptedLanguageModel([{ object: { caption: 'x'.repeat(40) } }]);
    const error = await model.generateObject({ schema: Caption, prompt: 'p' }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('object.caption');
  });

  it('lets a caller prove its retry path: a bad object, then a good one', async () => {
    const model = scriptedLanguageModel([
      { object: { caption: 'x'.repeat(40) } },
      { object: { caption: 'Short' } },
    ]);
    const result = await captionWithOneRetry(model);
    expect(result.object.caption).toBe('Short');
    expect(model.calls).toHaveLength(2);
    expect(model.calls[1]?.prompt).toContain('caption');
  });

  it('parses text answers to object calls as JSON and rejects text that is not JSON', async () => {
    const model = scriptedLanguageModel([
      { text: '{"caption":"From JSON"}' },
      { text: 'Sure! Here is your caption' },
    ]);
    expect((await model.generateObject({ schema: Caption, prompt: 'p' })).object.caption).toBe('From JSON');
    const error = await model.generateObject({ schema: Caption, prompt: 'p' }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
  });

  it('answers from a function of the call', async () => {
    const model = scriptedLanguageModel((call) => ({ text: `echo: ${call.prompt}` }));
    expect((await model.generateText({ prompt: 'a' })).text).toBe('echo: a');
    expect((await model.generateText({ prompt: 'b' })).text).toBe('echo: b');
    expect(model.remaining()).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports scripted usage, estimates it otherwise, and sums it', async () => {
    const model = scriptedLanguageModel([
      { text: 'abcdefgh', usage: { inputTokens: 100, outputTokens: 7 } },
      { text: 'abcdefgh' },
    ]);
    expect((await model.generateText({ prompt: 'p' })).usage).toEqual({ inputTokens: 100, outputTokens: 7 });
    expect((await model.generateText({ system: 'abcd', prompt: 'efgh' })).usage).toEqual({
      inputTokens: 2,
      outputTokens: 2,
    });
    expect(model.totalUsage()).toEqual({ inputTokens: 102, outputTokens: 9 });
  });

  it('throws a scripted error', async () => {
    const outage = new Error('provider down');
    const model = scriptedLanguageModel([{ error: outage }]);
    await expect(model.generateText({ prompt: 'p' })).rejects.toBe(outage);
  });

  it('throws a ConfigError when the script runs out', async () => {
    const model = scriptedLanguageModel([]);
    const error = await model.generateText({ prompt: 'p' }).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/no answer left for call #1/);
  });

  it('aborts a delayed answer when the signal fires', async () => {
    const model = scriptedLanguageModel([{ text: 'late', delayMs: 5_000 }]);
    const controller = new AbortController();
    const pending = model.generateText({ prompt: 'p', signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
