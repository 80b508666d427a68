/** A query argument that is invalid; the message names the value and the expected form. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}
