import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';

const show = { resource: ['file'], operation: ['getSharing'] };

export const fileGetSharingDescription: INodeProperties[] = [
	simplifyProperty(show),
	optionsProperty(show),
];
