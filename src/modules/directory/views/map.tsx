// The map of a selection of organisations, drawn on the server as SVG from Natural Earth country
// shapes (world-atlas, 1:110m) with d3-geo: no tiles, no script, no network — it works offline
// and on any phone. Points are grouped by city; each group links to its organisations.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { usePage } from '../../../ui/page-context.ts';
import type { Place } from '../places.ts';

const WIDTH = 800;
const HEIGHT = 520;
/** The map never zooms in closer than this many degrees across, so a city keeps its country. */
const MIN_SPAN = 14;

// Land as one shape and the borders between countries as one line: each border is drawn once,
// which halves the size of the map compared with one outline per country.
let world: { land: Geometry; borders: Geometry } | undefined;
function worldShapes(): { land: Geometry; borders: Geometry } {
  if (!world) {
    const require = createRequire(import.meta.url);
    const topology = JSON.parse(
      fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
    ) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
    world = {
      land: merge(topology, topology.objects.countries.geometries as never),
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  }
  return world;
}

// Base maps are the same for every request with the same extent: keep the last few.
const baseCache = new Map<
  string,
  { paths: string[]; project: (lon: number, lat: number) => [number, number] | null }
>();

function baseMap(places: Place[]) {
  let [west, east, south, north] = [180, -180, 90, -90];
  for (const p of places) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  if (places.length === 0) [west, east, south, north] = [90, 150, -10, 50];
  // Round the extent to 5° steps (so maps can be shared between requests) and pad it.
  const pad = 3;
  west = Math.floor((west - pad) / 5) * 5;
  east = Math.ceil((east + pad) / 5) * 5;
  south = Math.max(-75, Math.floor((south - pad) / 5) * 5);
  north = Math.min(80, Math.ceil((north + pad) / 5) * 5);
  if (east - west < MIN_SPAN) {
    const mid = (east + west) / 2;
    west = mid - MIN_SPAN / 2;
    east = mid + MIN_SPAN / 2;
  }
  if (north - south < MIN_SPAN * 0.6) {
    const mid = (north + south) / 2;
    south = mid - MIN_SPAN * 0.3;
    north = mid + MIN_SPAN * 0.3;
  }
  const key = [west, east, south, north].join(',');
  const cached = baseCache.get(key);
  if (cached) return cached;
  const frame: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [west, south],
            [east, north],
          ],
        },
      },
    ],
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  // Whole units of the 800 × 520 picture are precise enough and keep the page small.
  const path = geoPath(projection).digits(0);
  const shapes = worldShapes();
  const paths = [path(shapes.land) ?? '', path(shapes.borders) ?? ''];
  const made = {
    paths,
    project: (lon: number, lat: number) => projection([lon, lat]) as [number, number] | null,
  };
  if (baseCache.size > 50) baseCache.clear();
  baseCache.set(key, made);
  return made;
}

/** The map and, below it, the same places as a list (for screen readers and small screens). */
export function DirectoryMap({
  places,
  hrefForPlace,
}: {
  places: Place[];
  hrefForPlace: (p: Place) => string;
}) {
  const { t, fmt } = usePage();
  const total = places.reduce((sum, p) => sum + p.count, 0);
  const base = baseMap(places);
  return (
    <figure class="map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role="group" names the map while keeping its links reachable (role="img" would hide them). */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-labelledby="map-title"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="map-title">{t('directory.mapTitle', { count: total, places: places.length })}</title>
        <rect class="map-sea" width={WIDTH} height={HEIGHT} />
        <path class="map-land" d={base.paths[0]} />
        <path class="map-borders" d={base.paths[1]} />
        <g class="map-points">
          {places.map((p) => {
            const xy = base.project(p.longitude, p.latitude);
            if (!xy) return null;
            const where = `${p.city ?? p.organisations[0]?.name ?? ''}, ${fmt.country(p.country)}`;
            const label =
              p.organisations.length >= p.count && p.count <= 5
                ? `${where}: ${p.organisations.map((o) => o.name).join(', ')}`
                : `${where}: ${t('directory.mapPlaceCount', { count: p.count })}`;
            return (
              <a href={hrefForPlace(p)}>
                <circle
                  cx={xy[0].toFixed(1)}
                  cy={xy[1].toFixed(1)}
                  r={(5 + Math.min(Math.sqrt(p.count) * 2.5, 30)).toFixed(1)}
                >
                  <title>{label}</title>
                </circle>
                {p.count > 1 && (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the <text> is not focusable; its link already carries the full label in <title>, so the count would be read twice.
                  <text
                    x={xy[0].toFixed(1)}
                    y={(xy[1] + 4).toFixed(1)}
                    text-anchor="middle"
                    aria-hidden="true"
                  >
                    {p.count > 999 ? '999+' : p.count}
                  </text>
                )}
              </a>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <details>
          <summary>{t('directory.mapPlaces', { count: places.length })}</summary>
          <ul class="plain places">
            {places.map((p) => (
              <li>
                <a href={hrefForPlace(p)}>
                  {p.city ?? p.organisations[0]?.name}, {fmt.country(p.country)}
                </a>{' '}
                ({fmt.number(p.count)})
              </li>
            ))}
          </ul>
        </details>
        <small class="muted">{t('directory.mapCredit')}</small>
      </figcaption>
    </figure>
  );
}
