import { timeZoneNames } from '../util/time-zones.ts';
/** Discord shows at most 25 autocomplete choices. */
export const maxChoices = 25;

// The names people look for: a region and a city. Legacy aliases (US/Eastern, Etc/GMT+5) are still accepted when typed in full.
const regions = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;
let zones: string[] | undefined;
const offeredZones = () => (zones ??= ['UTC', ...timeZoneNames().filter((zone) => regions.test(zone))]);

/** IANA zone names for autocomplete: prefix matches first, then matches anywhere; spaces match underscores. */
export function searchTimeZones(typed: string): string[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!query) return offeredZones().slice(0, maxChoices);
  const lower = (zone: string) => zone.toLowerCase();
  const prefix = offeredZones().filter(
    (zone) =>
      lower(zone).startsWith(query) ||
      lower(zone)
        .split('/')
        .some((segment) => segment.startsWith(query)),
  );
  const anywhere = offeredZones().filter((zone) => lower(zone).includes(query) && !prefix.includes(zone));
  return [...prefix, ...anywhere].slice(0, maxChoices);
}
