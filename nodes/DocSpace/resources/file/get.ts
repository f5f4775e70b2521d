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
		displayName:
			'DocSpace creates the primary external link (Viewer) when the file has none yet, so this returns a working link for anyone who may share the file.',
		name: 'filePrimaryLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: primaryLinkShow },
	},
	simplifyProperty(primaryLinkShow),
	optionsProperty(primaryLinkShow, [includePasswordOption]),
];
