import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import { roomItems } from './output';

const show = { resource: ['room'], operation: ['get'] };

export const roomGetDescription: INodeProperties[] = [
	{ ...roomLocator, displayOptions: { show }, description: 'The room to read' },
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
