// The two behaviours the model can show. `rfc` is RFC 9293 as written (with
// the RFC 5961 checks it recommends); `linux` is Linux's documented defaults.
// Each value names its source.

export type ProfileName = 'rfc' | 'linux';

export interface Profile {
  name: ProfileName;
  /** Maximum segment lifetime. RFC 9293 3.4.1 defines it as 2 minutes. null: the implementation has no MSL setting. */
  msl: number | null;
  /**
   * TIME-WAIT length when fixed by the implementation, else null (then 2*MSL, RFC 9293 3.10.7.4).
   * Linux: TCP_TIMEWAIT_LEN (60*HZ) in include/net/tcp.h; Linux has no MSL setting.
   */
  fixedTimeWait: number | null;
  /** Orphaned FIN-WAIT-2 timeout. Linux: net.ipv4.tcp_fin_timeout, default 60 s (Documentation/networking/ip-sysctl.rst). RFC: none. */
  finWait2Timeout: number | null;
  /** RFC 6298 2.1: initial RTO of 1 s. Linux: TCP_TIMEOUT_INIT (1*HZ), include/net/tcp.h. */
  rtoInitial: number;
  /** RFC 6298 2.5: a maximum may be placed on RTO, at least 60 s. Linux: TCP_RTO_MAX (120*HZ). */
  rtoMax: number;
  /**
   * Retransmissions of a SYN before giving up.
   * rfc: RFC 1122 4.2.3.5 asks R2 for a SYN to cover at least 3 minutes; with 1 s doubling capped at 60 s,
   *   7 retransmissions give up at 183 s.
   * linux: net.ipv4.tcp_syn_retries = 6 (ip-sysctl.rst), last retransmission at 63 s, give-up at 127 s.
   */
  synRetries: number;
  /** rfc: as for a SYN (a SYN,ACK is a SYN segment, RFC 1122 4.2.3.5). linux: net.ipv4.tcp_synack_retries = 5, give-up at 63 s. */
  synAckRetries: number;
  /**
   * Retransmissions of data or FIN. rfc: RFC 1122 4.2.3.5 R2 of at least 100 s: 6 retransmissions give up at 123 s.
   * linux: net.ipv4.tcp_retries2 = 15 (ip-sysctl.rst).
   */
  dataRetries: number;
  /** FIN retransmissions of an orphaned socket. linux: tcp_orphan_retries = 0, read as 8 (net/ipv4/tcp_timer.c, tcp_orphan_retries()). */
  orphanRetries: number;
  /** SYN cookies when the SYN queue overflows. linux: net.ipv4.tcp_syncookies = 1 (ip-sysctl.rst). RFC 9293 does not have them (RFC 4987 3.6 describes them). */
  syncookies: boolean;
  /** Listen backlog: capacity of the half-open queue. The RFC names none; 128 is Linux's historical SOMAXCONN. */
  backlog: number;
  /**
   * rfc: a passive OPEN's TCB becomes the connection (RFC 9293 3.10.7.2), so the host stops listening.
   * linux: the listening socket stays and each connection is its child (net/ipv4/inet_connection_sock.c).
   */
  listenerPersists: boolean;
  /** linux: a SYN that also carries FIN is discarded in LISTEN (net/ipv4/tcp_input.c, tcp_rcv_state_process). */
  listenDropsSynFin: boolean;
  /** linux: a retransmitted SYN in SYN-RECEIVED makes the listener resend its SYN,ACK (net/ipv4/tcp_minisocks.c, tcp_check_req). */
  resendSynAckOnDupSyn: boolean;
  /** linux: a half-open connection checks the ACK before the sequence number; a wrong one is reset (tcp_check_req). */
  synRecvChecksAckFirst: boolean;
  /** linux: another SYN in SYN-RECEIVED resets the embryonic connection with a RST (tcp_check_req, embryonic_reset). */
  resetOnSynInSynReceived: boolean;
  /**
   * linux: a SYN whose sequence number lies beyond the old connection's, arriving at a TIME-WAIT socket of a
   * listening host, ends TIME-WAIT and opens a new connection (tcp_timewait_state_process, as RFC 1122 4.2.2.13 allows).
   */
  timeWaitAcceptsNewSyn: boolean;
  /**
   * linux: connect() toward the same address and port from a TIME-WAIT connection's own (explicitly bound)
   * port takes the TIME-WAIT socket over at once, and the new connection starts at the old SND.NXT + 65535 + 2.
   * For a port bound before connect() the kernel asks tcp_twsk_unique (net/ipv4/tcp_ipv4.c) with twp == NULL
   * (__inet_hash_connect, net/ipv4/inet_hashtables.c), which allows it whenever the old connection carried
   * timestamps: net.ipv4.tcp_timestamps = 1, the default (ip-sysctl.rst), and PAWS then keeps the old
   * segments out. tcp_tw_reuse is not consulted on that path; it only governs ports connect() picks itself.
   * Observed on Linux 6.18 by `tcp-trainer live reuse-same-server`. Without timestamps connect() fails with
   * EADDRNOTAVAIL. rfc: "connection already exists" until 2MSL ends (RFC 9293 3.10.1, 3.6.1 MUST-13).
   */
  connectTakesOverTimeWait: boolean;
  /** linux: close() orphans the socket; new data arriving afterwards is answered with RST (tcp_rcv_state_process, as RFC 1122 4.2.2.13 asks). */
  resetOnDataAfterClose: boolean;
  /** linux: an abort sends RST,ACK (tcp_send_active_reset); RFC 9293 3.10.5 sends <SEQ=SND.NXT><CTL=RST>. */
  abortSendsRstAck: boolean;
}

const MINUTE = 60_000;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  rfc: {
    name: 'rfc',
    msl: 2 * MINUTE,
    fixedTimeWait: null,
    finWait2Timeout: null,
    rtoInitial: 1000,
    rtoMax: MINUTE,
    synRetries: 7,
    synAckRetries: 7,
    dataRetries: 6,
    orphanRetries: 6,
    syncookies: false,
    backlog: 128,
    listenerPersists: false,
    listenDropsSynFin: false,
    resendSynAckOnDupSyn: false,
    resetOnSynInSynReceived: false,
    synRecvChecksAckFirst: false,
    timeWaitAcceptsNewSyn: false,
    connectTakesOverTimeWait: false,
    resetOnDataAfterClose: false,
    abortSendsRstAck: false,
  },
  linux: {
    name: 'linux',
    msl: null,
    fixedTimeWait: MINUTE,
    finWait2Timeout: MINUTE,
    rtoInitial: 1000,
    rtoMax: 2 * MINUTE,
    synRetries: 6,
    synAckRetries: 5,
    dataRetries: 15,
    orphanRetries: 8,
    syncookies: true,
    backlog: 128,
    listenerPersists: true,
    listenDropsSynFin: true,
    resendSynAckOnDupSyn: true,
    resetOnSynInSynReceived: true,
    synRecvChecksAckFirst: true,
    timeWaitAcceptsNewSyn: true,
    connectTakesOverTimeWait: true,
    resetOnDataAfterClose: true,
    abortSendsRstAck: true,
  },
};

export function isProfileName(s: string): s is ProfileName {
  return s === 'rfc' || s === 'linux';
}
