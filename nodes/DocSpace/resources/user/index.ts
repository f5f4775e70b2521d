import type { INodeProperties } from 'n8n-workflow';

import { docSpaceRouting, entriesOutput } from '../../shared/routing';
import { prepareUserGetMany, simplifyUser, userGetManyDescription } from './getMany';

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List or search the portal\'s users by name or email (ID, name, email, type, status), e.g. to find whom to share with',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/people/filter',
					preSend: [prepareUserGetMany],
					postReceive: [entriesOutput(simplifyUser)],
					list: true,
				}),
			},
		],
		default: 'getAll',
	},
	...userGetManyDescription,
];
