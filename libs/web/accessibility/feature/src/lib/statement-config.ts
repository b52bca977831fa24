/**
 * Who answers for the platform's accessibility, in one place. A deployment sets its own
 * organisation and address here; these are neutral placeholders (the `.example` domain
 * receives no mail), never a person.
 */
export const PLATFORM_OPERATOR = {
  /** the organisation responsible for the service (DIGG's model: "[organisation] står bakom …") */
  name: 'Kraftsamlings plattformsförvaltning',
  /** where reports of accessibility problems and requests for other formats go */
  accessibilityEmail: 'tillganglighet@kraftsamling.example',
} as const;

/** DIGG's form for reporting public digital services that are not accessible. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/** When the statement was first published (ISO 8601). */
export const STATEMENT_PUBLISHED = '2026-11-23';
/** When the service was last assessed and this statement last reviewed (ISO 8601). */
export const STATEMENT_REVIEWED = '2026-11-30';
