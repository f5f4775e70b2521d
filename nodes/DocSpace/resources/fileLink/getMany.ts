import type { INodeProperties } from 'n8n-workflow';

import { fileLocator, includePasswordOption, optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';

const show = { resource: ['fileLink'], operation: ['getMany'] };

export const fileLinkGetManyDescription: INodeProperties[] = [
	{ ...fileLocator, displayOptions: { show }, description: 'The file whose links to list' },
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];
