import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ACCESS_LEVELS, accessName, accessOptions, parseAccess } from '../../shared/accessLevels';
import { expirationToIso } from '../../shared/dates';
import { fileLocator, includePasswordOption, optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { newLinkId } from '../../shared/linkIds';
import { type FileShareDto, redactPasswords, simplifyLink } from '../../shared/output';
import { fillPath, locatorValue, optionValue, requestBody } from '../../shared/routing';
import { booleanValue, describeValue, entryId, invalidField, linkPassword, optionalText, uuid } from '../../shared/validation';

const show = { resource: ['fileLink'], operation: ['set'] };

/** Levels a file's external link can carry (FileSecurity, docspace-api.md §5); None (delete) never from Set. */
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
			'A file link lets anyone who has it open the file, without an account, with the access chosen below. Password and expiry protect it. A file has at most 6 links.',
		name: 'fileLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{ ...fileLocator, displayOptions: { show }, description: 'The file whose link to create or update' },
	{
		displayName: 'Link',
		name: 'link',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Create a New Link', value: 'create' },
			{ name: 'Update an Existing Link', value: 'update' },
		],
		default: 'create',
		description: 'Whether to add a link or change one the file already has',
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the link to update (the "linkId" File Link: Set or Get Many returned). Its settings are replaced by the ones below.',
		displayOptions: { show: { ...show, link: ['update'] } },
		routing: { send: { type: 'body', property: 'linkId' } },
	},
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
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Client: read-only',
		description: 'Name of the link shown in DocSpace (at most 255 characters). Empty: DocSpace names it.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'title' } },
	},
	{
		displayName: 'Expires At',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		description: "When the link stops working (in the workflow's time zone unless the value carries one). Empty: never.",
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'expirationDate' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password people must enter to open the link: 8–30 Latin letters, digits and symbols, no spaces. Empty: no password.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Deny Download',
		name: 'denyDownload',
		type: 'boolean',
		default: false,
		description: 'Whether people opening the link are prevented from downloading the file',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'denyDownload' } },
	},
	{
		displayName: 'Internal Only',
		name: 'internal',
		type: 'boolean',
		default: false,
		description: 'Whether only people signed in to this portal can use the link',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'internal' } },
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/** Checks and normalises the FileLinkRequest the routing assembled; throws before anything is sent. */
export async function prepareFileLinkSet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = entryId(this, 'File', locatorValue(this, 'file'), 'file');
	fillPath(requestOptions, 'fileId', fileId);
	const body = requestBody(requestOptions);

	const access = parseAccess(body.access);
	if (access === undefined || !FILE_LINK_ACCESS.includes(access)) {
		throw invalidField(
			this,
			'Access',
			access === 0 ? 'None would delete the link, which Set never does' : `${describeValue(body.access)} is not an access level for file links`,
			`Use one of: ${FILE_LINK_ACCESS.map((value) => `${accessName(value)} (${value})`).join(', ')}.`,
		);
	}
	body.access = access;
	body.linkId =
		this.getNodeParameter('link', 'create') === 'update'
			? uuid(this, 'Link ID', body.linkId, 'link')
			: newLinkId(this, `file:${fileId}`);

	const normalised: IDataObject = {
		title: optionalText(this, 'Title', body.title, 255),
		expirationDate: expirationToIso(this, 'Expires At', body.expirationDate),
		password: linkPassword(this, body.password),
		denyDownload: booleanValue(this, 'Deny Download', body.denyDownload ?? false),
		internal: booleanValue(this, 'Internal Only', body.internal ?? false),
	};
	for (const [key, value] of Object.entries(normalised)) {
		if (value === undefined) delete body[key];
		else body[key] = value;
	}
	return requestOptions;
}

/** Links as items: flat unless Simplify is off; passwords hidden unless Options → Include Password. */
export async function fileLinkOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const payload = (response.body as IDataObject)?.response;
	const links = (Array.isArray(payload) ? payload : payload ? [payload] : []) as FileShareDto[];
	const includePassword = optionValue(this, 'includePassword', false);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	return links.map((dto) => ({
		json: simplify ? simplifyLink(dto, includePassword) : redactPasswords(dto, includePassword),
		pairedItem,
	}));
}
