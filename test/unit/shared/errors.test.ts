import { isCausedBy, StateConflictError } from '../../../src/shared/errors';

describe('StateConflictError', () => {
  it('is recognised by type, also when a dialog wrapped it', () => {
    const conflict = new StateConflictError('msteams/conversations/c1/');
    expect(isCausedBy(conflict, StateConflictError)).toBe(true);
    // botbuilder-dialogs' DialogContextError keeps the original as `error`; Node's convention is `cause`.
    expect(isCausedBy(Object.assign(new Error('wrapped'), { error: conflict }), StateConflictError)).toBe(
      true,
    );
    expect(isCausedBy(new Error('outer', { cause: conflict }), StateConflictError)).toBe(true);
  });

  it('is not confused with another error that mentions an eTag conflict', () => {
    expect(
      isCausedBy(new Error('Storage: error writing "k" due to eTag conflict.'), StateConflictError),
    ).toBe(false);
  });
});
