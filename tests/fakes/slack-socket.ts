/**
 * A fake Socket Mode endpoint: a `ws` server on 127.0.0.1 that greets each client with
 * `{"type":"hello"}` and sends envelopes `{envelope_id, type, payload, accepts_response_payload}`;
 * `send` resolves with the client's ack `{envelope_id, payload?}`.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Ack {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export class FakeSocketMode {
  private wss: WebSocketServer | undefined;
  private readonly clients = new Set<WebSocket>();
  private readonly waiting = new Map<string, (a: Ack) => void>();
  readonly acks: Ack[] = [];
  private connected: Promise<void> = new Promise(() => {});
  private onConnected: () => void = () => {};

  async start(): Promise<this> {
    this.connected = new Promise((r) => (this.onConnected = r));
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.wss!.on('listening', () => r()));
    this.wss.on('connection', (ws) => {
      this.clients.add(ws);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.push(ack);
        this.waiting.get(ack.envelope_id)?.(ack);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0SVARSTID' } }));
      this.onConnected();
    });
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as AddressInfo).port}/link/?ticket=fake`;
  }

  whenConnected(): Promise<void> {
    return this.connected;
  }

  /** sends an envelope to every client; resolves with the ack (or rejects after `timeoutMs`) */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown, timeoutMs = 3000): Promise<Ack> {
    const envelope_id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(envelope_id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      const envelope = { envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...(type === 'events_api' && { retry_attempt: 0, retry_reason: '' }) };
      for (const c of this.clients) c.send(JSON.stringify(envelope));
    });
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.terminate();
    await new Promise<void>((r) => (this.wss ? this.wss.close(() => r()) : r()));
  }
}
