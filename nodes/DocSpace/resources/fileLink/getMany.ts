import type { INodeProperties } from 'n8n-workflow';

import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';

const show = { resource: ['fileLink'], operation: ['getAll'] };

export const fileLinkGetManyDescription: INodeProperties[] = [
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];
