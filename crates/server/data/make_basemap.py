#!/usr/bin/env python3
"""Builds assets/basemap.geojson: Syria's 14 governorates from the OCHA admin-1 polygons,
simplified (coordinates rounded to 0.01°, repeated points dropped), for the offline map.

    python3 crates/server/data/make_basemap.py [--shared ../shared]

Source: UN OCHA Syria Common Operational Datasets (admin 1), via ../shared/data/ocha-syria-admin;
attribution to OCHA is kept in the file's properties.
"""
import argparse
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument('--shared', default=os.path.join(HERE, '..', '..', '..', '..', 'shared'))
a = ap.parse_args()
src = json.load(gzip.open(os.path.join(a.shared, 'data', 'ocha-syria-admin', 'syr_admin1.geojson.gz')))


def ring(r):
    out = []
    for x, y in r:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


feats = []
for f in src['features']:
    g = f['geometry']
    polys = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
    new = [[r for r in (ring(r) for r in poly) if r] for poly in polys]
    new = [p for p in new if p]
    feats.append({'type': 'Feature', 'properties': {'name': f['properties']['NAME_EN'], 'name_ar': f['properties']['NAME_ARA'], 'pcode': f['properties']['PCODE']},
                  'geometry': {'type': 'MultiPolygon', 'coordinates': new}})
out = {'type': 'FeatureCollection', 'attribution': 'Administrative boundaries: UN OCHA Syria Common Operational Datasets (admin 1), simplified', 'features': feats}
path = os.path.join(HERE, '..', 'assets', 'basemap.geojson')
with open(path, 'w', encoding='utf-8') as fh:
    json.dump(out, fh, ensure_ascii=False, separators=(',', ':'))
print(f'{len(feats)} governorates, {os.path.getsize(path) / 1e3:.0f} KB → {path}')
