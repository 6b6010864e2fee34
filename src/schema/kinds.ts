// Which ruleset judges which kind of facility: a module of its own, so that defining `ereje template`
// (for `ereje --help` too) names the kinds without loading the whole workbook contract.
import type { FacilityKind } from './types.ts';

/** Ruleset id (`home-care`) → the facility kind its workbooks declare (`home_care`). */
export const FACILITY_KIND_OF_RULESET: Readonly<Record<string, FacilityKind>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, FacilityKind>, {
    residential: 'residential',
    'home-care': 'home_care',
    'day-care': 'day_care',
  }),
);
