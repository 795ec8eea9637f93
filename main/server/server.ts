import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract/api';
import { dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import { readStatic } from './static-files';
import { warmUpRecords, warmUpStaticFiles } from './warm-up';
import { SECURITY_HEADERS, hostAllowed, requestToken, safeDecode, sameToken, tokenCookie } from './security';

const MAX_BODY = 1 << 20;
/** A request whose body has not fully arrived by then is answered 408 and closed, so it holds no socket forever. */
const BODY_TIMEOUT_MS = 15_000;

export interface BrowserServerOptions {
  handlers: Handlers;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Tests shorten it; default 15 s. */
  bodyTimeoutMs?: number;
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

type BodyResult = { ok: true; body: string } | { ok: false; status: 408 | 413; message: string };

/**
 * Reads a request body up to MAX_BODY within the timeout. A body that is too big or too slow is not read further:
 * the caller answers 413 or 408 with `Connection: close` (see refuseBody), instead of resetting the connection.
 */
function readBody(req: IncomingMessage, timeoutMs: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY) {
    return Promise.resolve({ ok: false, status: 413, message: `request body of ${declared} bytes is over the ${MAX_BODY}-byte limit` });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, status: 408, message: `request body did not arrive within ${timeoutMs} ms` }), timeoutMs);
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > MAX_BODY) finish({ ok: false, status: 413, message: `request body is over the ${MAX_BODY}-byte limit` });
      else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false, status: 408, message: 'request body was cut off' }));
  });
}

/**
 * Answers a refused body and closes the connection. The rest of the body is read and dropped for a moment so that
 * the client, still sending, gets to read the answer rather than a reset; then the socket is closed regardless.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: 408 | 413, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code: 'bad_request', message } }), 'application/json', { Connection: 'close' });
  req.resume();
  const drop = setTimeout(() => req.socket.destroy(), 2_000);
  drop.unref();
  req.once('end', () => clearTimeout(drop));
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
    const pathname = safeDecode(url.pathname);
    if (pathname === undefined) return send(res, 400, 'bad request: malformed percent-encoding in the path\n');
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (req.method === 'GET' && queryToken !== undefined) {
      if (!sameToken(queryToken, token)) return send(res, 401, 'unauthorized: wrong token; open the URL printed by `assay serve`\n');
      return send(res, 302, '', 'text/plain', {
        Location: url.pathname,
        'Set-Cookie': `${tokenCookie(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!sameToken(requestToken(req, port), token)) return send(res, 401, 'unauthorized: open the URL printed by `assay serve`\n');

    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(res, opts.events);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed\n', 'text/plain', { Allow: 'POST' });
      // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'expected application/json\n');
      const body = await readBody(req, opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
      if (!body.ok) return refuseBody(req, res, body.status, body.message);
      let input: unknown;
      try {
        input = body.body.trim() === '' ? {} : JSON.parse(body.body);
      } catch (err) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: `invalid JSON body: ${(err as Error).message}` } }), 'application/json');
      }
      const started = performance.now();
      const reply = await dispatch(opts.handlers, pathname.slice(5), input);
      const json = JSON.stringify(reply);
      // The handler's time, read by the browser's resource timing (PerformanceResourceTiming.serverTiming), so a
      // page's waterfall shows which call waited on the server and which on the queue before it.
      return send(res, 200, json, 'application/json', { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` });
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
  warmUpStaticFiles(opts.staticDir);
  warmUpRecords(opts.handlers);
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
