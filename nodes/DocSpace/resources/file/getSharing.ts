import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';

const show = { resource: ['file'], operation: ['getSharing'] };

export const fileGetSharingDescription: INodeProperties[] = [
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show),
];
