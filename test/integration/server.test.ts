import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { startBrowserServer, type BrowserServer } from '../../main/server/server';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

interface Res { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function http(port: number, p: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: p, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Streams `size` bytes of JSON-ish body (with or without Content-Length) and resolves with the status received. */
function sendLargeBody(port: number, headers: Record<string, string>, size: number, declare: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({
      host: '127.0.0.1', port, path: '/api/workspace.info', method: 'POST',
      headers: { Host: `127.0.0.1:${port}`, ...headers, ...(declare ? { 'Content-Length': String(size) } : {}) },
    }, (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // Once answered, the server may close while we still write: that is expected, not a failure.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

let dir: string;
let ws: Workspace;
let server: BrowserServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'assay-server-'));
  ws = createWorkspace(path.join(dir, 'ws'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Assay</title>');
  server = await startBrowserServer({ handlers: createHandlers(ws, new EventBus()), events: new EventBus(), staticDir, bodyTimeoutMs: 1_000 });
});

afterAll(async () => {
  await server.close();
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('prints a loopback URL holding a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 to the page and the API without the token', async () => {
    expect((await http(server.port, '/')).status).toBe(401);
    const api = await http(server.port, '/api/workspace.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    expect((await http(server.port, '/?token=wrong')).status).toBe(401);
  });

  it('answers 403 to a Host other than 127.0.0.1 or localhost (DNS rebinding)', async () => {
    const res = await http(server.port, `/?token=${server.token}`, { headers: { Host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
  });

  it('turns the token URL into an HttpOnly SameSite cookie that then opens page and API', async () => {
    const first = await http(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(new RegExp(`^assay_token_${server.port}=`));
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await http(server.port, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const api = await http(server.port, '/api/workspace.info', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { name: 'ws', recordCount: 0 } });
  });

  it('validates API input at the boundary and refuses non-JSON posts', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const bad = await http(server.port, '/api/records.list', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"limit":-3}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const form = await http(server.port, '/api/records.list', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const broken = await http(server.port, '/api/records.list', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(broken.status).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await http(server.port, '/..%2f..%2fws%2fassay.db', { headers: { Authorization: `Bearer ${server.token}` } });
    expect(res.body).not.toContain('SQLite format');
  });
  it('keeps two servers on different ports from logging each other out: the cookie is named by port', async () => {
    const other = await startBrowserServer({ handlers: createHandlers(ws, new EventBus()), events: new EventBus(), staticDir: path.join(dir, 'static') });
    try {
      const mine = String((await http(server.port, `/?token=${server.token}`)).headers['set-cookie']).split(';')[0]!;
      const theirs = String((await http(other.port, `/?token=${other.token}`)).headers['set-cookie']).split(';')[0]!;
      expect(mine.split('=')[0]).not.toBe(theirs.split('=')[0]);
      // A browser sends both cookies (same host) to either server; each picks its own.
      const both = `${mine}; ${theirs}`;
      expect((await http(server.port, '/', { headers: { Cookie: both } })).status).toBe(200);
      expect((await http(other.port, '/', { headers: { Cookie: both } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers 400, not 500, to malformed percent-encoding in a path', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const api = await http(server.port, '/api/records.%E0%A4%A', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(400);
    expect((await http(server.port, '/assets/%zz.js', { headers: auth })).status).toBe(400);
  });

  it('answers 413 to a body over the limit instead of resetting the connection', async () => {
    const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    const declared = await sendLargeBody(server.port, auth, 50 << 20, true);
    expect(declared).toBe(413);
    const chunked = await sendLargeBody(server.port, auth, 3 << 20, false);
    expect(chunked).toBe(413);
  });

  it('answers 408 to a request whose body never arrives, and closes it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port: server.port, path: '/api/workspace.info', method: 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Content-Length': '100' },
      }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"a":'); // and then nothing more
    });
    expect(status).toBe(408);
  });
});
