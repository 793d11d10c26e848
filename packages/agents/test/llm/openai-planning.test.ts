import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openaiModel, readTaskInput, templateModel } from '../../src/llm/index';
import { SOCIAL_TASKS } from '../../src/social/index';
import { KILN_STORE_ID } from '../social/support/kiln-catalog';
import { FIVE_CHANNELS, startPlanningWorld } from '../social/support/planning-world';
import { type FakeOpenAIServer, startFakeOpenAIServer } from './fake-openai-server';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers structured task requests the way a capable model would (the template writer behind it). */
async function answerTask(request: {
  body: { messages: Array<{ content: string }>; response_format?: { json_schema?: { name: string } } };
}) {
  const name = request.body.response_format?.json_schema?.name;
  const prompt =
    request.body.messages.find((message) => readTaskInput(message.content) !== undefined)?.content ?? '';
  const { object } = await templateModel().generateObject({ schema: z.unknown(), schemaName: name, prompt });
  return JSON.stringify(object);
}

describe('planning through an OpenAI-compatible server', () => {
  it('plans a 5-channel calendar with structured outputs, repairing a broken answer, within 8 calls', async () => {
    let brokeOne = false;
    server = await startFakeOpenAIServer(async (request) => {
      const content = await answerTask(request);
      const isCaptions = request.body.response_format?.json_schema?.name === SOCIAL_TASKS.captions;
      const isRepair = request.body.messages.length > 2;
      if (isCaptions && !isRepair && !brokeOne) {
        brokeOne = true;
        return { content: content.slice(0, 200), usage: { prompt_tokens: 1_000, completion_tokens: 50 } };
      }
      return { content, usage: { prompt_tokens: 1_000, completion_tokens: Math.ceil(content.length / 4) } };
    });
    const llm = openaiModel({ model: 'gpt-4.1-mini', apiKey: 'sk-test', baseURL: server.baseURL });
    const { engine } = await startPlanningWorld({ llm });

    const plan = await engine.social.planCalendar({
      storeId: KILN_STORE_ID,
      days: 7,
      postsPerDay: 2,
      channels: [...FIVE_CHANNELS],
    });

    expect(plan.llmCalls).toBeLessThanOrEqual(8);
    // One caption answer was cut off and repaired inside the model: one extra request, counted in usage.
    expect(server.requests).toHaveLength(plan.llmCalls + 1);
    expect(plan.usage.inputTokens).toBe(server.requests.length * 1_000);
    expect(plan.issues).toEqual([]);
    expect(plan.posts.length).toBeGreaterThan(50);
    const schemas = server.requests.map((request) => request.body.response_format?.json_schema);
    expect(schemas.every((schema) => schema?.strict === true)).toBe(true);
    expect(server.requests[0]?.body.messages[0]).toMatchObject({ role: 'system' });
    expect(server.requests[0]?.body.messages[0]?.content).toContain('Kiln & Co');
  });
});
