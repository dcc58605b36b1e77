/** How long and how many: the limits of article and exercise fields, for editors and the server alike. */
export const CONTENT_LIMITS = {
  title: 200,
  series: 120,
  maxPart: 999,
  summary: 1000,
  /** The body may be as large as an imported file. */
  body: 200 * 1024,
  tags: 20,
  tag: 40,
  instructions: 5000,
  search: 200,
} as const;
