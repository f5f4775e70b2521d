import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkedUser } from '../../shared/people';

/** GET people/{id}, or GET people/email?email= when the User field holds an address. */
export async function prepareUserGet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { id, email } = checkedUser(this);
	if (email) {
		requestOptions.url = '/api/2.0/people/email';
		requestOptions.qs = { ...requestOptions.qs, email };
	} else {
		requestOptions.url = `/api/2.0/people/${id}`;
	}
	return requestOptions;
}
