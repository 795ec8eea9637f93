import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract/api';
import { dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import { readStatic } from './static-files';
import { SECURITY_HEADERS, TOKEN_COOKIE, hostAllowed, requestToken, sameToken } from './security';

const MAX_BODY = 1 << 20;

export interface BrowserServerOptions {
  handlers: Handlers;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only, behind a random per-launch token. Opening the
 * printed URL once sets the token as an HttpOnly, SameSite=Strict cookie, so the page never has to hold it.
 */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = opts.port ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'forbidden: unexpected Host header\n');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (req.method === 'GET' && queryToken !== undefined) {
      if (!sameToken(queryToken, token)) return send(res, 401, 'unauthorized: wrong token; open the URL printed by `assay serve`\n');
      return send(res, 302, '', 'text/plain', {
        Location: url.pathname,
        'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!sameToken(requestToken(req), token)) return send(res, 401, 'unauthorized: open the URL printed by `assay serve`\n');

    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(res, opts.events);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed\n', 'text/plain', { Allow: 'POST' });
      // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'expected application/json\n');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch (err) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: `invalid JSON body: ${(err as Error).message}` } }), 'application/json');
      }
      const reply = await dispatch(opts.handlers, decodeURIComponent(url.pathname.slice(5)), input);
      return send(res, 200, JSON.stringify(reply), 'application/json');
    }
    if (req.method !== 'GET') return send(res, 405, 'method not allowed\n');
    const file = readStatic(opts.staticDir, url.pathname) ?? readStatic(opts.staticDir, '/index.html');
    if (!file) return send(res, 500, `renderer not built: ${opts.staticDir} has no index.html (run npm run build:renderer)\n`);
    return send(res, 200, file.body, file.type);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(err as Error).message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function streamEvents(res: ServerResponse, events: EventBus): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
