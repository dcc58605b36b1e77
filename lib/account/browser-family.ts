/**
 * The browser family a user agent names ("Firefox", "Chrome" …), for telling a person where a request came from.
 * Only the family: the full user agent string is neither needed nor kept.
 */
export function browserFamily(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const families: [RegExp, string][] = [
    [/\bEdg(e|A|iOS)?\//, "Microsoft Edge"],
    [/\bOPR\/|\bOpera\b/, "Opera"],
    [/\bSamsungBrowser\//, "Samsung Internet"],
    [/\bFirefox\/|\bFxiOS\//, "Firefox"],
    [/Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
    [/\bSafari\//, "Safari"],
    [/\bcurl\//, "a command-line tool"],
  ];
  for (const [pattern, name] of families) if (pattern.test(ua)) return name;
  return "an unknown browser";
}
