import type { IncomingMessage } from 'node:http';
import type { UploadedFile } from '../payloads/message-json.ts';
import { discordErrors } from './discord-errors.ts';

export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies, or multipart bodies (files plus `payload_json`) as discord.js sends with attachments. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw discordErrors.invalidJson();
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request('http://standin.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const files: UploadedFile[] = [];
  let body: unknown = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      files.push({
        filename: value.name,
        size: value.size,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    } else if (name === 'payload_json') {
      try {
        body = JSON.parse(value);
      } catch {
        throw discordErrors.invalidJson();
      }
    }
  }
  return { body, files };
}
