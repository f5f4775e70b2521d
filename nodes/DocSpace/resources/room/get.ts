import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { roomItems } from './output';

const show = { resource: ['room'], operation: ['get'] };

export const roomGetDescription: INodeProperties[] = [
	simplifyProperty(show),
	optionsProperty(show),
];

export async function roomGetOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return await roomItems(this, [((response.body as IDataObject)?.response ?? {}) as IDataObject]);
}
