import type {
	IDataObject,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * What n8n's RoutingNode collects for one operation from the description's `routing`
 * declarations (n8n-core routing-node.js, getRequestOptionsFromParameters), worked out ONCE per
 * execution: which properties are shown does not depend on the item (RoutingNode also decides it
 * from the raw, unevaluated parameters). Per item only the parameters that send something are
 * evaluated; RoutingNode evaluates every declared parameter, shown or not, twice.
 */
export interface RoutingPlan {
	/** Static request parts (method, url, …) merged in declaration order. */
	request: IDataObject;
	/** Parameters whose value goes into the body or the query, in declaration order. */
	sends: Array<{
		path: string;
		extractValue: boolean;
		type: 'body' | 'query';
		property: string;
		dotNotation: boolean;
	}>;
	preSend: PreSendAction[];
	postReceive: PostReceiveFunction[];
	paginate?: boolean;
	requestOperations: IDataObject;
}

export type PostReceiveFunction = Extract<PostReceiveAction, (...args: never[]) => unknown>;

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

/**
 * The runner applies the routing features this node declares. Anything else (routing
 * expressions, built-in post-receive actions, bracket paths) is refused when the plan is built,
 * so an operation using it fails its equivalence test instead of behaving differently.
 */
function unsupported(what: string, name: string): never {
	throw new Error(
		`The bulk runner does not apply ${what} (parameter "${name}"); leave this operation to n8n's RoutingNode`,
	);
}

function addRouting(
	plan: RoutingPlan,
	property: INodeProperties | INodePropertyOptions,
	path: string,
): void {
	const routing = property.routing;
	if (!routing) return;
	const name =
		'type' in property ? property.name : String((property as INodePropertyOptions).value);
	if (routing.operations) Object.assign(plan.requestOperations, routing.operations);
	for (const [key, value] of Object.entries(routing.request ?? {})) {
		if (isExpression(value) || key === 'baseURL')
			unsupported('request expressions or a base URL of its own', name);
		plan.request[key] = value as IDataObject[string];
	}
	const send = routing.send;
	if (send) {
		if (send.property !== undefined) {
			if (send.value !== undefined || isExpression(send.property) || /[[\]]/.test(send.property))
				unsupported('computed send values', name);
			if (!('type' in property)) unsupported('send on an option value', name);
			plan.sends.push({
				path,
				extractValue: property.extractValue !== undefined || property.type === 'resourceLocator',
				type: send.type === 'body' ? 'body' : 'query',
				property: send.property,
				dotNotation: send.propertyInDotNotation !== false,
			});
		}
		if (send.paginate !== undefined) {
			if (isExpression(send.paginate)) unsupported('pagination expressions', name);
			plan.paginate ??= !!send.paginate;
		}
		plan.preSend.push(...(send.preSend ?? []));
	}
	const output = routing.output;
	if (output?.maxResults !== undefined) unsupported('maxResults', name);
	for (const action of output?.postReceive ?? []) {
		if (typeof action !== 'function') unsupported('built-in post-receive actions', name);
		plan.postReceive.push(action);
	}
}

function hasRouting(
	property: INodeProperties | INodePropertyOptions | INodePropertyCollection,
): boolean {
	if ('routing' in property && property.routing) return true;
	const children =
		('values' in property
			? property.values
			: 'options' in property
				? property.options
				: undefined) ?? [];
	return (children as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>).some(
		hasRouting,
	);
}

function visit(
	plan: RoutingPlan,
	node: INode,
	description: INodeTypeDescription,
	property: INodeProperties,
	basePath: string,
): void {
	const parameters = node.parameters;
	if (!NodeHelpers.displayParameter(parameters, property, node, description, parameters)) return;
	const path = `${basePath}${property.name}`;
	addRouting(plan, property, path);
	if (!property.options) return;
	if (property.type === 'options') {
		const selected = NodeHelpers.getParameterValueByPath(
			parameters,
			property.name,
			basePath.slice(0, -1),
		);
		const option = (property.options as INodePropertyOptions[]).find(
			(entry) => entry.value === selected,
		);
		if (option) addRouting(plan, option, path);
	} else if (property.type === 'collection') {
		const value = (NodeHelpers.getParameterValueByPath(
			parameters,
			property.name,
			basePath.slice(0, -1),
		) ?? {}) as IDataObject;
		for (const child of property.options as INodeProperties[]) {
			if (child.type !== undefined && Object.keys(value).includes(child.name))
				visit(plan, node, description, child, `${path}.`);
		}
	} else if (property.type === 'fixedCollection') {
		for (const group of property.options as INodePropertyCollection[]) {
			if (group.values.some(hasRouting))
				unsupported('routing inside a fixed collection', property.name);
		}
	}
}

/** The routing plan of the operation `node.parameters` selects. */
export function buildRoutingPlan(node: INode, description: INodeTypeDescription): RoutingPlan {
	const plan: RoutingPlan = {
		request: {},
		sends: [],
		preSend: [],
		postReceive: [],
		requestOperations: { ...description.requestOperations },
	};
	for (const property of description.properties) visit(plan, node, description, property, '');
	const pagination = plan.requestOperations.pagination;
	if (pagination !== undefined && typeof pagination !== 'function')
		unsupported('declarative pagination', 'operation');
	return plan;
}

/** Lodash-style `set` for dotted paths (n8n's send.property with propertyInDotNotation). */
export function setPath(
	target: IDataObject,
	path: string,
	value: unknown,
	dotNotation: boolean,
): void {
	const keys = dotNotation ? path.split('.') : [path];
	let current = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[keys[keys.length - 1]] = value as IDataObject[string];
}
