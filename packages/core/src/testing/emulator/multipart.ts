import type { FormRecord, UploadedFile } from './request';

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Decodes a `multipart/form-data` body (RFC 7578). Parts with a `filename` (or a non-text content
 * type) become {@link UploadedFile}s; the others become strings. Throws on a malformed body, which
 * the emulator answers as an invalid request.
 */
export function parseMultipart(raw: Buffer, boundary: string): FormRecord {
  const delimiter = Buffer.from(`--${boundary}`);
  const form: FormRecord = {};
  let cursor = raw.indexOf(delimiter);
  if (cursor < 0) throw new Error('multipart body has no boundary delimiter');
  for (;;) {
    cursor += delimiter.length;
    if (raw.subarray(cursor, cursor + 2).toString() === '--') return form;
    if (!raw.subarray(cursor, cursor + 2).equals(CRLF))
      throw new Error('multipart delimiter is not followed by CRLF');
    cursor += 2;
    const headerEnd = raw.indexOf(HEADER_END, cursor);
    if (headerEnd < 0) throw new Error('multipart part has no header terminator');
    const headers = parsePartHeaders(raw.subarray(cursor, headerEnd).toString('utf8'));
    const contentStart = headerEnd + HEADER_END.length;
    const next = raw.indexOf(Buffer.concat([CRLF, delimiter]), contentStart);
    if (next < 0) throw new Error('multipart body is not terminated by its closing delimiter');
    addPart(form, headers, raw.subarray(contentStart, next));
    cursor = next + CRLF.length;
  }
}

/** The `boundary` parameter of a multipart content type, if any. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2]?.trim();
}

function parsePartHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function addPart(form: FormRecord, headers: Map<string, string>, content: Buffer): void {
  const disposition = headers.get('content-disposition') ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === undefined) throw new Error('multipart part has no name in Content-Disposition');
  const filename = dispositionParam(disposition, 'filename');
  const contentType = headers.get('content-type');
  const isText = filename === undefined && (contentType === undefined || contentType.startsWith('text/'));
  const value: string | UploadedFile = isText
    ? content.toString('utf8')
    : {
        field: name,
        filename: filename ?? '',
        contentType: contentType ?? 'application/octet-stream',
        data: Buffer.from(content),
        size: content.length,
      };
  const existing = form[name];
  if (existing === undefined) form[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else form[name] = [existing, value];
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${param}=([^;]+)`, 'i').exec(
    disposition,
  );
  const value = match?.[1] ?? match?.[2]?.trim();
  return value?.replace(/\\(.)/g, '$1');
}
