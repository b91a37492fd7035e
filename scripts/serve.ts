import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/**
 * Serves a folder on 127.0.0.1 (reachable as 127.0.0.1 and localhost: two sites for switch tests),
 * plus pages made in memory (`extra`, by path).
 */
export async function serveFolder(folder: string, extra: Record<string, string> = {}, port = 0) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const made = extra[path];
    if (made !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(made);
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: (path: string, host = '127.0.0.1') => `http://${host}:${bound}/${path.replace(/^\//, '')}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
