import type { INodeProperties } from 'n8n-workflow';

import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';

const getShow = { resource: ['file'], operation: ['get'] };
const primaryLinkShow = { resource: ['file'], operation: ['getPrimaryLink'] };

export const fileGetDescription: INodeProperties[] = [
	simplifyProperty(getShow),
	optionsProperty(getShow),
];

export const fileGetPrimaryLinkDescription: INodeProperties[] = [
	{
		displayName: "Creates the file's primary Viewer link when it has none yet.",
		name: 'filePrimaryLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: primaryLinkShow },
	},
	simplifyProperty(primaryLinkShow),
	optionsProperty(primaryLinkShow, [includePasswordOption]),
];
