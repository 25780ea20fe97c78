import { z } from 'zod';

/*
 * Zod building blocks for a carrier's response schema, of only the fields it reads: a field with a surprising shape
 * is dropped instead of failing the whole answer, and a single object is read where an array is documented.
 */

/** Absent, or dropped (`undefined`) when it is not what the carrier documents. */
export function lenient<Schema extends z.ZodType>(schema: Schema) {
  return schema.optional().catch(undefined);
}

/**
 * An array of which only the entries that are `item` are kept: an entry of a surprising shape (or null) is dropped,
 * not fatal to the answer.
 */
export function lenientList<Item extends z.ZodType>(item: Item) {
  // An overwrite, not a transform: a transform (a pipe) made GLS's whole parse about a third slower.
  return z.array(item.nullable().catch(null)).overwrite((entries) => entries.filter((entry) => entry !== null)) as unknown as z.ZodType<
    Array<Exclude<z.output<Item>, null>>
  >;
}

/** A value as an array: an array as it is, a single value as a one-element array, null or absent as absent. */
export function asArray(value: unknown): unknown {
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value : [value];
}

/** An optional array whose carrier sometimes sends a single object instead. */
export function oneOrMany<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(asArray, z.array(schema).optional());
}
