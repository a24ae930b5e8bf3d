// Builds ../assets/world.geojson: the world's countries at 1:110m (Natural Earth, public domain,
// via the world-atlas npm package, ISC) for the offline map, coordinates rounded to 0.01°.
//   node crates/server/data/make_world.mjs   (installs world-atlas and topojson-client in a temp dir)
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const tmp = mkdtempSync(join(tmpdir(), 'rasad-world-'));
try {
  execSync('npm init -y >/dev/null && npm install --no-audit --no-fund world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null', { cwd: tmp });
  const require = createRequire(join(tmp, 'package.json'));
  const { feature } = require('topojson-client');
  const topo = JSON.parse(readFileSync(join(tmp, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
  const fc = feature(topo, topo.objects.countries);
  const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
  const dedup = (ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    g.coordinates = g.type === 'Polygon' ? round(g.coordinates).map(dedup) : round(g.coordinates).map((poly) => poly.map(dedup));
    f.properties = { name: f.properties.name };
    delete f.id;
  }
  fc.attribution = 'Countries: Natural Earth (public domain), via world-atlas';
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'world.geojson');
  writeFileSync(out, JSON.stringify(fc));
  console.log(`${fc.features.length} countries → ${out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
