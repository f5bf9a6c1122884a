/** Thrown inside a batch's transaction at the first insert/update that fails, so the whole batch rolls back. */
export class BatchConflict extends Error {
  constructor(readonly index: number) {
    super('batch conflict');
  }
}

/** A rolled-back batch's answer when an operation conflicted; any other error goes on up. */
export function conflictResult(err: unknown): { readonly ok: false; readonly failedIndex: number } {
  if (err instanceof BatchConflict) return { ok: false, failedIndex: err.index };
  throw err;
}
