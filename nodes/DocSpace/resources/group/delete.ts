import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { fillGroupId } from './fields';

const deleted = new WeakMap<object, string>();

export async function prepareGroupDelete(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	deleted.set(this, fillGroupId(this, requestOptions));
	return requestOptions;
}

/** DocSpace answers 204 without a body. */
export async function groupDeleteOutput(
	this: IExecuteSingleFunctions,
): Promise<INodeExecutionData[]> {
	return [
		{ json: { id: deleted.get(this), deleted: true }, pairedItem: { item: this.getItemIndex() } },
	];
}
