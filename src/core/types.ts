import type { HostId, Segment } from './segment.js';
import type { Profile } from './profile.js';

// RFC 9293 3.3.2 spells the states with hyphens; so does the model.
export const STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;

export type State = (typeof STATES)[number];
/** The states a TCB can be in; CLOSED means no TCB, LISTEN belongs to the listener. */
export type ConnState = Exclude<State, 'CLOSED' | 'LISTEN'>;

export function isState(s: string): s is State {
  return (STATES as readonly string[]).includes(s);
}

/** A retransmission timer as data: when it fires, the current RTO and how often it has fired. */
export interface Rexmt {
  deadline: number;
  rto: number;
  retries: number;
}

/** The transmission control block of RFC 9293 3.3.1, reduced to what connection management needs. */
export interface Tcb {
  state: ConnState;
  /** RFC 9293 3.5 MUST-11: remember whether SYN-RECEIVED came from a passive OPEN. */
  passive: boolean;
  /** rfc profile: the listener this TCB grew from, restored when the connection returns to LISTEN. */
  parent: Listener | null;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  /** Bytes handed over by the application and not yet sent. */
  queued: number;
  /** close or shutdown was called; the FIN goes after the queued bytes. */
  finQueued: boolean;
  finSent: boolean;
  /** close() was called while still in SYN-RECEIVED with data queued (RFC 9293 3.10.4): finish it on ESTABLISHED. */
  closeOnEstablished: boolean;
  /** The application closed (not just shut down writing): nothing reads from this socket any more. */
  orphan: boolean;
  /** Bytes the application has received. */
  received: number;
  rexmt: Rexmt | null;
  /** Deadline of the 2MSL timer (RFC 9293 3.10.8 TIME-WAIT TIMEOUT). */
  timeWait: number | null;
  /** Deadline of Linux's orphaned FIN-WAIT-2 timer (tcp_fin_timeout). */
  finWait2: number | null;
  /** When this TCB last answered an unacceptable segment or sent a challenge ACK (for throttling). */
  lastOowAck: number | null;
}

/** A half-open entry for a SYN from a spoofed address (flood). */
export interface HalfOpen {
  source: number;
  irs: number;
  iss: number;
  rexmt: Rexmt;
}

export interface Listener {
  backlog: number;
  /** SYN queue entries of spoofed sources; the client's own half-open connection is the host's TCB. */
  queue: HalfOpen[];
  /** Last time the queue overflowed and a SYN cookie went out (Linux validates cookies only after a recent overflow). */
  cookieSentAt: number | null;
}

export interface Host {
  id: HostId;
  conn: Tcb | null;
  listener: Listener | null;
  /** ISN for this host's next connection, set by the script; null: drawn from the seed. */
  nextIsn: number | null;
}

export type Direction = 'c>s' | 's>c';

export interface InFlight {
  dir: Direction;
  seg: Segment;
}

export interface Config {
  profile: Profile;
  /** TIME-WAIT length in ms (2*MSL, or the profile's fixed value). */
  timeWait: number;
  rto: number;
  backlog: number;
  syncookies: boolean;
  seed: number;
}

/** What happened, in order, for the learner to read. */
export interface CoreEvent {
  host: HostId | 'network';
  text: string;
  /** Where the rule comes from: "RFC 9293 3.10.7.4", "Linux tcp_fin_timeout", ... */
  ref: string;
  /** State change, when this event is one. */
  from?: State;
  to?: State;
  /** The segment, when the event is a send or a network action. */
  seg?: Segment;
}

export interface World {
  config: Config;
  now: number;
  client: Host;
  server: Host;
  /** Segments in flight, oldest first, both directions. */
  net: InFlight[];
  rng: number;
  /** Secret for SYN cookies, drawn from the seed. */
  cookieSecret: number;
  nextSpoofSource: number;
  /** Everything each host emitted toward the other since the last drain. */
  sent: Segment[];
  /** Replies that went to spoofed sources (flood), since the last drain. */
  spoofedReplies: number;
  events: CoreEvent[];
}
