// Trunk post-build hook, the last: each of the page's files gets its compressed forms beside it,
// made once at build time at the strongest settings: `name.br` (brotli 11) and `name.gz` (gzip made
// by zopfli, Debian's `zopfli`: any gzip decoder reads it, and it is about 5 % smaller than gzip
// -9; scripts/setup.sh installs it).
// A server that serves such files as they are (nginx's brotli_static and gzip_static, in
// hosting/nginx.conf) sends them to a browser that asks for that encoding, under the file's own
// URL, instead of compressing each answer itself at a lower setting; a host that compresses by
// itself ignores them. A debug build (trunk serve) gets none.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';

if (process.env.TRUNK_PROFILE !== 'release') {
  console.log('precompress: debug build, none');
  process.exit(0);
}
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('precompress: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
/** The file's gzip form by zopfli; the build stops if zopfli is missing or fails. */
function zopfli(file) {
  const run = spawnSync('zopfli', ['-c', file], { maxBuffer: 1 << 30 });
  if (run.error || run.status !== 0) {
    console.error(`precompress: zopfli failed on ${file} (scripts/setup.sh installs it): ${run.error ?? run.stderr}`);
    process.exit(1);
  }
  return run.stdout;
}
const sizes = { raw: 0, br: 0, gz: 0 };
for (const name of fs.readdirSync(staging)) {
  const file = path.join(staging, name);
  if (!/\.(html|js|wasm|json|txt|sh|ps1)$/.test(name) || !fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gz = zopfli(file);
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  sizes.raw += bytes.length;
  sizes.br += br.length;
  sizes.gz += gz.length;
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`precompress: ${kb(sizes.raw)} of files, ${kb(sizes.br)} as brotli, ${kb(sizes.gz)} as gzip (zopfli)`);
