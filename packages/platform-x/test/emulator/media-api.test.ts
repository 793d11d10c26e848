import { describe, expect, it } from 'vitest';
import type { XEmulator } from '../../src/testing/index';
import { xEmulatorUserPerTest } from './emulator-lifecycle';

const user = xEmulatorUserPerTest();
const start = user.start;

function postJson(running: XEmulator, path: string, body?: unknown) {
  return fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: user.bearer,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function postForm(running: XEmulator, path: string, form: FormData) {
  return fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { authorization: user.bearer },
    body: form,
  });
}

async function status(running: XEmulator, id: string) {
  const response = await fetch(`${running.url}/2/media/upload?command=STATUS&media_id=${id}`, {
    headers: { authorization: user.bearer },
  });
  return ((await response.json()) as { data: { processing_info: Record<string, unknown> } }).data
    .processing_info;
}

describe('the emulated media upload v2', () => {
  it('moves a video through pending → in_progress → succeeded, telling clients when to check again', async () => {
    let now = Date.now();
    const running = await start({ now: () => now, checkAfterSecs: 5 });
    const init = await postJson(running, '/2/media/upload/initialize', {
      media_type: 'video/mp4',
      total_bytes: 6,
      media_category: 'tweet_video',
    });
    const { data } = (await init.json()) as {
      data: { id: string; media_key: string; expires_after_secs: number };
    };
    expect(data.media_key).toBe(`7_${data.id}`);
    expect(data.expires_after_secs).toBe(86_400);
    // JSON with base64 media, then multipart with a file part.
    expect(
      (
        await postJson(running, `/2/media/upload/${data.id}/append`, {
          media: Buffer.from('abc').toString('base64'),
          segment_index: 0,
        })
      ).status,
    ).toBe(200);
    const form = new FormData();
    form.set('segment_index', '1');
    form.set('media', new Blob([new TextEncoder().encode('def')]), 'blob');
    expect((await postForm(running, `/2/media/upload/${data.id}/append`, form)).status).toBe(200);
    const finalized = (await (await postJson(running, `/2/media/upload/${data.id}/finalize`)).json()) as {
      data: { processing_info: Record<string, unknown>; size: number };
    };
    expect(finalized.data.size).toBe(6);
    expect(finalized.data.processing_info).toEqual({
      state: 'pending',
      check_after_secs: 5,
      progress_percent: 0,
    });
    now += 5000;
    expect(await status(running, data.id)).toEqual({
      state: 'in_progress',
      check_after_secs: 5,
      progress_percent: 50,
    });
    now += 5000;
    expect(await status(running, data.id)).toEqual({ state: 'succeeded', progress_percent: 100 });
    const post = await postJson(running, '/2/tweets', { text: 'clip', media: { media_ids: [data.id] } });
    expect(post.status).toBe(201);
  });

  it('refuses to attach a video that is still processing, or a video with images', async () => {
    const running = await start({ checkAfterSecs: 60 });
    const video = (await (
      await postJson(running, '/2/media/upload/initialize', { media_type: 'video/mp4', total_bytes: 3 })
    ).json()) as {
      data: { id: string };
    };
    await postJson(running, `/2/media/upload/${video.data.id}/append`, { media: 'YWJj', segment_index: 0 });
    await postJson(running, `/2/media/upload/${video.data.id}/finalize`);
    const early = await postJson(running, '/2/tweets', {
      text: 'too early',
      media: { media_ids: [video.data.id] },
    });
    expect(early.status).toBe(400);
    const image = (await (
      await postJson(running, '/2/media/upload', { media: 'iVBORw0KGgo=', media_category: 'tweet_image' })
    ).json()) as {
      data: { id: string; image: Record<string, unknown> };
    };
    expect(image.data.image).toMatchObject({ image_type: 'image/png' });
    running.scriptMediaProcessing('succeeded');
    const mixed = await postJson(running, '/2/tweets', {
      text: 'mixed',
      media: { media_ids: [image.data.id, video.data.id] },
    });
    expect(mixed.status).toBe(400);
  });

  it('reports failed processing with an error', async () => {
    let now = Date.now();
    const running = await start({ now: () => now });
    running.scriptMediaProcessing('failed');
    const { data } = (await (
      await postJson(running, '/2/media/upload/initialize', { media_category: 'tweet_gif', total_bytes: 3 })
    ).json()) as {
      data: { id: string; media_key: string };
    };
    expect(data.media_key).toBe(`16_${data.id}`);
    await postJson(running, `/2/media/upload/${data.id}/append`, { media: 'YWJj', segment_index: '0' });
    await postJson(running, `/2/media/upload/${data.id}/finalize`);
    now += 2000;
    expect(await status(running, data.id)).toMatchObject({
      state: 'failed',
      error: { name: 'InvalidMedia' },
    });
  });

  it('checks segments at finalize: no gaps, and the declared total size', async () => {
    const running = await start();
    const init = async (total: number) =>
      (
        (await (
          await postJson(running, '/2/media/upload/initialize', {
            media_type: 'video/mp4',
            total_bytes: total,
          })
        ).json()) as {
          data: { id: string };
        }
      ).data.id;
    const gap = await init(6);
    await postJson(running, `/2/media/upload/${gap}/append`, { media: 'YWJj', segment_index: 0 });
    await postJson(running, `/2/media/upload/${gap}/append`, { media: 'YWJj', segment_index: 2 });
    expect((await postJson(running, `/2/media/upload/${gap}/finalize`)).status).toBe(400);
    const short = await init(10);
    await postJson(running, `/2/media/upload/${short}/append`, { media: 'YWJj', segment_index: 0 });
    expect((await postJson(running, `/2/media/upload/${short}/finalize`)).status).toBe(400);
    expect(
      (await postJson(running, `/2/media/upload/${short}/append`, { media: 'YWJj', segment_index: 1000 }))
        .status,
    ).toBe(400);
  });

  it('validates initialize: categories, types and X’s size caps', async () => {
    const running = await start();
    expect(
      (await postJson(running, '/2/media/upload/initialize', { media_category: 'tweet_sticker' })).status,
    ).toBe(400);
    expect(
      (await postJson(running, '/2/media/upload/initialize', { media_type: 'application/pdf' })).status,
    ).toBe(400);
    expect((await postJson(running, '/2/media/upload/initialize', { total_bytes: 100 })).status).toBe(400);
    const bigImage = await postJson(running, '/2/media/upload/initialize', {
      media_type: 'image/png',
      total_bytes: 6 * 1024 * 1024,
    });
    expect(bigImage.status).toBe(400);
  });

  it('accepts the docs’ legacy command=INIT|APPEND|FINALIZE|STATUS form on /2/media/upload', async () => {
    const running = await start();
    const command = async (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return postForm(running, '/2/media/upload', form);
    };
    const init = (await (
      await command({
        command: 'INIT',
        media_type: 'image/gif',
        total_bytes: '4',
        media_category: 'tweet_gif',
      })
    ).json()) as {
      data: { id: string };
    };
    const id = init.data.id;
    expect(
      (
        await command({
          command: 'APPEND',
          media_id: id,
          segment_index: '0',
          media: new Blob([new Uint8Array(4)]),
        })
      ).status,
    ).toBe(200);
    const finalized = (await (await command({ command: 'FINALIZE', media_id: id })).json()) as {
      data: { processing_info: { state: string } };
    };
    expect(finalized.data.processing_info.state).toBe('pending');
    expect((await command({ command: 'STATUS', media_id: id })).status).toBe(200);
  });

  it('needs media.write', async () => {
    const running = await start({}, ['tweet.read', 'tweet.write', 'users.read']);
    expect(
      (await postJson(running, '/2/media/upload/initialize', { media_type: 'video/mp4', total_bytes: 3 }))
        .status,
    ).toBe(403);
  });
});

describe('scripted faults', () => {
  it('creates the post and then drops the connection when told to lose the answer', async () => {
    const running = await start();
    running.faults.enqueue({
      kind: 'drop',
      afterHandler: true,
      match: { method: 'POST', path: '/2/tweets' },
    });
    const error = await postJson(running, '/2/tweets', { text: 'lost answer' }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(TypeError);
    expect(running.posts().map((post) => post.text)).toEqual(['lost answer']);
  });

  it('answers a scripted 5xx in X’s problem format without acting', async () => {
    const running = await start();
    running.faults.enqueue({
      kind: 'serverError',
      status: 503,
      match: { method: 'POST', path: '/2/tweets' },
    });
    const response = await postJson(running, '/2/tweets', { text: 'not created' });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(running.posts()).toEqual([]);
  });
});
