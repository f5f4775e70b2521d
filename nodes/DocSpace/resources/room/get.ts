import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import { ROOM_LIFECYCLE_OPERATIONS } from './archive';
import { roomItems } from './output';

const show = { resource: ['room'], operation: ['get'] };

export const roomGetDescription: INodeProperties[] = [
	// One declaration for every Room operation that takes a room (see the Room Link locator).
	{ ...roomLocator, displayOptions: { show: { resource: ['room'], operation: ['get', ...ROOM_LIFECYCLE_OPERATIONS] } }, description: 'The room to read, archive, unarchive or delete' },
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
