/**
 * A number field's text as the contract's schemas want it: a whole number, or NaN for anything
 * else (blank, "15.5", "ten"), which the schema refuses with its own words ("Enter a whole number.")
 * instead of reading a blank as 0.
 */
export function wholeNumberFrom(value: string): number {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

/** An optional number field: blank means "not given". */
export function optionalWholeNumberFrom(value: string): number | undefined {
  return value.trim() === '' ? undefined : wholeNumberFrom(value);
}
