import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ACCESS_LEVELS, accessName, accessOptions, parseAccess } from '../../shared/accessLevels';
import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import {
	applyLinkSettings,
	checkLinkToUpdate,
	linkChoiceProperties,
	linkIdFor,
	linkSettingsProperties,
} from '../../shared/linkSettings';
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
	...linkChoiceProperties(show, 'file', 'File Link: Set or Get Many'),
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
	body.linkId = linkIdFor(this, body, `file:${fileId}`);
	applyLinkSettings(this, body, true);
	await checkLinkToUpdate(
		this,
		String(body.linkId),
		`/api/2.0/files/file/${encodeURIComponent(fileId)}/links`,
		`file ${fileId}`,
	);
	return requestOptions;
}
