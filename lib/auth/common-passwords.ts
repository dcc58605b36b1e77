/**
 * Passwords that appear near the top of every published breach list, plus the patterns people
 * lengthen them with to reach twelve characters. Checked case-insensitively.
 */
const bases = [
  "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abc123",
  "letmein", "welcome", "iloveyou", "admin", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
  "master", "shadow", "superman", "batman", "trustno1", "whatever", "starwars", "hello", "freedom", "computer",
  "michael", "jennifer", "charlie", "liverpool", "chelsea", "arsenal", "soccer", "hockey", "secret", "changeme",
  "default", "login", "access", "mustang", "summer", "winter", "spring", "autumn", "flower", "cookie", "pokemon",
  "hearth", "therapy", "coaching", "qazwsx", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "aa123456", "abcdef", "abcd1234",
];

const suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "2024", "2025", "2026", "01", "69", "99"];

const sequences = [
  "123456789012", "1234567890123", "12345678901234", "1234567890", "0123456789", "111111111111", "000000000000",
  "123123123123", "121212121212", "987654321098", "qwertyuiopasdf", "qwertyuiopas", "qwerty123456", "asdfghjkl123",
  "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "aaaaaaaaaaaa", "abcdefghijkl", "abcdefghijklmnop",
  "iloveyouiloveyou", "passwordpassword", "letmeinletmein", "correcthorsebatterystaple", "blink182blink182",
];

export const commonPasswords: ReadonlySet<string> = new Set([
  ...sequences,
  ...bases.flatMap((base) => suffixes.map((suffix) => `${base}${suffix}`)),
  ...bases.map((base) => `${base}${base}`),
]);
