/** Discord shows at most 25 autocomplete choices. */
export const maxChoices = 25;

const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

/** IANA zone names for autocomplete: prefix matches first, then matches anywhere; spaces match underscores. */
export function searchTimeZones(typed: string): string[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!query) return zones.slice(0, maxChoices);
  const lower = (zone: string) => zone.toLowerCase();
  const prefix = zones.filter(
    (zone) =>
      lower(zone).startsWith(query) ||
      lower(zone)
        .split('/')
        .some((segment) => segment.startsWith(query)),
  );
  const anywhere = zones.filter((zone) => lower(zone).includes(query) && !prefix.includes(zone));
  return [...prefix, ...anywhere].slice(0, maxChoices);
}
