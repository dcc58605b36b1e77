/** A row id as Postgres writes a uuid: lower-case hex in 8-4-4-4-12 groups. */
export const UUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const UUID = new RegExp(`^${UUID_SOURCE}$`);

export const isUuid = (value: string) => UUID.test(value);

/** An id no practice, person or row has: a lookup that must cost the same round trip but find nothing uses it. */
export const NO_ONE = "00000000-0000-0000-0000-000000000000";
