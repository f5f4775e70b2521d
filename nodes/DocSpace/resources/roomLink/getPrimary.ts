import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { includePasswordOption, optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import type { FileShareDto } from '../../shared/output';
import { roomLinkItems } from './getMany';

const show = { resource: ['roomLink'], operation: ['getPrimary'] };

export const roomLinkGetPrimaryDescription: INodeProperties[] = [
	{
		displayName:
			'Only custom, public and form filling rooms have a primary external link. Collaboration, virtual data and AI rooms take no external links, so DocSpace refuses this for them.',
		name: 'primaryLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{ ...roomLocator, displayOptions: { show }, description: 'The room whose primary external link to read' },
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/** One item: the room's primary external link. */
export async function roomLinkGetPrimaryOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return roomLinkItems(this, [((response.body as IDataObject)?.response ?? {}) as FileShareDto]);
}
