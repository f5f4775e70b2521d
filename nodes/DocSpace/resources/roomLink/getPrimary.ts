import type { INodeProperties } from 'n8n-workflow';

import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';

const show = { resource: ['roomLink'], operation: ['getPrimary'] };

export const roomLinkGetPrimaryDescription: INodeProperties[] = [
	{
		displayName:
			'Collaboration, virtual data and AI rooms take no external links, so no primary one.',
		name: 'primaryLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];
