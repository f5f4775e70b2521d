import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ACCESS_LEVELS, accessName, accessOptions, parseAccess } from '../../shared/accessLevels';
import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import {
	applyLinkSettings,
	linkChoiceProperties,
	linkSettingsProperties,
} from '../../shared/linkSettings';
import {
	givenLinkId,
	linkIdProperty,
	linkLocatorProperty,
	settleLinkId,
} from '../../shared/linkTarget';
import { fillLocatorId, requestBody } from '../../shared/routing';
import { describeValue, invalidField } from '../../shared/validation';

const show = { resource: ['fileLink'], operation: ['set'] };

/** Levels a file's external link can carry (FileSecurity, docs/docspace/api.md §5); None (delete) never from Set. */
export const FILE_LINK_ACCESS = [
	ACCESS_LEVELS.editor,
	ACCESS_LEVELS.reviewer,
	ACCESS_LEVELS.commenter,
	ACCESS_LEVELS.formFiller,
	ACCESS_LEVELS.viewer,
].map((level): number => level.value);

export const fileLinkSetDescription: INodeProperties[] = [
	{
		displayName:
			'Anyone with the link opens the file, no account needed; a file has at most 6 links.',
		name: 'fileLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...linkChoiceProperties(show, 'file'),
	linkIdProperty(show, 'File Link: Create or Update or Get Many'),
	linkLocatorProperty(show, 'file', true),
	{
		displayName: 'Access',
		name: 'fileLinkAccess',
		type: 'options',
		displayOptions: { show },
		options: accessOptions(FILE_LINK_ACCESS),
		default: 2,
		description:
			'What people who open the link may do. The file format decides what is possible: Form filler only for PDF forms; Editor, Reviewer and Commenter only for formats DocSpace edits.',
		routing: { send: { type: 'body', property: 'access' } },
	},
	...linkSettingsProperties(show, show, 'the file'),
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/** Checks and normalises the FileLinkRequest the routing assembled; throws before anything is sent. */
export async function prepareFileLinkSet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = fillLocatorId(this, requestOptions, 'file');
	const body = requestBody(requestOptions);

	const access = parseAccess(body.access);
	if (access === undefined || !FILE_LINK_ACCESS.includes(access)) {
		throw invalidField(
			this,
			'Access',
			access === 0
				? 'None would delete the link, which Set never does'
				: `${describeValue(body.access)} is not an access level for file links`,
			`Use one of: ${FILE_LINK_ACCESS.map((value) => `${accessName(value)} (${value})`).join(', ')}.`,
		);
	}
	body.access = access;
	const given = givenLinkId(this, body);
	applyLinkSettings(this, body, true);
	await settleLinkId(this, body, { kind: 'file', id: fileId }, 1, given);
	return requestOptions;
}
