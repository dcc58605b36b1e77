/**
 * Work that must wait until a transaction has ended, such as forgetting cached sessions: forgetting them inside
 * the transaction lets a request that arrives before the commit read the old rows and cache them again.
 *
 * `settleAfterTransactions` wraps a database's `transaction` so that each one (savepoints included) carries a
 * queue; `afterTransaction(q, fn)` adds to the queue of the transaction `q` is, or runs `fn` at once when `q`
 * is the database itself (a single statement has already committed when it returns).
 */

type Transactional = { transaction: (work: (tx: never) => Promise<unknown>, config?: never) => Promise<unknown> };

const queues = new WeakMap<object, Array<() => void>>();

export function afterTransaction(queryable: object, fn: () => void): void {
  const queue = queues.get(queryable);
  if (queue) queue.push(fn);
  else fn();
}

/** Savepoints share their outer transaction's queue: nothing is committed until the outer one is. */
function joinQueue(tx: Transactional, queue: Array<() => void>): void {
  queues.set(tx, queue);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = ((work: (inner: Transactional) => Promise<unknown>, config?: never) =>
    savepoint(((inner: Transactional) => {
      joinQueue(inner, queue);
      return work(inner);
    }) as never, config)) as Transactional["transaction"];
}

/** Makes `afterTransaction` work on this database's transactions; returns the same object. */
export function settleAfterTransactions<D extends object>(db: D): D {
  const target = db as unknown as Transactional;
  const begin = target.transaction.bind(target);
  target.transaction = ((work: (tx: Transactional) => Promise<unknown>, config?: never) => {
    const queue: Array<() => void> = [];
    const ran = begin(((tx: Transactional) => {
      joinQueue(tx, queue);
      return work(tx);
    }) as never, config);
    // Committed or rolled back, the work runs: what it does (forgetting) is never wrong to do.
    return ran.finally(() => {
      for (const fn of queue.splice(0)) fn();
    });
  }) as Transactional["transaction"];
  return db;
}
