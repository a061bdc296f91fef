/**
 * For `context.config(name, defaults, { arrayMerge: configArrayMerge })`: a list in a later file
 * replaces the earlier one. Probot's default concatenates, which would keep the default labels
 * beside the repository's own and make an inherited `paths_ignore` impossible to narrow.
 */
export function configArrayMerge(_target: unknown[], source: unknown[]): unknown[] {
  return source;
}
