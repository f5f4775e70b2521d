import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	FILE_SHARE_ACCESS,
	accessName,
	accessOptions,
	parseAccess,
} from '../../shared/accessLevels';
import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { checkMyDocumentsFile } from '../../shared/entryChecks';
import { type FileShareDto, subjectOf, simplifySubject } from '../../shared/output';
import { fillLocatorId, requestBody } from '../../shared/routing';
import {
	checkedRecipient,
	listOf,
	recipientLocator,
	resolveRecipient,
} from '../../shared/recipients';
import { booleanValue, describeValue, invalidField, optionalText } from '../../shared/validation';

const show = { resource: ['file'], operation: ['share'] };
const accessChoices = accessOptions(FILE_SHARE_ACCESS);

const notifyProperty: INodeProperties = {
	displayName: 'Notify',
	name: 'notify',
	type: 'boolean',
	default: false,
	description: 'Whether DocSpace emails the recipients that the file was shared with them',
	routing: { send: { type: 'body', property: 'notify' } },
};

export const fileShareDescription: INodeProperties[] = [
	{
		displayName:
			'Only My Documents files; for a file in a room use Room Member: Add or File Link: Set.',
		name: 'myDocumentsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Recipients From',
		name: 'recipientsFrom',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Rows Below',
				value: 'rows',
				description: 'One row per user or group, each with its own access',
			},
			{
				name: 'List of IDs',
				value: 'list',
				description: 'Many user or group IDs (e.g. from a previous node) with one access for all',
			},
		],
		default: 'rows',
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Recipient',
		default: {},
		displayOptions: { show: { ...show, recipientsFrom: ['rows'] } },
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					recipientLocator,
					{
						displayName: 'Access',
						name: 'access',
						type: 'options',
						options: accessChoices,
						default: 2,
						description: 'What the recipient may do with the file',
					},
				],
			},
		],
		// No routing: prepareFileShare turns the rows (or the list below) into the body's `share`.
	},
	{
		displayName: 'User or Group IDs',
		name: 'recipientIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.userIds }} or id1, jane@example.com',
		description:
			'User or group IDs, or user emails, separated by commas, or an expression that gives a list of them',
		displayOptions: { show: { ...show, recipientsFrom: ['list'] } },
	},
	{
		displayName: 'Access',
		name: 'accessForAll',
		type: 'options',
		options: accessChoices,
		default: 2,
		description: 'What every listed recipient may do with the file',
		displayOptions: { show: { ...show, recipientsFrom: ['list'] } },
	},
	// Version 1 notified by default; later versions do not (a test run should not email
	// colleagues). n8n saves no parameter equal to its default, hence one declaration per version.
	// File: Share runs through the runner, which reads only the declaration shown: no cost per item.
	{ ...notifyProperty, default: true, displayOptions: { show: { ...show, '@version': [1] } } },
	{ ...notifyProperty, default: false, displayOptions: { show, hide: { '@version': [1] } } },
	{
		displayName: 'Message',
		name: 'sharingMessage',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text added to the notification (at most 255 characters)',
		displayOptions: { show: { ...show, notify: [true] } },
		routing: { send: { type: 'body', property: 'sharingMessage' } },
	},
	simplifyProperty(show),
	optionsProperty(show),
];

interface Recipient {
	shareTo: string;
	access: number;
}

/** The recipients each request carried, kept for the output (preSend and postReceive share the item's context). */
const requestedRecipients = new WeakMap<object, Recipient[]>();
/** The file each request shared, for the output rows. */
const sharedFiles = new WeakMap<object, { fileId: string; fileTitle: string | null }>();

async function validatedRecipients(
	context: IExecuteSingleFunctions,
	rows: unknown,
): Promise<Recipient[]> {
	const entries = Array.isArray(rows) ? (rows as IDataObject[]) : [];
	// Every row is checked before anything is sent; only then are emails looked up.
	const checked = entries.map((row, index) => {
		const label = `Recipient ${index + 1}`;
		const recipient = checkedRecipient(context, label, row?.shareTo);
		const access = parseAccess(row?.access);
		if (access === undefined || !FILE_SHARE_ACCESS.includes(access)) {
			throw invalidField(
				context,
				`${label} (Access)`,
				access === 0
					? 'None removes access; File: Share only grants it'
					: `${describeValue(row?.access)} is not an access level for files`,
				`Use one of: ${FILE_SHARE_ACCESS.map((value) => `${accessName(value)} (${value})`).join(', ')}.`,
			);
		}
		return { label, recipient, access };
	});
	const byId = new Map<string, Recipient>();
	for (const { label, recipient, access } of checked) {
		const shareTo = await resolveRecipient(context, recipient);
		const earlier = byId.get(shareTo);
		if (earlier && earlier.access !== access) {
			throw invalidField(
				context,
				`${label} (User or Group ID)`,
				`${shareTo} is listed twice with different access`,
				'Keep one row per recipient.',
			);
		}
		byId.set(shareTo, { shareTo, access });
	}
	if (byId.size === 0) {
		throw invalidField(
			context,
			'Recipients',
			'no user or group to share with',
			'Add at least one recipient ID.',
		);
	}
	return [...byId.values()];
}

export async function prepareFileShare(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = fillLocatorId(this, requestOptions, 'file');
	const body = requestBody(requestOptions);

	const rows =
		this.getNodeParameter('recipientsFrom', 'rows') === 'list'
			? listOf(this.getNodeParameter('recipientIds', '')).map((shareTo) => ({
					shareTo,
					access: this.getNodeParameter('accessForAll', 2),
				}))
			: (this.getNodeParameter('recipients.recipient', []) as IDataObject[]).map((row) => ({
					shareTo: row?.id,
					access: row?.access,
				}));
	const share = await validatedRecipients(this, rows);
	body.share = share;
	requestedRecipients.set(this, share);

	body.notify = booleanValue(this, 'Notify', body.notify ?? false);
	const message = body.notify ? optionalText(this, 'Message', body.sharingMessage, 255) : undefined;
	if (message === undefined) delete body.sharingMessage;
	else body.sharingMessage = message;
	// Read here, once per file and run, not in the post-receive step: a request made inside the
	// share's own attempt would wait for it (the password sign-in lets the first request go alone).
	sharedFiles.set(this, { fileTitle: await checkMyDocumentsFile(this, fileId), fileId });
	return requestOptions;
}

const NOT_APPLIED_REASON =
	'DocSpace did not apply this share: the ID is not an active user or group of this portal, or the account behind the credential may not share with them (for example guests and deactivated users).';

/** One item per requested recipient, applied or not: DocSpace silently drops some (docs/docspace/api.md §4.2). */
export async function fileShareOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entries = (((response.body as IDataObject)?.response ?? []) as FileShareDto[]).filter(
		Boolean,
	);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	// Each row says which file it belongs to.
	const file = sharedFiles.get(this) ?? { fileTitle: null, fileId: null };
	return (requestedRecipients.get(this) ?? []).map(({ shareTo, access }) => {
		const entry = entries.find(
			(candidate) => String(subjectOf(candidate).id).toLowerCase() === shareTo,
		);
		if (!entry) {
			return {
				json: {
					...file,
					applied: false,
					id: shareTo,
					requestedAccess: access,
					requestedAccessName: accessName(access),
					reason: NOT_APPLIED_REASON,
				},
				pairedItem,
			};
		}
		const details = simplify ? simplifySubject(entry) : entry;
		return {
			json: {
				...file,
				applied: true,
				requestedAccessName: accessName(access),
				requestedAccess: access,
				...details,
			},
			pairedItem,
		};
	});
}
