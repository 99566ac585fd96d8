// The key-point matcher: answers that should and should not cover a point, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { keywordsOf, matchPoint, matchPoints, normalize, sameStem, stem } from '../../src/drill/match.js';

const TW_REASON_ONE = { en: "Reason one is to re-acknowledge the peer's FIN if the final ACK is lost.", zh: '理由一：最后的 ACK 丢失时，能再次确认对方的 FIN。' };
const TW_REASON_TWO = { en: 'Reason two is to let old duplicate segments expire before the 4-tuple is reused.', zh: '理由二：在四元组被重用之前，让旧的重复报文段过期。' };
const CLOSE_WAIT_BUG = { en: 'The cause is an application bug or descriptor leak, not the network.', zh: '原因是应用缺陷或描述符泄漏，而不是网络。' };
const SYN_FLOOD = { en: 'Spoofed SYNs fill the half-open queue; real SYNs are dropped.', zh: '伪造的 SYN 塞满半连接队列，正常 SYN 被丢弃。' };
const RETRANSMIT_RST = { en: 'Without TIME-WAIT the retransmitted FIN would be answered with a RST.', zh: '没有 TIME-WAIT，重传的 FIN 会换来 RST。' };
const both = (p: { en: string; zh: string }): string[] => [p.en, p.zh];

describe('normalising', () => {
  it('folds case, full-width letters, hyphens and underscores', () => {
    expect(normalize('ＴＩＭＥ_WAIT')).toBe('time wait');
    expect(normalize('TIME-WAIT')).toBe(normalize('time_wait'));
    expect(normalize('SYN/ACK')).toBe('syn ack');
  });

  it('stems plurals and tenses so that they meet', () => {
    expect(stem('closes')).toBe(stem('closed'));
    expect(stem('closed')).toBe(stem('close'));
    expect(stem('dropped')).toBe(stem('drop'));
    expect(stem('queues')).toBe(stem('queue'));
    expect(sameStem(stem('retransmitted'), stem('retransmission'))).toBe(true);
    expect(sameStem(stem('reset'), stem('resend'))).toBe(false);
    expect(stem('2msl')).toBe('2msl');
  });
});

describe('keywords of a key point', () => {
  it('takes protocol terms, numbers and content words, and leaves out the filler', () => {
    const labels = keywordsOf('RFC 9293 gives 2MSL = 240 s; Linux uses a fixed 60 s.').map((k) => k.label);
    expect(labels).toEqual(expect.arrayContaining(['2msl', '240', '60', 'fixed', 'linux', '9293']));
    expect(labels).not.toContain('a');
    expect(labels).not.toContain('s');
  });

  it('reads multi-word terms as one keyword', () => {
    const labels = keywordsOf(TW_REASON_TWO.en).map((k) => k.label);
    expect(labels).toEqual(expect.arrayContaining(['old duplicate', '4 tuple', 'reuse', 'expire']));
    expect(labels).not.toContain('duplicate');
  });

  it('finds known terms inside Chinese text, which has no spaces', () => {
    const labels = keywordsOf(TW_REASON_TWO.zh).map((k) => k.label);
    expect(labels).toEqual(expect.arrayContaining(['old duplicate', '4 tuple', 'reuse', 'expire']));
    expect(keywordsOf(SYN_FLOOD.zh).map((k) => k.label)).toEqual(expect.arrayContaining(['spoof', 'half open', 'lost', 'syn']));
  });
});

describe('English answers', () => {
  it('covers a point said in other words', () => {
    const answer = 'If the last ACK gets lost, the other side resends its FIN, so we have to stay around to ACK it again.';
    expect(matchPoint(TW_REASON_ONE.en, answer).hit).toBe(true);
    expect(matchPoint(TW_REASON_TWO.en, 'Stale packets from the old connection may still be in flight; they have to die before the same four-tuple can be reused.').hit).toBe(true);
    expect(matchPoint(CLOSE_WAIT_BUG.en, 'It is a bug in our app: it leaks file descriptors and never calls close().').hit).toBe(true);
    expect(matchPoint(SYN_FLOOD.en, 'The attacker sends forged SYNs that fill the SYN queue, so genuine SYNs get dropped.').hit).toBe(true);
  });

  it('tolerates case, TIME_WAIT spellings and full-width letters', () => {
    expect(matchPoint(RETRANSMIT_RST.en, 'without time_wait a retransmitted ｆｉｎ would get a rst back').hit).toBe(true);
  });

  it('does not cover a point the answer does not make', () => {
    const answer = 'If the last ACK gets lost, the other side resends its FIN, so we have to stay around to ACK it again.';
    expect(matchPoint(TW_REASON_TWO.en, answer).hit).toBe(false);
    expect(matchPoint(CLOSE_WAIT_BUG.en, answer).hit).toBe(false);
    expect(matchPoint(SYN_FLOOD.en, 'TIME-WAIT lasts 2MSL so that old duplicates expire.').hit).toBe(false);
  });

  it('is not fooled by an answer that only names the flags', () => {
    expect(matchPoint(TW_REASON_ONE.en, 'SYN, ACK, FIN and RST.').hit).toBe(false);
    expect(matchPoint('No RST is sent in reply to a RST, and synchronized states answer bad segments with an ACK.', 'The client sees a wrong ack and sends RST.').hit).toBe(false);
  });
});

describe('Chinese answers', () => {
  it('covers a Chinese point said in other words', () => {
    expect(matchPoint(TW_REASON_ONE.zh, '如果最后一个ACK丢了，对端会重传FIN，我们必须还在，才能再确认一次。').hit).toBe(true);
    expect(matchPoint(TW_REASON_TWO.zh, '网络里可能还有迟到的旧报文，等它们消亡之后四元组才能复用。').hit).toBe(true);
    expect(matchPoint(CLOSE_WAIT_BUG.zh, '说明应用有缺陷，描述符泄漏了，跟网络无关。').hit).toBe(true);
    expect(matchPoint(SYN_FLOOD.zh, '攻击者伪造大量 SYN，把半连接队列塞满，正常的 SYN 就被丢弃了。').hit).toBe(true);
  });

  it('does not cover a Chinese point the answer does not make', () => {
    const answer = '如果最后一个ACK丢了，对端会重传FIN，我们必须还在，才能再确认一次。';
    expect(matchPoint(TW_REASON_TWO.zh, answer).hit).toBe(false);
    expect(matchPoint(CLOSE_WAIT_BUG.zh, answer).hit).toBe(false);
    expect(matchPoint(SYN_FLOOD.zh, 'TIME-WAIT 持续 2MSL，让旧报文过期。').hit).toBe(false);
  });

  it('reads an answer in either language against a point written in both', () => {
    expect(matchPoint(both(TW_REASON_TWO), '网络里可能还有迟到的旧报文，等它们消亡之后四元组才能复用。').hit).toBe(true);
    expect(matchPoint(both(TW_REASON_TWO), 'Stale packets must die before the same four-tuple is reused.').hit).toBe(true);
    // A Chinese answer against the English point alone: the synonym table bridges the languages.
    expect(matchPoint(TW_REASON_ONE.en, '最后的ACK丢失时，对端重传FIN，需要再次确认。').hit).toBe(true);
    // Mixed: Chinese sentences with English terms.
    expect(matchPoint(both(RETRANSMIT_RST), '要是没有 TIME_WAIT，对方 retransmit 的 FIN 到达时连接已经没了，只能回 RST。').hit).toBe(true);
    expect(matchPoint(both(SYN_FLOOD), '没有 TIME-WAIT，重传的 FIN 会换来 RST。').hit).toBe(false);
  });
});

describe('the checklist', () => {
  it('pre-ticks one box per point and none for an empty answer', () => {
    const points = [both(TW_REASON_ONE), both(TW_REASON_TWO), both(CLOSE_WAIT_BUG)];
    expect(matchPoints(points, '')).toEqual([false, false, false]);
    expect(matchPoints(points, '   \n ')).toEqual([false, false, false]);
    expect(matchPoints(points, 'The final ACK may be lost; the peer then retransmits its FIN and we ACK it again. Old duplicate segments also expire before the 4-tuple is reused.')).toEqual([true, true, false]);
  });
});
