import { describe, expect, it } from 'vitest';
import { packPayloads, unpackPayloads } from './payload-archive';

describe('payload archive', () => {
  const payloads = { requestPayload: { prompt: 'Write a conversation. '.repeat(200), temperature: 0.8 }, responsePayload: { turns: [{ role: 'user', content: 'Ünïcode “quotes” 💬' }] } };

  it('round-trips both payloads through bytes and base64, much smaller than the JSON', () => {
    const { gz, jsonBytes } = packPayloads(payloads);
    expect(gz.length).toBeLessThan(jsonBytes / 10);
    expect(unpackPayloads(gz)).toEqual(payloads);
    expect(unpackPayloads(new Uint8Array(gz))).toEqual(payloads);
    expect(unpackPayloads(gz.toString('base64'))).toEqual(payloads);
  });

  it('keeps a missing side as null', () => {
    expect(unpackPayloads(packPayloads({ requestPayload: { a: 1 }, responsePayload: undefined }).gz)).toEqual({ requestPayload: { a: 1 }, responsePayload: null });
  });
});
