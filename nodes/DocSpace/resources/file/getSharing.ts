import type { INodeProperties } from 'n8n-workflow';

import { fileLocator, optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';

const show = { resource: ['file'], operation: ['getSharing'] };

export const fileGetSharingDescription: INodeProperties[] = [
	{ ...fileLocator, displayOptions: { show }, description: 'The file whose user and group shares to list' },
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show),
];
