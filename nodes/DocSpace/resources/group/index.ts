import type { INodeProperties } from 'n8n-workflow';

import { docSpaceRouting, entriesOutput } from '../../shared/routing';
import { groupGetManyDescription, prepareGroupGetMany, simplifyGroup } from './getMany';

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				description: "List or search the portal's groups by name (ID, name, manager, members count), e.g. to share with a team",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/group',
					preSend: [prepareGroupGetMany],
					postReceive: [entriesOutput(simplifyGroup)],
					list: true,
				}),
			},
		],
		default: 'getAll',
	},
	...groupGetManyDescription,
];
