import { ValidationError } from '@growthhub/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPrivateAddress, uploadMedia, XApi } from '../../src/index';
import { type ConnectedAccount, connectedAccount } from '../connected-account';
import { type MediaHost, pngBytes, startMediaHost } from '../media-host';

let host: MediaHost;
let account: ConnectedAccount;

beforeEach(async () => {
  host = await startMediaHost();
  account = await connectedAccount({ adapter: { allowPrivateMediaHosts: false } });
});

afterEach(async () => {
  await account.close();
  await host.close();
});

async function publishImageFrom(url: string) {
  const post = account.post({ kind: 'image', media: [{ kind: 'image', url, mimeType: 'image/png' }] });
  return account.publisher.publish(post, { idempotencyKey: post.idempotencyKey }).catch((thrown) => thrown);
}

describe('fetching media from URLs', () => {
  it('refuses loopback, private and link-local addresses unless the host allows them', async () => {
    const local = host.add('/p.png', pngBytes(), 'image/png');
    const hostname = local.replace('127.0.0.1', 'localhost');
    for (const url of [
      local,
      hostname,
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/a.png',
      'http://[::1]/a.png',
    ]) {
      const error = await publishImageFrom(url);
      expect(ValidationError.isInstance(error), url).toBe(true);
      expect((error as ValidationError).field).toBe('post.media.0.url');
      expect((error as ValidationError).reason).toMatch(/private address/);
    }
    expect(account.emulator.requests).toEqual([]);
  });

  it('refuses an IPv4-mapped IPv6 loopback literal', async () => {
    const error = await publishImageFrom('http://[::ffff:127.0.0.1]/a.png');
    expect((error as ValidationError).reason).toMatch(/private address/);
  });

  it('refuses IPv6 addresses that reach IPv4 through 6to4 or NAT64, public IPv4 inside included', async () => {
    for (const address of [
      '2002:a00:1::1',
      '2002:808:808::1',
      '64:ff9b:1::a00:1',
      '64:ff9b:1:ffff::1',
      '64:ff9b::10.0.0.1',
      '64:ff9b::7f00:1',
      '64:ff9b::8.8.8.8',
      '::ffff:a00:1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['2003::1', '64:ff9b:2::1', '2001:4860:4860::8888'])
      expect(isPrivateAddress(address), address).toBe(false);
    for (const url of ['http://[2002:7f00:1::1]/a.png', 'http://[64:ff9b:1::7f00:1]/a.png']) {
      const error = await publishImageFrom(url);
      expect((error as ValidationError).reason, url).toMatch(/private address/);
    }
    expect(account.emulator.requests).toEqual([]);
  });

  it('refuses schemes other than http and https', async () => {
    const api = new XApi(account.context, account.adapter.settings);
    for (const url of ['file:///etc/passwd', 'ftp://files.example.com/a.png', 'data:image/png;base64,AAAA']) {
      const error = await uploadMedia(api, { url }, 'image', { field: 'media.0.url' }).catch(
        (thrown) => thrown,
      );
      expect(ValidationError.isInstance(error), url).toBe(true);
      expect((error as ValidationError).reason).toMatch(/scheme/);
    }
    expect(account.emulator.requests).toEqual([]);
  });

  it('uploads media from a stream and from bytes', async () => {
    const api = new XApi(account.context, account.adapter.settings);
    const stream = new Blob([pngBytes(4000)]).stream();
    const fromStream = await uploadMedia(api, { stream, mimeType: 'image/png' }, 'image');
    const fromBytes = await uploadMedia(api, { bytes: pngBytes(1000), mimeType: 'image/png' }, 'image');
    expect(account.emulator.media(fromStream.mediaId)?.segments.get(0)?.byteLength).toBe(4000);
    expect(account.emulator.media(fromBytes.mediaId)?.segments.get(0)?.byteLength).toBe(1000);
  });

  it('refuses media over X’s size cap while reading it', async () => {
    const api = new XApi(account.context, account.adapter.settings);
    const big = { stream: new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]).stream(), mimeType: 'image/png' };
    const error = await uploadMedia(api, big, 'image').catch((thrown) => thrown);
    expect((error as ValidationError).reason).toMatch(/at most 5242880/);
  });

  it('fetches from a private host when allowPrivateMediaHosts is set (sandbox)', async () => {
    const sandbox = await connectedAccount({ adapter: { allowPrivateMediaHosts: true } });
    try {
      const url = host.add('/ok.png', pngBytes(), 'image/png');
      const post = sandbox.post({ kind: 'image', media: [{ kind: 'image', url, mimeType: 'image/png' }] });
      const result = await sandbox.publish(post);
      expect(sandbox.emulator.post(result.platformPostId)?.mediaIds).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });

  it('classifies addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '104.244.42.1', '2606:4700::1111'])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});
