import type { INodeProperties } from 'n8n-workflow';

import { includePasswordOption, optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';

const show = { resource: ['fileLink'], operation: ['getAll'] };

export const fileLinkGetManyDescription: INodeProperties[] = [
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];
