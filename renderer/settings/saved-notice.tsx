/** A part's "saved" message: present but hidden while empty, so that it is announced when it fills. */
export function SavedNotice({ message }: { message: string | null }) {
  return (
    <p className="notice notice--saved" role="status" hidden={message === null}>
      {message}
    </p>
  );
}

/** A refusal that belongs to no form (a row's button): said at once, and focusable to be read again. */
export function ProblemNotice({ message, id }: { message: string | null; id: string }) {
  if (message === null) return null;
  return (
    <p className="notice notice--problem" role="alert" id={id} tabIndex={-1}>
      {message}
    </p>
  );
}
