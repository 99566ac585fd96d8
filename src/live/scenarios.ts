// The live scenarios as data. Each step is a real action on a real socket
// (src/live/lab.ts performs it with node:net) paired with the scenario-language
// lines that model it in the core under the linux profile. Loopback delivery
// is immediate, so an action is usually a call plus `deliver all`.
//
// A scenario talks to one server ('A') or, to show that TIME-WAIT holds a
// 4-tuple and not a port, to two ('A' and 'B') from the same client port.
// Each pair of ends has its own model: the core has one client and one server.

import type { Lang } from '../content/schema.js';
import type { SysctlValues } from './sysctl.js';

export type PairId = 'A' | 'B';
export type Actor = 'client' | 'server';

/**
 * How the client gets its port. `auto`: connect() picks one (no bind(), so no SO_REUSEADDR);
 * `bind`: bind(127.0.0.1, 0) first, which libuv does with SO_REUSEADDR, and the kernel picks the port;
 * `same`: bind the port the scenario's client used before (SO_REUSEADDR again), then connect.
 */
export type PortChoice = 'auto' | 'bind' | 'same';

export type Action =
  /** server: listen on 127.0.0.1, port 0 (the kernel picks a free one). */
  | { kind: 'listen' }
  /** server: close the listening socket (server.close()); connections stay. */
  | { kind: 'unlisten' }
  /** client: connect to the pair's server; the server accepts (Node accepts at once). */
  | { kind: 'connect'; port: PortChoice }
  | { kind: 'write'; bytes: number }
  /** socket.end(): shutdown(SHUT_WR), a FIN; the socket still reads. */
  | { kind: 'end' }
  /** socket.destroy(): close(); a FIN (or a RST if unread data is left). */
  | { kind: 'destroy' }
  /** socket.resetAndDestroy(): SO_LINGER 0 and close(): a RST. */
  | { kind: 'reset' }
  /** Nothing but time passing. */
  | { kind: 'wait'; ms: number };

export interface LiveStep {
  /** The pair of ends the action is on; default A. */
  pair?: PairId;
  /** Who acts; ignored for wait. */
  actor: Actor;
  action: Action;
  /** The scenario-language lines that model the action in this pair's core. */
  model: string[];
  /** What to look at, one or two sentences. */
  note: string;
  /** The application's answer the kernel must give (`connected`, `ECONNREFUSED`, `EADDRINUSE`, ...); checked by the test. */
  answer?: string;
  /** In the terminal view, count the kernel's timer down after this step (TIME-WAIT, orphaned FIN-WAIT-2). */
  countdown?: boolean;
}

export interface LiveScenario {
  id: string;
  title: Record<Lang, string>;
  /** Why the kernel does what it does, a short paragraph for the learner. */
  explain: string;
  pairs: readonly PairId[];
  steps: readonly LiveStep[];
  /** The sysctl values the model's prediction relies on; the machine may differ (then the view says so). */
  assumes?: SysctlValues;
  /** Upper bound on the whole run without the countdown, in ms. */
  limitMs: number;
}

const LISTEN: LiveStep = { actor: 'server', action: { kind: 'listen' }, model: ['server listen'], note: 'The listening socket: LISTEN. The client has no socket yet.' };

function connect(port: PortChoice = 'auto', note = 'SYN, SYN,ACK, ACK over the loopback; the server accepts.'): LiveStep {
  return { actor: 'client', action: { kind: 'connect', port }, model: ['client connect', 'deliver all'], note, answer: 'connected' };
}

export const LIVE_SCENARIOS: readonly LiveScenario[] = [
  {
    id: 'handshake',
    title: { en: 'Three-way handshake', zh: '三次握手' },
    explain:
      'connect() sends a SYN; the listening socket answers SYN,ACK and the client ACKs. Both ends are ESTABLISHED before accept() returns: the kernel finishes the handshake and queues the new socket for the application, while the listening socket stays in LISTEN for the next client.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'write', bytes: 1000 }, model: ['client send 1000', 'deliver all'], note: 'Data flows; the states do not change.' },
    ],
    limitMs: 10_000,
  },
  {
    id: 'close-client',
    title: { en: 'Close started by the client', zh: '客户端发起关闭' },
    explain:
      'The side that sends the first FIN ends in TIME-WAIT. The client closes: FIN-WAIT-1, then FIN-WAIT-2 once the server ACKs; the server, told by the FIN that no more data comes, sits in CLOSE-WAIT until its application closes too. Then the server goes through LAST-ACK to CLOSED (its listener shows LISTEN) and the client waits in TIME-WAIT for 60 s (TCP_TIMEWAIT_LEN; Linux has no setting for it) on its port.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'The client’s FIN is ACKed: FIN-WAIT-2 facing CLOSE-WAIT.' },
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The server’s FIN: the client ACKs it and enters TIME-WAIT.', countdown: true },
    ],
    limitMs: 10_000,
  },
  {
    id: 'close-server',
    title: { en: 'Close started by the server', zh: '服务器发起关闭' },
    explain:
      'The same close with the roles swapped: now the server sends the first FIN, so TIME-WAIT lands on the server side, on the connection from its listening port to the client’s port. This is why busy servers that close first collect TIME-WAIT sockets; each one holds only its own 4-tuple, so the listening port keeps accepting other clients.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The server’s FIN is ACKed: FIN-WAIT-2 on the server, CLOSE-WAIT on the client.' },
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'The client closes too: LAST-ACK, CLOSED; the server waits in TIME-WAIT.', countdown: true },
    ],
    limitMs: 10_000,
  },
  {
    id: 'never-close',
    title: { en: 'The peer that never closes', zh: '永不关闭的对端' },
    explain:
      'The client closes; the server application never does. Its socket stays in CLOSE-WAIT for as long as the application keeps it: TCP never ends CLOSE-WAIT by itself, which is why a pile of CLOSE-WAIT sockets means a bug in the application. The client called close(), so its socket is orphaned: Linux gives an orphaned FIN-WAIT-2 tcp_fin_timeout (60 s) to receive the FIN, then drops it silently. If the server closes within that time, the client goes to TIME-WAIT; later, its FIN meets no socket and is answered with a RST.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'FIN-WAIT-2 facing CLOSE-WAIT.' },
      {
        actor: 'client',
        action: { kind: 'wait', ms: 2000 },
        model: ['wait 2s'],
        note: 'Nothing happens: CLOSE-WAIT waits for the application, FIN-WAIT-2 for the peer’s FIN (or tcp_fin_timeout).',
        countdown: true,
      },
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The server application closes at last.' },
    ],
    limitMs: 12_000,
  },
  {
    id: 'half-close',
    title: { en: 'Half-close: data still flows', zh: '半关闭：数据仍在流动' },
    explain:
      'shutdown(SHUT_WR) (Node: socket.end()) sends a FIN but keeps reading. The client is in FIN-WAIT-2 and the server in CLOSE-WAIT, and the server can still send: CLOSE-WAIT only means the peer will send no more. (The server must not end on the client’s FIN by itself: net.createServer({ allowHalfOpen: true }).) When the server ends too, the client enters TIME-WAIT.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'end' }, model: ['client shutdown', 'deliver all'], note: 'The client’s FIN: FIN-WAIT-2 facing CLOSE-WAIT, and the client still reads.' },
      { actor: 'server', action: { kind: 'write', bytes: 5000 }, model: ['server send 5000', 'deliver all'], note: '5000 bytes reach the client in FIN-WAIT-2.' },
      { actor: 'server', action: { kind: 'end' }, model: ['server shutdown', 'deliver all'], note: 'The server’s FIN: LAST-ACK, then CLOSED; the client in TIME-WAIT.', countdown: true },
    ],
    limitMs: 10_000,
  },
  {
    id: 'data-after-close',
    title: { en: 'Data after close() is answered with RST', zh: 'close() 之后到达的数据被 RST 回应' },
    explain:
      'After close() nobody can read the socket, so Linux answers new data with a RST instead of ACKing it (tcp_rcv_state_process; RFC 1122 4.2.2.13). The client closed; the server, in CLOSE-WAIT, still sends; the client resets and both ends are gone: no TIME-WAIT on either side. Compare half-close, where shutdown() keeps the socket readable.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'FIN-WAIT-2 (orphaned) facing CLOSE-WAIT.' },
      { actor: 'server', action: { kind: 'write', bytes: 100 }, model: ['server send 100', 'deliver all'], note: 'The data meets a closed socket: RST, and both connections are gone.' },
    ],
    limitMs: 10_000,
  },
  {
    id: 'abort',
    title: { en: 'Abort with RST', zh: '用 RST 中止连接' },
    explain:
      'An abort (SO_LINGER with a zero timeout, then close(); Node: socket.resetAndDestroy()) sends a RST instead of a FIN and frees the socket at once: no FIN-WAIT, no TIME-WAIT. The server’s connection is reset (ECONNRESET) and only its listener remains.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect(),
      { actor: 'client', action: { kind: 'reset' }, model: ['client abort', 'deliver all'], note: 'RST: both connection sockets vanish.' },
    ],
    limitMs: 10_000,
  },
  {
    id: 'refused',
    title: { en: 'Connection refused: nobody listens', zh: '连接被拒绝：无人监听' },
    explain:
      'A SYN to a port where nothing listens is answered with a RST (RFC 9293 3.10.7.1), and connect() fails with ECONNREFUSED straight away; no retransmission, no timeout. The lab opens a listening port, closes it, and connects to it: only a port it opened itself.',
    pairs: ['A'],
    steps: [
      LISTEN,
      { actor: 'server', action: { kind: 'unlisten' }, model: ['server close'], note: 'The listener is closed: nothing listens on the port any more.' },
      {
        actor: 'client',
        action: { kind: 'connect', port: 'auto' },
        model: ['client connect', 'deliver all'],
        note: 'The SYN meets no socket: RST,ACK, and connect() fails.',
        answer: 'ECONNREFUSED',
      },
    ],
    limitMs: 10_000,
  },
  {
    id: 'reuse-same-server',
    title: { en: 'Same client port, same server, during TIME-WAIT', zh: 'TIME-WAIT 期间用同一客户端端口连同一服务器' },
    explain:
      'The client binds its port (libuv sets SO_REUSEADDR on every bind), closes first and leaves the 4-tuple in TIME-WAIT. A new socket binds the same port and connects to the same server: the very 4-tuple TIME-WAIT guards. Linux takes the TIME-WAIT socket over at once. For a port bound before connect(), the kernel asks tcp_twsk_unique (net/ipv4/tcp_ipv4.c) without the tcp_tw_reuse test, and lets it go whenever the old connection used TCP timestamps (tcp_timestamps=1): PAWS then rejects any late segment of the old connection, and the new one starts its sequence numbers past the old. tcp_tw_reuse (2: loopback only) and tcp_tw_reuse_delay only govern ports connect() picks itself. With timestamps off, this connect() fails with EADDRNOTAVAIL.',
    pairs: ['A'],
    assumes: { tcp_timestamps: '1' },
    steps: [
      LISTEN,
      connect('bind', 'bind(127.0.0.1, 0) with SO_REUSEADDR, then connect: the client’s port is now fixed.'),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'FIN-WAIT-2 facing CLOSE-WAIT.' },
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The client’s 4-tuple is in TIME-WAIT.' },
      connect('same', 'A new socket binds the same port and connects to the same server: the TIME-WAIT socket is taken over.'),
    ],
    limitMs: 10_000,
  },
  {
    id: 'reuse-other-port',
    title: { en: 'Same client port, another server port', zh: '同一客户端端口连另一个服务器端口' },
    explain:
      'TIME-WAIT guards a 4-tuple (client address and port, server address and port), not a port. While 127.0.0.1:P → A is in TIME-WAIT, a socket bound to the same port P connects to another server port B at once: a different 4-tuple, nothing to protect. bind() lets two sockets share the port because both set SO_REUSEADDR (libuv does it on every bind) and neither listens; connect() then checks only that the full 4-tuple is unique.',
    pairs: ['A', 'B'],
    steps: [
      LISTEN,
      { ...LISTEN, pair: 'B', note: 'A second listening port, B.' },
      connect('bind', 'bind(127.0.0.1, 0) with SO_REUSEADDR, then connect to A: the client’s port is now fixed.'),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'FIN-WAIT-2 facing CLOSE-WAIT.' },
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The 4-tuple P → A is in TIME-WAIT.' },
      {
        ...connect('same', 'Same port P, toward B: ESTABLISHED, while P → A stays in TIME-WAIT.'),
        pair: 'B',
        countdown: true,
      },
    ],
    limitMs: 10_000,
  },
  {
    id: 'port-in-use',
    title: { en: 'bind() to a TIME-WAIT port without SO_REUSEADDR', zh: '没有 SO_REUSEADDR 时 bind() 到 TIME-WAIT 端口' },
    explain:
      'Here the first client lets connect() pick its port, so its socket never set SO_REUSEADDR, and neither does its TIME-WAIT socket. bind() looks at the port alone, before any destination is known, and admits a second socket on it only when both sockets set SO_REUSEADDR (inet_bind_conflict in net/ipv4/inet_connection_sock.c). So binding that port fails with EADDRINUSE while the TIME-WAIT lasts, whatever server the new socket meant to reach. The model has no ports and no bind(): its prediction for that step is that nothing changes.',
    pairs: ['A'],
    steps: [
      LISTEN,
      connect('auto', 'connect() picks the port itself: no bind(), no SO_REUSEADDR.'),
      { actor: 'client', action: { kind: 'destroy' }, model: ['client close', 'deliver all'], note: 'FIN-WAIT-2 facing CLOSE-WAIT.' },
      { actor: 'server', action: { kind: 'destroy' }, model: ['server close', 'deliver all'], note: 'The client’s 4-tuple is in TIME-WAIT.' },
      {
        actor: 'client',
        action: { kind: 'connect', port: 'same' },
        model: [],
        note: 'bind() to the same port fails before anything is sent; the TIME-WAIT stays.',
        answer: 'EADDRINUSE',
        countdown: true,
      },
    ],
    limitMs: 10_000,
  },
];

export function findLiveScenario(id: string): LiveScenario | undefined {
  return LIVE_SCENARIOS.find((s) => s.id === id);
}
