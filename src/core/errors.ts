/**
 * The one error the rules core raises: it names the argument (or field, or
 * column) at fault and says in French what is accepted. Adapters turn it into
 * `#VALUE!` in a cell or into a line of the task pane's problem list.
 */
export class DomainError extends Error {
  readonly argument: string;
  /** What is wrong, without the argument's name: a table problem names its column apart. */
  readonly reason: string;

  constructor(argument: string, message: string) {
    super(`${argument} : ${message}`);
    this.name = "DomainError";
    this.argument = argument;
    this.reason = message;
  }
}

export function fail(argument: string, message: string): never {
  throw new DomainError(argument, message);
}

/** A value no source gives (an objective grid cell that was never published): `#N/A` in a cell, with what to do instead. */
export class NotAvailableError extends DomainError {
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = "NotAvailableError";
  }
}
