// Where the selection is on the map: organisations with coordinates grouped by city. Small
// selections are grouped here, with names; big ones by the database, with counts (a hundred
// thousand rows are not worth fetching for a few dozen dots). views/map.tsx draws them.
import type { Kysely } from 'kysely';
import { stamp } from '../../db/collated-order.ts';
import type { Database, User } from '../../db/schema.ts';
import { selection, textMatches } from './listing.ts';
import { seesUnpublished } from './permissions.ts';
import type { DirectoryFilter } from './schemas.ts';

type Db = Kysely<Database>;

export interface MapOrganisation {
  slug: string;
  name: string;
  city: string | null;
  country: string;
  latitude: number;
  longitude: number;
}

export interface Place {
  key: string;
  city: string | null;
  country: string;
  latitude: number;
  longitude: number;
  /** How many organisations are there. */
  count: number;
  /** Some of them (all of them when they are few), for the labels and the link of a lone one. */
  organisations: { slug: string; name: string }[];
}

/** Organisations grouped by city (or, without a city, by themselves), biggest groups first. */
export function placesOf(organisations: MapOrganisation[]): Place[] {
  const byKey = new Map<string, Place & { latSum: number; lonSum: number }>();
  for (const o of organisations) {
    const key = o.city ? `${o.country}|${o.city.toLowerCase()}` : `org|${o.slug}`;
    let place = byKey.get(key);
    if (!place) {
      place = {
        key,
        city: o.city,
        country: o.country,
        latitude: 0,
        longitude: 0,
        latSum: 0,
        lonSum: 0,
        count: 0,
        organisations: [],
      };
      byKey.set(key, place);
    }
    place.latSum += o.latitude;
    place.lonSum += o.longitude;
    place.count++;
    place.organisations.push({ slug: o.slug, name: o.name });
  }
  return [...byKey.values()]
    .map(({ latSum, lonSum, ...p }) => ({
      ...p,
      latitude: latSum / p.count,
      longitude: lonSum / p.count,
    }))
    .sort((a, b) => b.count - a.count);
}

/** Up to this many organisations are fetched one by one for the map, their names in its labels. */
export const MAP_ROWS = 1000;

/**
 * The places of the selection on the map: organisations with coordinates grouped by city. Small
 * selections are grouped here, with names; big ones by the database, with counts (a hundred
 * thousand rows are not worth fetching for a few dozen dots).
 */
export async function mapPlaces(
  db: Db,
  filter: DirectoryFilter,
  viewer: User | null,
  selected: number,
): Promise<Place[]> {
  const matches = await textMatches(db, filter, viewer);
  const located = selection(db, filter, viewer, matches)
    .where('organisations.latitude', 'is not', null)
    .where('organisations.longitude', 'is not', null);
  if (selected <= MAP_ROWS) {
    const rows = await located
      .select([
        'organisations.slug',
        'organisations.name',
        'organisations.city',
        'organisations.country',
        'organisations.latitude',
        'organisations.longitude',
      ])
      .limit(MAP_ROWS)
      .execute();
    return placesOf(rows.map((r) => ({ ...r, latitude: r.latitude ?? 0, longitude: r.longitude ?? 0 })));
  }
  // Grouping a hundred thousand rows takes longer than a page may: the groups of text-free
  // selections are kept until an organisation changes (same stamp as the name order).
  const key = filter.q
    ? undefined
    : JSON.stringify([
        filter.kind,
        filter.country,
        filter.city,
        filter.verified,
        filter.domain,
        filter.stage,
        filter.language,
        seesUnpublished(viewer),
      ]);
  const version = key ? await stamp(db, 'organisations') : undefined;
  let bigMaps = bigMapsByDb.get(db);
  if (!bigMaps) {
    bigMaps = new Map();
    bigMapsByDb.set(db, bigMaps);
  }
  const cached = key ? bigMaps.get(key) : undefined;
  if (cached && version && cached.count === version.count && cached.latest === version.latest)
    return cached.places;
  const groups = await located
    .select((eb) => [
      'organisations.country',
      eb.fn.coalesce('organisations.city', 'organisations.slug').as('place'),
      eb.fn.max('organisations.city').as('city'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.avg<number>('organisations.latitude').as('latitude'),
      eb.fn.avg<number>('organisations.longitude').as('longitude'),
      eb.fn.min('organisations.slug').as('slug'),
      eb.fn.min('organisations.name').as('name'),
    ])
    .groupBy(['organisations.country', 'place'])
    .execute();
  const places = groups
    .map((g) => ({
      key: `${g.country}|${g.place}`,
      city: g.city,
      country: g.country,
      latitude: Number(g.latitude),
      longitude: Number(g.longitude),
      count: Number(g.n),
      organisations: Number(g.n) === 1 ? [{ slug: String(g.slug), name: String(g.name) }] : [],
    }))
    .sort((a, b) => b.count - a.count);
  if (key && version) {
    if (bigMaps.size >= 100) bigMaps.clear();
    bigMaps.set(key, { ...version, places });
  }
  return places;
}

const bigMapsByDb = new WeakMap<Db, Map<string, { count: number; latest: string; places: Place[] }>>();
