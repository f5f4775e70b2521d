import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { docSpaceApiRequest } from './transport';
import { describeValue, invalidField, uuid, refusal } from './validation';

// A pragmatic address check: something@domain.tld, no spaces. DocSpace itself decides whether a user has it.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
	return typeof value === 'string' && EMAIL.test(value.trim());
}

/** The User or Group picker: From List (users and groups), By ID, By Email. */
export const recipientLocator: INodeProperties = {
	displayName: 'User or Group',
	name: 'id',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The DocSpace user or group',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user or group…',
			typeOptions: { searchListMethod: 'searchRecipients', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 0f2c3a4b-1111-2222-3333-444455556666',
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. jane@example.com',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
						errorMessage: 'Enter the email address of a DocSpace user',
					},
				},
			],
		},
	],
};

/** What a recipient field holds: a resource locator value, or a plain string (saved before the picker existed). */
export function recipientInput(value: unknown): { mode: string; value: unknown } {
	if (value && typeof value === 'object' && !Array.isArray(value) && '__rl' in value) {
		const locator = value as IDataObject;
		return { mode: String(locator.mode ?? 'id'), value: locator.value };
	}
	return { mode: isEmail(value) ? 'email' : 'id', value };
}

/** Per item: email → user id, so a list naming one person twice costs one lookup. */
const lookups = new WeakMap<object, Map<string, string>>();

/** GET people/email; an unknown address is the user's mistake, named with the field, not a DocSpace failure. */
export async function userIdByEmail(
	context: IExecuteSingleFunctions,
	field: string,
	email: string,
): Promise<string> {
	const address = email.trim().toLowerCase();
	const cache = lookups.get(context) ?? new Map<string, string>();
	lookups.set(context, cache);
	const known = cache.get(address);
	if (known) return known;
	const notFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';
	const response = await docSpaceApiRequest
		.call(context, 'GET', '/api/2.0/people/email', { email: address })
		.then(
			(answer) => answer.response,
			(error: unknown) => (notFound(error) ? undefined : Promise.reject(error)),
		);
	if (response === undefined) {
		const itemIndex = context.getItemIndex();
		throw refusal(
			context.getNode(),
			`${field}: no DocSpace user has the email ${address} [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Check the address, or pick the person From List. Groups have no email: choose them From List or By ID. Nothing was shared.',
			},
		);
	}
	const id = uuid(context, field, (response as IDataObject | undefined)?.id, 'user');
	cache.set(address, id);
	return id;
}

export interface CheckedRecipient {
	/** The field as the error names it, e.g. "Recipient 2 (Email)". */
	field: string;
	/** A lower-case user or group id, or an email still to look up. */
	id?: string;
	email?: string;
}

/** Checks one recipient input (locator, id or email) without sending anything. */
export function checkedRecipient(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
): CheckedRecipient {
	const input = recipientInput(value);
	const text = typeof input.value === 'string' ? input.value.trim() : input.value;
	if (input.mode === 'email' || isEmail(text)) {
		const field = `${label} (Email)`;
		if (!isEmail(text)) {
			throw invalidField(
				context,
				field,
				`${describeValue(input.value)} is not an email address`,
				'Enter an address such as jane@example.com.',
			);
		}
		return { field, email: text.toLowerCase() };
	}
	const field = `${label} (User or Group ID)`;
	return { field, id: uuid(context, field, text, 'user or group') };
}

/** The user or group id of a checked recipient: emails are looked up (GET people/email). */
export async function resolveRecipient(
	context: IExecuteSingleFunctions,
	recipient: CheckedRecipient,
): Promise<string> {
	return recipient.id ?? (await userIdByEmail(context, recipient.field, recipient.email as string));
}

/** IDs or emails from a text list ("a, b; c"), a list, or one value. */
export function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flat();
	if (typeof value === 'string') return value.split(/[\s,;]+/).filter((id) => id !== '');
	if (value === undefined || value === null || value === '') return [];
	return [value];
}
