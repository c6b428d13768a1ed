/** The one error every call can fail with, whichever door it came through (docs/design.md, "Errors"). */
export const deskErrorCodes = [
  'invalid-input',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'locked',
  'too-large',
  'rate-limited',
  'unavailable',
  'internal',
] as const;

export type DeskErrorCode = (typeof deskErrorCodes)[number];

export interface DeskErrorIssue {
  /** The field's path as zod gives it, e.g. `["visitor", "postcode"]`. */
  path: Array<string | number>;
  message: string;
}

export interface DeskError {
  code: DeskErrorCode;
  message: string;
  issues?: DeskErrorIssue[];
}

export const httpStatusByCode: Readonly<Record<DeskErrorCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

/** Thrown inside the core and rebuilt by every client, so `catch` sees one type everywhere. */
export class DeskFailure extends Error {
  readonly code: DeskErrorCode;
  readonly issues: DeskErrorIssue[] | undefined;

  constructor(code: DeskErrorCode, message: string, issues?: DeskErrorIssue[]) {
    super(message);
    this.name = 'DeskFailure';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): DeskError {
    return this.issues === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, issues: this.issues };
  }

  static from(error: DeskError): DeskFailure {
    return new DeskFailure(error.code, error.message, error.issues);
  }
}

export function isDeskError(value: unknown): value is DeskError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (deskErrorCodes as readonly string[]).includes(v.code)
  );
}
