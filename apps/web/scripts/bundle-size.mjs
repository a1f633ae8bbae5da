// Prints the JavaScript a browser loads to show the login page and a role's home page, following
// the Vite manifest's static imports (SPEC §8: first load < 500 KB gzip): raw, gzip, and as sent
// (the .br files the build writes next to each asset; the server prefers them when accepted).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const byFile = new Map(Object.entries(manifest).map(([k, v]) => [k, v]));

function closure(keys, seen = new Set()) {
  for (const k of keys) {
    if (seen.has(k)) continue;
    seen.add(k);
    closure(byFile.get(k)?.imports ?? [], seen);
  }
  return seen;
}
function sizesKb(keys) {
  let raw = 0;
  let gzip = 0;
  let br = 0;
  for (const k of keys) {
    const file = join(dist, byFile.get(k).file);
    const body = readFileSync(file);
    raw += body.length;
    gzip += gzipSync(body).length;
    br += existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : body.length;
  }
  return { raw: raw / 1024, gzip: gzip / 1024, br: br / 1024 };
}
// the entry sends the first requests and then imports React and the router (src/app/mount.tsx,
// preloaded by index.html): both are the first load of every page
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const app = Object.keys(manifest).find((k) => k.endsWith('/app/mount.tsx'));
const page = (name) => Object.keys(manifest).find((k) => k.endsWith(`/${name}.tsx`));
const layout = Object.keys(manifest).find((k) => k.endsWith('/AppLayout.tsx'));
const signedIn = Object.keys(manifest).find((k) => k.endsWith('/app/signedInRoutes.tsx'));
const onsiteRoot = Object.keys(manifest).find((k) => k.endsWith('/app/onsiteRoot.tsx'));
const report = {
  entry: closure([entry, app]),
  login: closure([entry, app, page('LoginPage')]),
};
// the on-site screen opens in its own light root (router.tsx: Apollo and plain markup, no antd);
// every other page inside the signed-in part (Apollo, providers, the route registry: patched in after
// the login page) and the layout
for (const k of Object.keys(manifest).filter((k) => /src\/pages\/\w+Page\.tsx$/.test(k) && !k.endsWith('/LoginPage.tsx'))) {
  report[k.replace(/^.*\/(\w+)Page\.tsx$/, '$1')] = k.endsWith('/InspectionPage.tsx') ? closure([entry, app, onsiteRoot, k]) : closure([entry, app, signedIn, layout, k]);
}
const budget = 500; // SPEC §8, the first load
const goal = 300; // issue 15: every route
let failed = false;
const over = [];
for (const [name, keys] of Object.entries(report)) {
  const kb = sizesKb(keys);
  if (['entry', 'login', 'Home'].includes(name)) failed ||= kb.gzip > budget;
  if (kb.gzip > goal) over.push(name);
  console.log(
    `${name.padEnd(22)} ${kb.raw.toFixed(1).padStart(8)} KB raw ${kb.gzip.toFixed(1).padStart(7)} KB gzip ${kb.br.toFixed(1).padStart(7)} KB brotli  (${keys.size} chunks)`,
  );
}
console.log(`${over.length} of ${Object.keys(report).length} routes over ${goal} KB gzip${over.length ? `: ${over.join(', ')}` : ''}`);

// The service worker's precache (issue 15): the shell and the on-site screens with their lazy parts
// (they must open in a dead zone), and no other page's chunks (cached when first opened instead).
const swPath = join(dist, 'sw.js');
if (existsSync(swPath)) {
  const precached = new Set([...readFileSync(swPath, 'utf8').matchAll(/url:"(assets\/[^"]+)"/g)].map((m) => m[1]));
  const fileOf = (suffix) => byFile.get(Object.keys(manifest).find((k) => k.endsWith(suffix)) ?? '')?.file;
  const mustHave = ['/mount.tsx', '/onsiteRoot.tsx', '/InspectionPage.tsx', '/OnsiteListPage.tsx', '/onsiteDialogs.tsx', '/AppLayout.tsx', '/signedInRoutes.tsx', '/LoginPage.tsx'];
  const mustNot = ['/OverviewCharts.tsx', '/OverviewPage.tsx', '/ActivityFormPage.tsx', '/VettingWorkbenchPage.tsx'];
  const missing = mustHave.filter((s) => !precached.has(fileOf(s)));
  const extra = mustNot.filter((s) => precached.has(fileOf(s)));
  const kb = [...precached].reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0) / 1024;
  console.log(`service worker precache: ${precached.size} assets, ${kb.toFixed(0)} KB raw`);
  if (missing.length || extra.length) {
    console.error(`precache wrong: missing ${missing.join(', ') || 'none'}; should not hold ${extra.join(', ') || 'none'}`);
    failed = true;
  }
}
// antd's stylesheet leaves out the components the app never renders (build-plugins/antdUnusedStyles.ts):
// none of them may be named in the built JavaScript (antd names a component's classes there)
const unusedAntd = JSON.parse(readFileSync(new URL('../build-plugins/unused-antd-components.json', import.meta.url), 'utf8'));
const js = Object.values(manifest).filter((c) => c.file.endsWith('.js')).map((c) => readFileSync(join(dist, c.file), 'utf8')).join('\n');
// (a GraphQL document's names stand as `value:"name"` in its compiled AST: an argument called `anchor` is not antd's Anchor)
const nowUsed = unusedAntd.filter((name) => new RegExp(`(?<!value:)[\`'"]${name}[\`'"]`).test(js));
if (nowUsed.length) {
  console.error(`antd components in use but left out of its stylesheet: ${nowUsed.join(', ')}; take them off build-plugins/unused-antd-components.json`);
  failed = true;
}

if (failed) {
  console.error(`the first load (login, home) over the ${budget} KB budget, the precache is wrong, or antd's stylesheet misses a component in use`);
  process.exit(1);
}
