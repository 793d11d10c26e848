import { setTimeout as sleep } from 'node:timers/promises';
import type { CallOptions, MediaKind } from '@growthhub/core';
import { PlatformApiError } from '@growthhub/core';
import { X_BUCKETS } from './limits';
import { type MediaInput, openMedia } from './media-source';
import type { XApi } from './x-api';
import { MediaUploadSchema, type XMediaUpload } from './x-responses';

/** X's media categories for tweets, by media kind. */
const CATEGORY: Readonly<Record<MediaKind, string>> = {
  image: 'tweet_image',
  gif: 'tweet_gif',
  video: 'tweet_video',
};

/** X's size caps (docs: image 5 MB, GIF 15 MB, video 512 MB). */
export const X_MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: 5 * 1024 * 1024,
  gif: 15 * 1024 * 1024,
  video: 512 * 1024 * 1024,
};

/** Options for {@link uploadMedia}. */
export interface UploadMediaOptions extends CallOptions {
  /** The post field the media came from, named in errors (`media.0.url`). */
  readonly field?: string;
}

/** Media ready to attach to a post. */
export interface UploadedMedia {
  readonly mediaId: string;
  readonly mediaKey?: string;
}

/**
 * Uploads one media file to X with media upload v2.
 *
 * - an image goes in one request (`POST /2/media/upload`, multipart, `tweet_image`);
 * - a GIF or video is chunked: `initialize` (type, total bytes, category) → `append` segments in
 *   order (`segment_index` 0, 1, …) → `finalize` → `STATUS` polls that wait `check_after_secs`
 *   between calls, until `succeeded` (or `failed`, which throws `x_media_processing_failed`).
 *
 * Media come from a URL (fetched with SSRF protection), a stream or bytes.
 */
export async function uploadMedia(
  api: XApi,
  input: MediaInput,
  kind: MediaKind,
  options: UploadMediaOptions = {},
): Promise<UploadedMedia> {
  const opened = await openMedia(input, {
    allowPrivateHosts: api.config.allowPrivateMediaHosts,
    maxBytes: X_MEDIA_MAX_BYTES[kind],
    field: options.field ?? 'media',
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (kind === 'image') {
    const bytes = await collect(opened.chunks);
    const form = new FormData();
    form.set('media_category', CATEGORY.image);
    form.set('media', new Blob([bytes], { type: opened.mimeType }), 'media');
    const { data } = await api.send({
      method: 'POST',
      path: '/2/media/upload',
      bucket: X_BUCKETS.mediaUpload,
      body: form,
      // A repeated upload only leaves an unused media id behind.
      idempotent: true,
      responseSchema: MediaUploadSchema,
      signal: options.signal,
    });
    return settled(api, data, options);
  }
  // X needs total_bytes up front; media of unknown length are read into memory (within X's cap).
  const whole = opened.size === undefined ? await collect(opened.chunks) : undefined;
  const totalBytes = whole?.byteLength ?? opened.size ?? 0;
  const { data: session } = await api.send({
    method: 'POST',
    path: '/2/media/upload/initialize',
    bucket: X_BUCKETS.mediaInitialize,
    json: { media_type: opened.mimeType, total_bytes: totalBytes, media_category: CATEGORY[kind] },
    idempotent: true,
    responseSchema: MediaUploadSchema,
    signal: options.signal,
  });
  const mediaId = session.data.id;
  let index = 0;
  for await (const segment of segments(
    whole === undefined ? opened.chunks : single(whole),
    api.config.chunkSizeBytes,
  )) {
    const form = new FormData();
    form.set('segment_index', String(index));
    form.set('media', new Blob([segment]), 'segment');
    await api.send({
      method: 'POST',
      path: `/2/media/upload/${encodeURIComponent(mediaId)}/append`,
      bucket: X_BUCKETS.mediaAppend,
      body: form,
      // Appending the same segment index again replaces it.
      idempotent: true,
      signal: options.signal,
    });
    index += 1;
  }
  const { data: finalized } = await api.send({
    method: 'POST',
    path: `/2/media/upload/${encodeURIComponent(mediaId)}/finalize`,
    bucket: X_BUCKETS.mediaFinalize,
    responseSchema: MediaUploadSchema,
    signal: options.signal,
  });
  return settled(api, finalized, options);
}

/** Polls `STATUS` until processing ends, honouring `check_after_secs`; returns the usable media. */
async function settled(api: XApi, upload: XMediaUpload, options: UploadMediaOptions): Promise<UploadedMedia> {
  const deadline = Date.now() + api.config.mediaProcessingTimeoutMs;
  let current = upload;
  for (;;) {
    const info = current.data.processing_info;
    if (info === undefined || info.state === 'succeeded') {
      return {
        mediaId: current.data.id,
        ...(current.data.media_key === undefined ? {} : { mediaKey: current.data.media_key }),
      };
    }
    if (info.state === 'failed') {
      throw new PlatformApiError({
        platform: 'x',
        status: 200,
        code: 'x_media_processing_failed',
        retryable: false,
        platformCode: info.error?.code,
        details: { mediaId: current.data.id, error: info.error },
        message: `X could not process media ${current.data.id}${info.error?.message ? `: ${info.error.message}` : ''}. Re-encode the file (H.264/AAC MP4 for video) and publish again.`,
      });
    }
    const waitMs = Math.max(1, info.check_after_secs ?? 1) * 1000;
    if (Date.now() + waitMs > deadline) {
      throw new PlatformApiError({
        platform: 'x',
        status: 0,
        code: 'x_media_processing_timeout',
        retryable: true,
        message: `X was still processing media ${current.data.id} after ${api.config.mediaProcessingTimeoutMs} ms. Publish again later.`,
      });
    }
    await sleep(waitMs, undefined, options.signal === undefined ? {} : { signal: options.signal });
    const { data } = await api.send({
      method: 'GET',
      path: '/2/media/upload',
      searchParams: { command: 'STATUS', media_id: current.data.id },
      responseSchema: MediaUploadSchema,
      signal: options.signal,
    });
    current = data;
  }
}

/** Re-cuts a byte stream into segments of exactly `size` bytes (the last may be shorter). */
async function* segments(
  chunks: AsyncIterable<Uint8Array>,
  size: number,
): AsyncIterable<Uint8Array<ArrayBuffer>> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of chunks) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(size - filled, chunk.byteLength - offset);
      buffer.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    total += chunk.byteLength;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

async function* single(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
