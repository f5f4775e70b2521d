import type { IExecuteFunctions, IGetNodeParameterOptions, INode } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { type FieldParameter, fieldParameterOf, fieldParameterValue } from './fieldRead';

export type ParameterReader = (
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsExpression);
}

/** The stored value at a dotted path (`options.includePassword`); undefined for anything else. */
function storedValue(parameters: INode['parameters'], name: string): unknown {
	if (/[[\]]/.test(name)) return undefined;
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * The parameter reads of one execution. A parameter whose stored value holds no expression gives
 * every item the same value, so n8n's getNodeParameter (a deep copy of the stored value, then
 * resolving, validating and cleaning it) runs once for it per execution, and each read gets its
 * own copy; parameters with an expression are read per item, a plain field of the item from the
 * item itself (fieldRead.ts). Preparing an item reads Options, the Request Options and the
 * operation's fixed fields several times.
 */
export function parameterReader(context: IExecuteFunctions, node: INode): ParameterReader {
	// Per name: whether its value depends on the item, and if so whether it is plain fields.
	const kinds = new Map<string, { dependent: boolean; field?: FieldParameter }>();
	const fixed = new Map<string, unknown>();
	let items: ReturnType<IExecuteFunctions['getInputData']> | undefined;
	return (name, itemIndex, fallback, options) => {
		let kind = kinds.get(name);
		if (!kind) {
			const stored = storedValue(node.parameters, name);
			const dependent = stored === undefined || holdsExpression(stored);
			kind = { dependent, field: dependent ? fieldParameterOf(stored) : undefined };
			kinds.set(name, kind);
		}
		if (kind.dependent) {
			const { field } = kind;
			if (field) {
				items ??= context.getInputData();
				const value = fieldParameterValue(field, items[itemIndex], options);
				if (value !== undefined) return value;
			}
			return context.getNodeParameter(name, itemIndex, fallback, options);
		}
		const key = options ? `${name}\u0000${JSON.stringify(options)}` : name;
		if (!fixed.has(key))
			fixed.set(key, context.getNodeParameter(name, itemIndex, fallback, options));
		const value = fixed.get(key);
		return typeof value === 'object' && value !== null ? deepCopy(value) : value;
	};
}
