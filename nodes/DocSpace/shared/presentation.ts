import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import { accessName } from './accessLevels';

/**
 * How every output item reads (docs/docspace/api.md §1.5): the columns a person reads first come
 * first, dates are ISO 8601 in UTC with a `Z`, and a numeric access level follows its name. Keys
 * are only added or moved, never renamed or removed: saved workflows map them.
 */

/** An ISO date-time with a zone, as DocSpace writes ApiDateTime (`2026-11-23T10:00:00.0000000+03:00`). */
const ZONED_DATE_TIME =
	/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/i;

/** Keys shown first, in this order: the name, the access (name, then number), the link, the expiry. */
const FIRST_KEYS = [
	'title',
	'name',
	'displayName',
	'fileName',
	'accessName',
	'access',
	'url',
	'shareLink',
	'expirationDate',
];

/** Deep enough for any DocSpace answer; deeper values are left as they are. */
const MAX_DEPTH = 12;

/**
 * A DocSpace date-time as ISO 8601 UTC (`2026-11-23T07:00:00.000Z`); a value already in UTC with a
 * `Z` and at most milliseconds, and anything that is no zoned date-time, unchanged.
 */
export function isoUtc(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const match = ZONED_DATE_TIME.exec(value.trim());
	if (!match) return value;
	const [, wall, fraction = '', zone] = match;
	// Already UTC with a Z and at most milliseconds (the trigger's event time): left as it is.
	if (zone === 'Z' && fraction.length <= 3 && wall.length === 19) return value;
	const millis = fraction.padEnd(3, '0').slice(0, 3);
	const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
	const instant = Date.parse(`${wall.length === 16 ? `${wall}:00` : wall}.${millis}${offset}`);
	return Number.isNaN(instant) ? value : new Date(instant).toISOString();
}

function isPlainObject(value: unknown): value is IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** Every zoned date-time inside `value` (objects and lists, bounded depth) as ISO 8601 UTC. */
export function normaliseDates<T>(value: T, depth = 0): T {
	if (depth > MAX_DEPTH) return value;
	if (typeof value === 'string') return isoUtc(value) as T;
	if (Array.isArray(value)) return value.map((entry) => normaliseDates(entry, depth + 1)) as T;
	if (!isPlainObject(value)) return value;
	const copy: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) copy[key] = normaliseDates(entry, depth + 1);
	return copy as T;
}

/**
 * The keys of one output item in reading order: FIRST_KEYS, then the rest as they were; every
 * `…AccessName` right before its `…Access`. A numeric `access` without its name gets one.
 */
export function orderKeys(json: IDataObject): IDataObject {
	const source: IDataObject = { ...json };
	if (
		typeof source.access === 'number' &&
		source.accessName === undefined &&
		accessName(source.access)
	) {
		source.accessName = accessName(source.access);
	}
	const keys = Object.keys(source);
	const first = FIRST_KEYS.filter((key) => key in source);
	const ordered = [...first, ...keys.filter((key) => !first.includes(key))];
	const result: IDataObject = {};
	for (const key of ordered) {
		if (key in result) continue;
		const name = `${key}Name`;
		if (/Access$/.test(key) && name in source && !(name in result)) result[name] = source[name];
		result[key] = source[key];
	}
	return result;
}

/** One output item as the node shows it: keys in reading order, dates in UTC. */
export function presentJson(json: IDataObject): IDataObject {
	return orderKeys(normaliseDates(json));
}

function presentItems(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) =>
		isPlainObject(item.json) ? { ...item, json: presentJson(item.json) } : item,
	);
}

type RoutingHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

const presented = new WeakSet<RoutingHook>();

/**
 * The operation's routing hook (`operations.pagination`, which every operation has and which hands
 * back its final items, custom paging included) followed by `presentItems`.
 */
function withPresentation(
	routing: INodePropertyRouting | undefined,
): INodePropertyRouting | undefined {
	const hook = routing?.operations?.pagination;
	if (!routing || typeof hook !== 'function' || presented.has(hook as RoutingHook)) return routing;
	const original = hook as RoutingHook;
	const pagination: RoutingHook = async function (this, requestData) {
		return presentItems(await original.call(this, requestData));
	};
	presented.add(pagination);
	return { ...routing, operations: { ...routing.operations, pagination } };
}

function presentProperty<T extends INodeProperties | INodePropertyOptions>(property: T): T {
	const routing = withPresentation(property.routing);
	const options = (property as INodeProperties).options;
	const copy = { ...property, ...(routing ? { routing } : {}) };
	if (Array.isArray(options)) {
		(copy as INodeProperties).options = options.map((option) =>
			'displayName' in option || 'value' in option
				? presentProperty(option as INodeProperties | INodePropertyOptions)
				: option,
		) as INodeProperties['options'];
	}
	return copy;
}

/**
 * The node's properties with every operation's routing hook presenting its items (operation
 * options and options nested in them). Idempotent: a hook is wrapped once.
 */
export function withPresentedOutput(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => presentProperty(property));
}
