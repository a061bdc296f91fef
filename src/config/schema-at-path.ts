import { z } from "zod";

/** Unwraps defaults, preprocessing and nullability down to the schema that parses the value. */
function core(schema: z.ZodType): z.ZodType {
  for (;;) {
    if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault)
      schema = schema.unwrap() as z.ZodType;
    else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
      schema = schema.unwrap() as z.ZodType;
    else if (schema instanceof z.ZodPipe)
      schema = (schema.out instanceof z.ZodTransform ? schema.in : schema.out) as z.ZodType;
    else return schema;
  }
}

/** The option names known at `path` (for "did you mean"), or [] where there is no mapping. */
export function knownOptionsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = core(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = core(current.shape[String(segment)] as z.ZodType);
    else if (current instanceof z.ZodArray) current = core(current.element as z.ZodType);
    else return [];
    if (!current) return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape).filter((k) => !k.startsWith("_")) : [];
}

/** Every option's path, e.g. ["revocation", "public"], for suggesting where a misplaced option belongs. */
export function allOptionPaths(schema: z.ZodType, prefix: readonly string[] = []): string[][] {
  const current = core(schema);
  if (!(current instanceof z.ZodObject)) return [];
  return Object.entries(current.shape as Record<string, z.ZodType>)
    .filter(([name]) => !name.startsWith("_"))
    .flatMap(([name, child]) => [[...prefix, name], ...allOptionPaths(child, [...prefix, name])]);
}
