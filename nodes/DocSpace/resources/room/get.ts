import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import { fillPath, locatorValue } from '../../shared/routing';
import { entryId } from '../../shared/validation';
import { roomItems } from './output';

const show = { resource: ['room'], operation: ['get'] };

export const roomGetDescription: INodeProperties[] = [
	{ ...roomLocator, displayOptions: { show }, description: 'The room to read' },
	simplifyProperty(show),
	optionsProperty(show),
];

/** Validates the room and puts it into the URL; throws before anything is sent. */
export async function prepareRoomRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillPath(requestOptions, 'roomId', entryId(this, 'Room', locatorValue(this, 'room'), 'room'));
	return requestOptions;
}

export async function roomGetOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return await roomItems(this, [((response.body as IDataObject)?.response ?? {}) as IDataObject]);
}
