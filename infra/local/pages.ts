/**
 * The web pages in the local runtime, laid out as CloudFront serves them in AWS: the built pages
 * (`npm run build:web` writes web/dist), `/config.json` for the pages' start, and the API reference
 * (./reference.ts), on the same origin as the API under `/api`. A page path with no file behind
 * it is the single-page application's (`/mine`, `/ideas/…`), so a deep link survives a reload.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { WebConfig } from '../../shared/web-config.ts';
import { referenceAnswer } from './reference.ts';

export const CONFIG_PATH = '/config.json';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface PagesOptions {
  /** The built pages: web/dist. */
  root: string;
  config: WebConfig;
  /** The headers every page carries (infra/web-security.ts): the same as CloudFront's. */
  securityHeaders: Record<string, string>;
}

export type PageAnswer = (pathname: string) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;

/** The answer to a GET of a page path, or undefined when there is nothing to serve (a 404). */
export function pagesOf(options: PagesOptions): PageAnswer {
  const root = resolve(options.root);
  const answer = (status: number, contentType: string, body: Buffer | string, cacheControl: string): APIGatewayProxyStructuredResultV2 => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return {
      statusCode: status,
      headers: { 'content-type': contentType, 'cache-control': cacheControl, ...options.securityHeaders },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    };
  };

  return async (pathname) => {
    const reference = await referenceAnswer(pathname);
    if (reference !== undefined) return reference;
    if (pathname === CONFIG_PATH) return answer(200, CONTENT_TYPES['.json'] as string, JSON.stringify(options.config), 'no-cache');

    const file = fileWithin(root, pathname);
    if (file !== undefined && (await isFile(file))) {
      // Vite names the built assets by their content, so they can be kept for good; the rest is checked each time.
      const immutable = pathname.startsWith('/assets/');
      return answer(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A path with a file extension names a file, and a missing file is a 404, not the application.
    if (extname(pathname) !== '') return undefined;
    const index = join(root, 'index.html');
    if (!(await isFile(index))) {
      return answer(
        503,
        CONTENT_TYPES['.txt'] as string,
        'Siderne er ikke bygget: kør npm run build:web (npm start gør det).\nThe pages are not built: run npm run build:web (npm start does).\n',
        'no-store',
      );
    }
    return answer(200, CONTENT_TYPES['.html'] as string, await readFile(index), 'no-cache');
  };
}

/** The file a path names inside the root; undefined for one that would leave it (`/../`). */
function fileWithin(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  return file.startsWith(root + sep) ? file : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
