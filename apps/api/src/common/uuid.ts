/** An id as PostgreSQL writes a uuid: checked before it reaches SQL, so junk is "not found", not a 500. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
