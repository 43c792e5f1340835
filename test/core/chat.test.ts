import { expect } from '@open-wc/testing';
import type { ChatMessage, ChatSession } from '../../src/core/adapter/types.js';
import { ChatHistoryStore, clearChatHistory } from '../../src/core/chat/history.js';
import { describeHours, operatorsOnline, parseHours } from '../../src/core/chat/hours.js';
import { lastSeq, mergeBySeq } from '../../src/core/chat/merge-by-seq.js';
import { transcriptText } from '../../src/core/chat/transcript.js';
import { clearLocalData } from '../../src/core/local-data.js';

const m = (seq: number, text = `m${seq}`): ChatMessage => ({ id: `s:${seq}`, seq, author: 'operator', text, at: '2026-12-04T15:31:00Z' });

describe('chat core', () => {
  it('merges by seq: replays, gaps filled later and out-of-order arrivals give each message once, in order', () => {
    let list = mergeBySeq([], [m(1), m(2), m(4)]);
    list = mergeBySeq(list, [m(2), m(3), m(4), m(5)]); // a replay after a reconnect, with the gap
    list = mergeBySeq(list, [m(1)]);
    expect(list.map((x) => x.seq)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(mergeBySeq(list, [m(3)])).to.equal(list, 'nothing new: the same array');
    expect(mergeBySeq(list, [m(3, 'fresh link')])[2]!.text).to.equal('fresh link', 'a changed copy replaces the old one');
    expect(lastSeq(list)).to.equal(5);
  });

  it('working hours in Moscow time, whatever the browser\'s zone', () => {
    const hours = parseHours('1-5 08:00-20:00; 6 09:00-17:00')!;
    // Friday 2026-12-04 19:59 Moscow = 16:59 UTC; 20:00 Moscow closed; Sunday closed.
    expect(operatorsOnline(new Date('2026-12-04T16:59:00Z'), hours)).to.equal(true);
    expect(operatorsOnline(new Date('2026-12-04T17:00:00Z'), hours)).to.equal(false);
    expect(operatorsOnline(new Date('2026-12-05T06:30:00Z'), hours)).to.equal(true, 'Saturday 09:30');
    expect(operatorsOnline(new Date('2026-12-06T10:00:00Z'), hours)).to.equal(false, 'Sunday');
    expect(parseHours('пн-пт')).to.equal(undefined);
    expect(parseHours('1 20:00-08:00')).to.equal(undefined);
    expect(describeHours(hours, 'ru')).to.equal('пн–пт 08:00–20:00, сб 09:00–17:00');
  });

  it('the transcript has Moscow times and the authors in words', () => {
    const text = transcriptText([{ author: 'citizen', text: 'Здравствуйте', at: '2026-12-04T15:31:00Z' }, m(2, 'Добрый день')], { citizen: 'Вы', bot: 'Бот', operator: 'Оператор', system: 'Поддержка' });
    expect(text).to.equal('[04.12.2026, 18:31] Вы: Здравствуйте\n[04.12.2026, 18:31] Оператор: Добрый день');
  });

  it('history: kept per key, forgotten after the retention, wiped by clearLocalData()', async () => {
    const name = `gu-chat-test-${Date.now()}`;
    const session: ChatSession = { id: 's', token: 't', state: 'bot' };
    const store = await ChatHistoryStore.open(60_000, name);
    await store.write({ key: 'a', session, messages: [m(1)] });
    expect((await store.read('a'))!.messages).to.have.length(1);
    store.close();
    const expired = await ChatHistoryStore.open(-1, name); // everything is older than the retention
    expect(await expired.read('a')).to.equal(undefined);
    expired.close();
    const kept = await ChatHistoryStore.open(60_000);
    await kept.write({ key: 'wipe-me', session, messages: [m(1)] });
    await clearLocalData();
    expect(await kept.read('wipe-me')).to.equal(undefined);
    kept.close();
    await clearChatHistory(name);
  });
});
