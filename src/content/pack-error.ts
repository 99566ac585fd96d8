/** A --pack that cannot be used; its message is one line for the learner. */
export class PackError extends Error {}
