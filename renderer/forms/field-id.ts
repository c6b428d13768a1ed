/** `setup` + `manager.pin` → `setup-manager-pin`: stable ids for labels, hints and errors. */
export function fieldId(form: string, key: string): string {
  return `${form}-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
