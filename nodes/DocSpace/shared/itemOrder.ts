import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * n8n's RoutingNode runs an operation's items one after the other; the bulk runner (shared/runner)
 * overlaps them. An item that reads something and then writes according to what it read (is this
 * person in the room already? is there a user with this email? a file with this name?) first waits
 * for the earlier items of the same execution that touch the same thing, so both paths give the
 * same results. Under RoutingNode there is nothing to wait for: these helpers resolve at once.
 */
export const ITEM_TURNS = Symbol('docSpaceItemTurns');

export interface ItemTurns {
	/** Resolves once every earlier item that asked for `key` has finished. */
	after(key: string): Promise<void>;
	/** Resolves once this item holds one of `limit` slots of `pool` (kept until it finishes). */
	slot(pool: string, limit: number): Promise<void>;
}

function turnsOf(context: IExecuteSingleFunctions): ItemTurns | undefined {
	return (context as IExecuteSingleFunctions & { [ITEM_TURNS]?: ItemTurns })[ITEM_TURNS];
}

/**
 * Waits for the earlier items working on any of `keys`. Call it before the pre-send's first
 * `await`: items take their turn in the order they ask, which is item order only while no item
 * awaited yet.
 */
export async function afterEarlierItems(
	context: IExecuteSingleFunctions,
	...keys: string[]
): Promise<void> {
	const turns = turnsOf(context);
	if (turns) await Promise.all(keys.map(async (key) => await turns.after(key)));
}

/**
 * Holds the item back until fewer than `limit` items hold a slot of `pool` (e.g. file data read
 * into memory). Same rule: call it before the pre-send's first `await`.
 */
export async function itemSlot(
	context: IExecuteSingleFunctions,
	pool: string,
	limit: number,
): Promise<void> {
	await turnsOf(context)?.slot(pool, limit);
}
