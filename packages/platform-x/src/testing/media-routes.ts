import type { Emulator, EmulatorReply, EmulatorRequest, UploadedFile } from '@growthhub/core/testing/kit';
import { EmulatorProblem } from '@growthhub/core/testing/kit';
import type { z } from 'zod';
import type { EmulatedMedia } from './emulator-state';
import type { XRouteContext } from './route-context';
import { invalidRequest, limited, userAuth } from './route-context';
import {
  LegacyUploadCommandSchema,
  type MediaCategory,
  MediaUploadAppendSchema,
  type MediaUploadInitialize,
  MediaUploadInitializeSchema,
  MediaUploadOneShotSchema,
  XIdSchema,
} from './wire-requests';

const MEDIA_SCOPES = ['media.write'];
const SESSION_SECONDS = 24 * 60 * 60;
const MAX_SEGMENT_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/** X's size caps per media category (docs: image 5 MB, GIF 15 MB, video 512 MB). */
const MAX_BYTES: Readonly<Record<MediaCategory, number>> = {
  tweet_image: 5 * MB,
  dm_image: 5 * MB,
  tweet_gif: 15 * MB,
  dm_gif: 15 * MB,
  tweet_video: 512 * MB,
  dm_video: 512 * MB,
  amplify_video: 512 * MB,
  subtitles: 1 * MB,
};

/**
 * Registers media upload v2: `initialize` → `append` (segments) → `finalize` → `STATUS` polls, the
 * one-shot `POST /2/media/upload`, and the docs' legacy `command=INIT|APPEND|FINALIZE|STATUS` form.
 */
export function registerMediaRoutes(emulator: Emulator, context: XRouteContext): void {
  const auth = userAuth(context, MEDIA_SCOPES);
  emulator.route(
    'POST',
    '/2/media/upload/initialize',
    limited(context, 'POST /2/media/upload/initialize', (request, grant) =>
      initialize(context, request.body, grant.userId),
    ),
    { auth, body: MediaUploadInitializeSchema },
  );
  emulator.route(
    'POST',
    '/2/media/upload/:id/append',
    limited(context, 'POST /2/media/upload/:id/append', (request, grant) =>
      append(context, request.params.id ?? '', fields(request), grant.userId),
    ),
    { auth },
  );
  emulator.route(
    'POST',
    '/2/media/upload/:id/finalize',
    limited(context, 'POST /2/media/upload/:id/finalize', (request, grant) =>
      finalize(context, request.params.id ?? '', grant.userId),
    ),
    { auth },
  );
  emulator.route(
    'GET',
    '/2/media/upload',
    (request) => {
      const grant = context.grants.grantForAccessToken(request.auth?.token ?? '');
      const command = request.url.searchParams.get('command');
      if (command !== null && command !== 'STATUS') {
        invalidRequest(`The \`command\` query parameter value [${command}] is not one of [STATUS]`);
      }
      return status(context, request.url.searchParams.get('media_id') ?? '', grant?.userId ?? '');
    },
    { auth },
  );
  emulator.route(
    'POST',
    '/2/media/upload',
    limited(context, 'POST /2/media/upload', (request, grant) => {
      const body = fields(request);
      if (body.command === undefined) return oneShot(context, body, grant.userId);
      return legacyCommand(context, body, grant.userId);
    }),
    { auth },
  );
}

function initialize(context: XRouteContext, body: MediaUploadInitialize, userId: string): EmulatorReply {
  const mediaType = body.media_type ?? defaultMediaType(body.media_category);
  const category = body.media_category ?? defaultCategory(mediaType);
  if (mediaType === undefined || category === undefined) {
    invalidRequest('One of `media_type` or `media_category` is required.');
  }
  if (body.total_bytes !== undefined && body.total_bytes > MAX_BYTES[category]) {
    invalidRequest(`File size exceeds ${MAX_BYTES[category]} bytes for media_category ${category}.`);
  }
  const media = createMedia(
    context,
    userId,
    category,
    mediaType,
    body.total_bytes,
    owners(body.additional_owners),
  );
  return {
    json: { data: { id: media.id, media_key: media.mediaKey, expires_after_secs: SESSION_SECONDS } },
  };
}

function append(
  context: XRouteContext,
  id: string,
  body: Record<string, unknown>,
  userId: string,
): EmulatorReply {
  const media = openSession(context, id, userId);
  const parsed = parseOrReject(MediaUploadAppendSchema, {
    media: decodeMedia(body.media ?? body.media_data),
    segment_index: body.segment_index,
  });
  if (parsed.media.byteLength > MAX_SEGMENT_BYTES) invalidRequest('Segment exceeds 5 MB.');
  media.segments.set(parsed.segment_index, parsed.media);
  media.appendOrder.push(parsed.segment_index);
  return { json: { data: { expires_at: Math.floor(media.expiresAt.getTime() / 1000) } } };
}

function finalize(context: XRouteContext, id: string, userId: string): EmulatorReply {
  const media = openSession(context, id, userId);
  const indexes = [...media.segments.keys()].sort((a, b) => a - b);
  if (indexes.length === 0) invalidRequest('No segments were appended to this media upload.');
  if (indexes.some((index, position) => index !== position)) {
    invalidRequest('Segments are missing: segment indexes must run from 0 without gaps.');
  }
  const size = [...media.segments.values()].reduce((total, segment) => total + segment.byteLength, 0);
  if (media.totalBytes !== undefined && size !== media.totalBytes) {
    invalidRequest(
      `Segments do not add up to provided total file size (${size} of ${media.totalBytes} bytes).`,
    );
  }
  media.finalizedAt = new Date(context.state.now());
  media.outcome = media.asyncProcessing ? (context.processingOutcomes.shift() ?? 'succeeded') : 'succeeded';
  return { json: { data: describe(context, media) } };
}

function status(context: XRouteContext, id: string, userId: string): EmulatorReply {
  if (!XIdSchema.safeParse(id).success)
    invalidRequest('The `media_id` query parameter is missing or invalid.');
  const media = context.state.media.get(id);
  if (media === undefined || media.ownerId !== userId) {
    return { failure: { kind: 'notFound', message: `Could not find media with id: [${id}].` } };
  }
  media.statusChecks.push(new Date(context.state.now()));
  if (media.finalizedAt === undefined) invalidRequest('The media upload has not been finalized.');
  return { json: { data: describe(context, media, true) } };
}

function oneShot(context: XRouteContext, body: Record<string, unknown>, userId: string): EmulatorReply {
  const parsed = parseOrReject(MediaUploadOneShotSchema, { ...body, media: decodeMedia(body.media) });
  const mediaType = parsed.media_type ?? sniffImageType(parsed.media) ?? 'image/jpeg';
  if (parsed.media.byteLength > MAX_BYTES[parsed.media_category]) {
    invalidRequest(
      `File size exceeds ${MAX_BYTES[parsed.media_category]} bytes for ${parsed.media_category}.`,
    );
  }
  const media = createMedia(
    context,
    userId,
    parsed.media_category,
    mediaType,
    parsed.media.byteLength,
    owners(parsed.additional_owners),
  );
  media.segments.set(0, parsed.media);
  return finalize(context, media.id, userId);
}

function legacyCommand(context: XRouteContext, body: Record<string, unknown>, userId: string): EmulatorReply {
  const command = parseOrReject(LegacyUploadCommandSchema, body.command);
  const { command: _command, media_id: mediaId, ...rest } = body;
  if (command === 'INIT')
    return initialize(context, parseOrReject(MediaUploadInitializeSchema, rest), userId);
  const id = parseOrReject(XIdSchema, mediaId);
  if (command === 'APPEND') return append(context, id, rest, userId);
  if (command === 'FINALIZE') return finalize(context, id, userId);
  return status(context, id, userId);
}

function createMedia(
  context: XRouteContext,
  userId: string,
  category: MediaCategory,
  mediaType: string,
  totalBytes: number | undefined,
  additionalOwners: readonly string[],
): EmulatedMedia {
  const id = context.state.nextId();
  const asyncProcessing = /video|gif/.test(category);
  const prefix =
    category === 'amplify_video' ? '13' : /video/.test(category) ? '7' : /gif/.test(category) ? '16' : '3';
  const now = context.state.now();
  const media: EmulatedMedia = {
    id,
    mediaKey: `${prefix}_${id}`,
    ownerId: userId,
    additionalOwners,
    category,
    mediaType,
    totalBytes,
    createdAt: new Date(now),
    expiresAt: new Date(now + SESSION_SECONDS * 1000),
    segments: new Map(),
    appendOrder: [],
    asyncProcessing,
    outcome: 'succeeded',
    statusChecks: [],
  };
  context.state.media.set(id, media);
  return media;
}

function openSession(context: XRouteContext, id: string, userId: string): EmulatedMedia {
  const media = context.state.media.get(id);
  if (media === undefined || media.ownerId !== userId || media.expiresAt.getTime() <= context.state.now()) {
    invalidRequest(`The media upload session [${id}] does not exist or has expired.`);
  }
  if (media.finalizedAt !== undefined) invalidRequest(`The media upload [${id}] is already finalized.`);
  return media;
}

function describe(context: XRouteContext, media: EmulatedMedia, forStatus = false): Record<string, unknown> {
  const size = [...media.segments.values()].reduce((total, segment) => total + segment.byteLength, 0);
  const data: Record<string, unknown> = {
    id: media.id,
    media_key: media.mediaKey,
    size,
    expires_after_secs: Math.max(0, Math.floor((media.expiresAt.getTime() - context.state.now()) / 1000)),
  };
  if (media.mediaType.startsWith('image/') && !media.asyncProcessing) {
    data.image = { image_type: media.mediaType, w: 1200, h: 675 };
  }
  if (!media.asyncProcessing) {
    if (forStatus) data.processing_info = { state: 'succeeded', progress_percent: 100 };
    return data;
  }
  const state = context.state.processingState(media, context.checkAfterSecs);
  const info: Record<string, unknown> = { state };
  if (state === 'pending')
    Object.assign(info, { check_after_secs: context.checkAfterSecs, progress_percent: 0 });
  if (state === 'in_progress')
    Object.assign(info, { check_after_secs: context.checkAfterSecs, progress_percent: 50 });
  if (state === 'succeeded') {
    info.progress_percent = 100;
    data.video = { video_type: media.mediaType };
  }
  if (state === 'failed') {
    Object.assign(info, {
      progress_percent: 100,
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
    });
  }
  data.processing_info = info;
  return data;
}

/** The decoded body as a record (JSON object or form record), or an empty record. */
function fields(request: EmulatorRequest<unknown, unknown>): Record<string, unknown> {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** `media` as bytes: a multipart file part, or base64 text (JSON bodies and `media_data`). */
function decodeMedia(value: unknown): Uint8Array | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && 'data' in value)
    return new Uint8Array((value as UploadedFile).data);
  if (typeof value === 'string' && /^[A-Za-z0-9+/=_\-\s]*$/.test(value))
    return new Uint8Array(Buffer.from(value, 'base64'));
  return undefined;
}

function owners(value: readonly string[] | string | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : [...value];
  for (const owner of list)
    if (!XIdSchema.safeParse(owner).success) invalidRequest(`Invalid additional owner [${owner}].`);
  return list;
}

function defaultMediaType(category: MediaCategory | undefined): string | undefined {
  if (category === undefined) return undefined;
  if (/video/.test(category)) return 'video/mp4';
  if (/gif/.test(category)) return 'image/gif';
  return category === 'subtitles' ? 'text/srt' : 'image/jpeg';
}

function defaultCategory(mediaType: string | undefined): MediaCategory | undefined {
  if (mediaType === undefined) return undefined;
  if (mediaType.startsWith('video/')) return 'tweet_video';
  if (mediaType === 'image/gif') return 'tweet_gif';
  if (mediaType.startsWith('image/')) return 'tweet_image';
  return mediaType.startsWith('text/') ? 'subtitles' : undefined;
}

function sniffImageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return 'image/gif';
  return undefined;
}

function parseOrReject<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  throw new EmulatorProblem({
    kind: 'invalidRequest',
    issues: result.error.issues.map((each) => ({
      field: each.path.map(String).join('.') || field,
      message: each.message,
      missing: each.code === 'invalid_type' && each.input === undefined,
    })),
  });
}
