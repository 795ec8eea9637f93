import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/contract/bridge';
import type { AssayEvent } from '../../../../shared/contract/events';
import { createHttpBridge, parseEvent, SESSION_EXPIRED_MESSAGE, TransportError } from '../../../../renderer/api/http-client';

interface Sent { url: string; init: RequestInit }

function fakeFetch(status: number, body: unknown, sent: Sent[] = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('createHttpBridge().call', () => {
  it('POSTs the input as JSON to /api/<method> with same-origin credentials and returns the value', async () => {
    const sent: Sent[] = [];
    const bridge = createHttpBridge({ fetch: fakeFetch(200, { ok: true, value: { total: 3, offset: 0, rows: [] } }, sent) });
    const page = await bridge.call('records.list', { model: 'gpt-4o', limit: 10 });
    expect(page).toEqual({ total: 3, offset: 0, rows: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/records.list');
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ model: 'gpt-4o', limit: 10 });
  });

  it('throws the server’s ApiError with its code and message', async () => {
    const bridge = createHttpBridge({ fetch: fakeFetch(200, { ok: false, error: { code: 'not_found', message: 'record 9 does not exist' } }) });
    const error = await bridge.call('records.get', { id: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'record 9 does not exist' });
  });

  it('reads an error reply even when it comes with an HTTP error status', async () => {
    const bridge = createHttpBridge({ fetch: fakeFetch(400, { ok: false, error: { code: 'bad_request', message: 'invalid JSON body' } }) });
    await expect(bridge.call('workspace.info', {})).rejects.toMatchObject({ code: 'bad_request', message: 'invalid JSON body' });
  });

  it('turns 401 into a message that tells the user to reopen the printed URL', async () => {
    const bridge = createHttpBridge({ fetch: fakeFetch(401, 'unauthorized: open the URL printed by `assay serve`\n') });
    const error = await bridge.call('workspace.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(401);
    expect((error as Error).message).toBe(SESSION_EXPIRED_MESSAGE);
  });

  it('names the method when the server is unreachable or answers with something that is not a reply', async () => {
    const down = createHttpBridge({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    await expect(down.call('assets.list', {})).rejects.toThrow(/cannot reach the Assay server for assets\.list/);
    const junk = createHttpBridge({ fetch: fakeFetch(502, '<html>Bad gateway</html>') });
    await expect(junk.call('assets.list', {})).rejects.toThrow(/unexpected reply to assets\.list \(HTTP 502\)/);
  });

  it('maps an unknown error code to internal rather than passing it on unchecked', async () => {
    const bridge = createHttpBridge({ fetch: fakeFetch(200, { ok: false, error: { code: 'teapot', message: 'short and stout' } }) });
    await expect(bridge.call('assets.list', {})).rejects.toMatchObject({ code: 'internal', message: 'short and stout' });
  });
});

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onopen: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) { FakeEventSource.opened.push(this); }
  close() { this.closed = true; }
  emit(data: string) { this.onmessage?.({ data } as MessageEvent<string>); }
}

describe('createHttpBridge().subscribe', () => {
  it('opens one event stream for all listeners, delivers valid events, and closes it after the last leaves', () => {
    FakeEventSource.opened = [];
    const bridge = createHttpBridge({ fetch: fakeFetch(200, {}), createEventSource: (url) => new FakeEventSource(url) });
    const a: AssayEvent[] = [];
    const b: AssayEvent[] = [];
    const stopA = bridge.subscribe((event) => a.push(event));
    const stopB = bridge.subscribe((event) => b.push(event));
    expect(FakeEventSource.opened).toHaveLength(1);
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toBe('/api/events');

    source.emit(JSON.stringify({ type: 'workspace.changed', reason: 'import' }));
    source.emit('not json');
    source.emit(JSON.stringify({ type: 'something.else' }));
    expect(a).toEqual([{ type: 'workspace.changed', reason: 'import' }]);
    expect(b).toEqual(a);

    stopA();
    expect(source.closed).toBe(false);
    stopB();
    expect(source.closed).toBe(true);
  });
});

describe('event stream reconnects', () => {
  it('tells listeners when the stream reopens after a drop, so they recheck what they may have missed', () => {
    FakeEventSource.opened = [];
    const bridge = createHttpBridge({ fetch: fakeFetch(200, {}), createEventSource: (url) => new FakeEventSource(url) });
    const seen: AssayEvent[] = [];
    const stop = bridge.subscribe((event) => seen.push(event));
    const source = FakeEventSource.opened[0]!;
    source.onopen?.(new Event('open'));
    expect(seen).toEqual([]); // the first open is not a reconnect
    source.onopen?.(new Event('open'));
    expect(seen).toEqual([{ type: 'workspace.changed', reason: 'events.reconnected' }]);
    stop();
  });
});

describe('parseEvent', () => {
  it('accepts the contract’s event types and rejects anything else', () => {
    expect(parseEvent('{"type":"job.finished","jobId":"j1","status":"succeeded","message":null}')).toMatchObject({ type: 'job.finished' });
    expect(parseEvent('{"type":"progress","jobId":"j","phase":"import","done":1,"total":2,"ratePerSec":null,"etaSec":null,"message":null}'))
      .toMatchObject({ type: 'progress', done: 1 });
    expect(parseEvent('[]')).toBeNull();
    expect(parseEvent('null')).toBeNull();
    expect(parseEvent('{"type":42}')).toBeNull();
  });
});
