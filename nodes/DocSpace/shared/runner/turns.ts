import type { ItemTurns } from '../itemOrder';

interface Pool {
	inUse: number;
	waiting: Array<() => void>;
}

/**
 * The turns of one execution's items (see shared/itemOrder.ts): per key, the last item that asked
 * for it; per pool, the slots in use and the items waiting, first come first served. Items ask in
 * item order, so the earliest unfinished item always holds what it waits for: nothing deadlocks.
 */
export class ExecutionTurns {
	private readonly tails = new Map<string, Promise<void>>();

	private readonly pools = new Map<string, Pool>();

	/** The turns of an item that is finished once `finished` settles. */
	forItem(finished: Promise<void>): ItemTurns {
		const held = new Set<string>();
		const slots = new Set<string>();
		return {
			after: async (key: string) => {
				if (held.has(key)) return;
				held.add(key);
				const previous = this.tails.get(key);
				this.tails.set(key, finished);
				void finished.then(() => {
					if (this.tails.get(key) === finished) this.tails.delete(key);
				});
				await previous;
			},
			slot: async (name: string, limit: number) => {
				if (slots.has(name)) return;
				slots.add(name);
				let pool = this.pools.get(name);
				if (!pool) {
					pool = { inUse: 0, waiting: [] };
					this.pools.set(name, pool);
				}
				const taken = pool;
				const release = () => {
					taken.inUse--;
					const next = taken.waiting.shift();
					if (next) next();
					else if (taken.inUse === 0) this.pools.delete(name);
				};
				if (taken.inUse < Math.max(1, limit) && taken.waiting.length === 0) {
					taken.inUse++;
				} else {
					await new Promise<void>((resolve) =>
						taken.waiting.push(() => {
							taken.inUse++;
							resolve();
						}),
					);
				}
				void finished.then(release);
			},
		};
	}
}
