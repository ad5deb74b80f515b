/**
 * The static server shared by the browser tests, `bench --browser` and scripts/frameCost.ts: it
 * serves the build folder and nothing beside it, whatever the request path says.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInFolder, serveFolder } from '../../src/cli/staticSite.ts';

describe('fileInFolder', () => {
  it('maps / to index.html and paths to files inside the folder', () => {
    expect(fileInFolder('/srv/dist', '/')).toBe('/srv/dist/index.html');
    expect(fileInFolder('/srv/dist', '/assets/a.js?x=1')).toBe('/srv/dist/assets/a.js');
  });

  it('refuses what would leave the folder, a sibling with the same prefix, and broken escapes', () => {
    // Plain dots are resolved by the URL itself and stay inside; escaped slashes are not.
    expect(fileInFolder('/srv/dist', '/../secret')).toBe('/srv/dist/secret');
    expect(fileInFolder('/srv/dist', '/%2e%2e/secret')).toBe('/srv/dist/secret');
    expect(fileInFolder('/srv/dist', '/..%2fsecret')).toBeNull();
    expect(fileInFolder('/srv/dist', '/..%2fdist-other/x.js')).toBeNull();
    expect(fileInFolder('/srv/dist', '/%2e%2e%2f%2e%2e%2fetc/passwd')).toBeNull();
    expect(fileInFolder('/srv/dist', '/%E0%A4%A')).toBeNull();
  });
});

describe('serveFolder', () => {
  let dir = '';
  let base = '';
  let close = (): void => {};
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'raft-lab-static-'));
    dir = join(root, 'dist');
    await mkdir(dir);
    await writeFile(join(dir, 'index.html'), '<p>lab</p>');
    await writeFile(join(root, 'secret.txt'), 'not for you');
    const { url, server } = await serveFolder(dir);
    base = url;
    close = () => server.close();
  });
  afterAll(() => close());

  /** A raw GET, so the path is sent as written (fetch would normalize the dots away). */
  const get = (path: string): Promise<{ status: number; type: string; body: string }> =>
    new Promise((ok, fail) => {
      const req = request(new URL(base), { path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
        );
      });
      req.on('error', fail);
      req.end();
    });

  it('serves the folder with its content types, and 404 for what is not there', async () => {
    const index = await get('/');
    expect(index).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>lab</p>' });
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('never serves a file beside the folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await get(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('not for you');
    }
    expect((await get('/..%2fsecret.txt')).status).toBe(403);
  });
});
