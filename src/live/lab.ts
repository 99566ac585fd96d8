// Real sockets on 127.0.0.1 for one live scenario: a server (or two) and a
// client, opened with node:net. Only ports this lab opened are ever touched,
// and close() ends every socket it still holds with a RST so nothing lingers
// but the TIME-WAIT sockets the scenario made (those belong to the kernel and
// outlive the process; that is the point of them).

import net from 'node:net';
import { EventEmitter } from 'node:events';
import { findConnection, findListener, type TcpEntry } from './proc-net-tcp.js';
import type { Actor, PairId, PortChoice } from './scenarios.js';

export const LOOPBACK = '127.0.0.1';

export class LabError extends Error {}

/** The kernel's state of one end, in RFC 9293 spelling (or the kernel's name for a number it does not map). */
export interface ObservedEnds {
  client: string;
  server: string;
}

/** A socket of this lab with a kernel timer running (TIME-WAIT, or an orphaned FIN-WAIT-2). */
export interface KernelTimer {
  pair: PairId;
  end: Actor;
  state: string;
  ms: number;
  local: number;
  remote: number;
}

interface Pair {
  server: net.Server | null;
  serverPort: number | null;
  clientPort: number | null;
  client: net.Socket | null;
  accepted: net.Socket | null;
}

export interface ActionResult {
  /** The application's answer: `connected`, an error code such as ECONNREFUSED, or nothing. */
  answer?: string;
  /** What was done, in socket terms: "bind 127.0.0.1:41234 (SO_REUSEADDR), connect to 127.0.0.1:38211". */
  detail: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export class Lab {
  private readonly pairs = new Map<PairId, Pair>();
  private readonly sockets = new Set<net.Socket>();
  private readonly received = new WeakMap<net.Socket, number>();
  private readonly accepts = new EventEmitter();
  /** The client's port once it has one: what a `same` connect binds again. */
  private fixedPort: number | null = null;
  /** Errors the sockets reported, e.g. `server: ECONNRESET`, since the last take. */
  private errors: string[] = [];

  constructor(ids: readonly PairId[]) {
    for (const id of ids) this.pairs.set(id, { server: null, serverPort: null, clientPort: null, client: null, accepted: null });
  }

  private pair(id: PairId): Pair {
    const p = this.pairs.get(id);
    if (!p) throw new LabError(`no pair ${id} in this scenario`);
    return p;
  }

  ports(id: PairId): { client: number | null; server: number | null } {
    const p = this.pair(id);
    return { client: p.clientPort, server: p.serverPort };
  }

  takeErrors(): string[] {
    const e = this.errors;
    this.errors = [];
    return e;
  }

  private track(s: net.Socket, who: Actor): void {
    this.sockets.add(s);
    this.received.set(s, 0);
    s.on('data', (d: Buffer) => this.received.set(s, (this.received.get(s) ?? 0) + d.length));
    s.on('error', (e: NodeJS.ErrnoException) => this.errors.push(`${who}: ${e.code ?? e.message}`));
  }

  async listen(id: PairId): Promise<ActionResult> {
    const p = this.pair(id);
    if (p.server) throw new LabError(`pair ${id} already listens`);
    const server = net.createServer({ allowHalfOpen: true });
    server.on('connection', (s) => {
      this.track(s, 'server');
      this.accepts.emit('accept', id, s);
    });
    server.on('error', (e: NodeJS.ErrnoException) => this.errors.push(`listener: ${e.code ?? e.message}`));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
    p.server = server;
    p.serverPort = (server.address() as net.AddressInfo).port;
    return { detail: `listen on ${LOOPBACK}:${p.serverPort}` };
  }

  unlisten(id: PairId): ActionResult {
    const p = this.pair(id);
    if (!p.server) throw new LabError(`pair ${id} does not listen`);
    p.server.close(); // the listening socket closes now; the callback would wait for every connection
    p.server = null;
    return { detail: `close the listening socket ${LOOPBACK}:${p.serverPort}` };
  }

  async connect(id: PairId, choice: PortChoice, timeoutMs: number): Promise<ActionResult> {
    const p = this.pair(id);
    if (p.serverPort === null) throw new LabError(`pair ${id} has no server port to connect to`);
    if (choice === 'same' && this.fixedPort === null) throw new LabError('a `same` connect needs an earlier connect to fix the port');
    const sock = new net.Socket({ allowHalfOpen: true });
    this.track(sock, 'client');
    p.client = sock;
    p.accepted = null;
    const opts: net.TcpSocketConnectOpts = { host: LOOPBACK, port: p.serverPort };
    let detail: string;
    if (choice === 'auto') {
      detail = `connect to ${LOOPBACK}:${p.serverPort} (connect() picks the port)`;
    } else if (choice === 'bind') {
      opts.localAddress = LOOPBACK;
      detail = `bind ${LOOPBACK}:0 with SO_REUSEADDR, connect to ${LOOPBACK}:${p.serverPort}`;
    } else {
      opts.localAddress = LOOPBACK;
      opts.localPort = this.fixedPort!;
      p.clientPort = this.fixedPort;
      detail = `bind ${LOOPBACK}:${this.fixedPort} with SO_REUSEADDR, connect to ${LOOPBACK}:${p.serverPort}`;
    }
    const learnPort = (): void => {
      const port = sock.localPort;
      if (port !== undefined && p.clientPort === null) {
        p.clientPort = port;
        if (choice !== 'same') this.fixedPort = port;
      }
    };
    const answer = await new Promise<string>((resolve) => {
      let connected = false;
      const timer = setTimeout(() => finish('timed out'), timeoutMs);
      const onAccept = (pairId: PairId, s: net.Socket): void => {
        if (pairId === id && connected && s.remotePort === p.clientPort) {
          p.accepted = s;
          finish('connected');
        }
      };
      const finish = (a: string): void => {
        clearTimeout(timer);
        this.accepts.off('accept', onAccept);
        resolve(a);
      };
      this.accepts.on('accept', onAccept);
      // The port is bound inside connect(); read it right after, before any error can close the handle.
      sock.once('connectionAttempt', () => process.nextTick(learnPort));
      sock.once('connect', () => {
        learnPort();
        connected = true;
        // The server may have accepted before the client saw its SYN,ACK.
        for (const s of this.sockets) if (s !== sock && s.remotePort === p.clientPort && s.localPort === p.serverPort && !p.accepted) onAccept(id, s);
      });
      sock.once('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      sock.connect(opts);
    });
    if (choice === 'bind' && p.clientPort !== null) detail = detail.replace(`${LOOPBACK}:0`, `${LOOPBACK}:0 → ${p.clientPort}`);
    if (answer !== 'connected') this.errors = this.errors.filter((e) => !e.startsWith('client: ')); // reported as the answer
    return { answer, detail };
  }

  private socketOf(id: PairId, who: Actor): net.Socket {
    const p = this.pair(id);
    const s = who === 'client' ? p.client : p.accepted;
    if (!s) throw new LabError(`pair ${id} has no ${who} connection socket`);
    return s;
  }

  async write(id: PairId, who: Actor, bytes: number, timeoutMs: number): Promise<ActionResult> {
    const s = this.socketOf(id, who);
    const p = this.pair(id);
    const peer = who === 'client' ? p.accepted : p.client;
    const before = peer ? (this.received.get(peer) ?? 0) : 0;
    await new Promise<void>((resolve) => s.write(Buffer.alloc(bytes, 0x61), () => resolve()));
    // Wait until the peer application has read it, unless the peer closed its socket.
    const end = Date.now() + Math.min(timeoutMs, 1000);
    while (peer && !peer.destroyed && (this.received.get(peer) ?? 0) < before + bytes && Date.now() < end) await sleep(5);
    return { detail: `write ${bytes} bytes` };
  }

  end(id: PairId, who: Actor): ActionResult {
    this.socketOf(id, who).end();
    return { detail: 'socket.end(): shutdown(SHUT_WR)' };
  }

  destroy(id: PairId, who: Actor): ActionResult {
    this.socketOf(id, who).destroy();
    return { detail: 'socket.destroy(): close()' };
  }

  reset(id: PairId, who: Actor): ActionResult {
    this.socketOf(id, who).resetAndDestroy();
    return { detail: 'socket.resetAndDestroy(): SO_LINGER 0, close()' };
  }

  /** The kernel's states of this lab's ends, per pair: the connection's socket, else LISTEN if the port listens, else CLOSED. */
  observe(entries: readonly TcpEntry[]): Record<PairId, ObservedEnds> {
    const out = {} as Record<PairId, ObservedEnds>;
    const name = (e: TcpEntry): string => e.state ?? e.kernelName;
    for (const [id, p] of this.pairs) {
      let client = 'CLOSED';
      let server = 'CLOSED';
      if (p.serverPort !== null) {
        const sp = { address: LOOPBACK, port: p.serverPort };
        if (p.clientPort !== null) {
          const cp = { address: LOOPBACK, port: p.clientPort };
          const c = findConnection(entries, cp, sp);
          if (c) client = name(c);
          const s = findConnection(entries, sp, cp);
          if (s) server = name(s);
        }
        if (server === 'CLOSED' && findListener(entries, sp)) server = 'LISTEN';
      }
      out[id] = { client, server };
    }
    return out;
  }

  /** This lab's sockets with a TIME-WAIT timer running (TIME-WAIT, or an orphaned FIN-WAIT-2), longest first. */
  timers(entries: readonly TcpEntry[]): KernelTimer[] {
    const out: KernelTimer[] = [];
    for (const [id, p] of this.pairs) {
      if (p.serverPort === null || p.clientPort === null) continue;
      const ends: Array<[Actor, number, number]> = [
        ['client', p.clientPort, p.serverPort],
        ['server', p.serverPort, p.clientPort],
      ];
      for (const [end, local, remote] of ends) {
        const e = findConnection(entries, { address: LOOPBACK, port: local }, { address: LOOPBACK, port: remote });
        if (e && e.timer === 3) out.push({ pair: id, end, state: e.state ?? e.kernelName, ms: e.timerMs, local, remote });
      }
    }
    return out.sort((a, b) => b.ms - a.ms);
  }

  /** This lab's ports: the servers' and the client's. */
  allPorts(): number[] {
    const out = new Set<number>();
    for (const p of this.pairs.values()) {
      if (p.serverPort !== null) out.add(p.serverPort);
      if (p.clientPort !== null) out.add(p.clientPort);
    }
    return [...out];
  }

  /** Ends every socket still open with a RST and closes the listeners. Safe to call twice. */
  async close(): Promise<void> {
    for (const s of this.sockets) {
      if (s.destroyed) continue;
      if (s.connecting) s.destroy();
      else s.resetAndDestroy();
    }
    for (const p of this.pairs.values()) {
      p.server?.close();
      p.server = null;
    }
    this.accepts.removeAllListeners();
    await sleep(0);
  }
}
