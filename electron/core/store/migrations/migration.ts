export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the one transaction that takes the store to `version`. */
  up: string;
}
