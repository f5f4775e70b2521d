import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty } from '../../shared/descriptions';
import { checkMyDocumentsFile } from '../../shared/entryChecks';
import { docSpaceApiList } from '../../shared/transport';
import { type FileShareDto, simplifySubject } from '../../shared/output';
import { checkedRecipient, listOf, resolveRecipient } from '../../shared/recipients';
import { fillLocatorId, locatorValue, requestBody } from '../../shared/routing';
import { invalidField } from '../../shared/validation';

const show = { resource: ['file'], operation: ['removeSharing'] };

export const fileRemoveSharingDescription: INodeProperties[] = [
	{
		displayName: 'Removes user and group shares of a My Documents file; its links stay.',
		name: 'removeSharingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Remove',
		name: 'removeFrom',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Given Users or Groups',
				value: 'given',
				description:
					"Only the users and groups listed below lose access (only the file's owner can remove shares; File Link: Set handles links)",
			},
			{
				name: 'Everyone',
				value: 'everyone',
				description: 'Every user and group the file is shared with loses access',
			},
		],
		default: 'given',
	},
	{
		displayName: 'Users or Groups',
		name: 'subjects',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.userIds }} or id1, jane@example.com',
		description:
			'User or group IDs, or user emails, separated by commas, or an expression that gives a list of them',
		displayOptions: { show: { ...show, removeFrom: ['given'] } },
	},
	optionsProperty(show),
];

interface Removal {
	id: string;
	/** What DocSpace told us about the subject (Everyone mode), simplified. */
	known?: IDataObject;
}

const requested = new WeakMap<object, Removal[]>();

/** Every user and group the file is shared with, except its owner and the caller (GET files/file/{id}/share). */
async function currentShares(
	context: IExecuteSingleFunctions,
	fileId: string,
): Promise<FileShareDto[]> {
	// Paged with the transport's stops: a short page, `total`, a repeated page, the entry cap.
	const entries = (await docSpaceApiList.call(
		context,
		`/api/2.0/files/file/${encodeURIComponent(fileId)}/share`,
	)) as FileShareDto[];
	return entries.filter((entry) => !entry.isOwner && !entry.isLocked);
}

/** PUT files/file/{id}/share with access 0 (None) for each subject to remove (docs/docspace/api.md §4.2). */
export async function prepareFileRemoveSharing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = fillLocatorId(this, requestOptions, 'file');
	let removals: Removal[];
	if (this.getNodeParameter('removeFrom', 'given') === 'everyone') {
		await checkMyDocumentsFile(this, fileId);
		removals = (await currentShares(this, fileId)).map((entry) => {
			const known = simplifySubject(entry);
			return { id: String(known.id).toLowerCase(), known };
		});
	} else {
		const checked = listOf(this.getNodeParameter('subjects', '')).map((value, index) =>
			checkedRecipient(this, `Users or Groups (entry ${index + 1})`, value),
		);
		if (checked.length === 0) {
			throw invalidField(
				this,
				'Users or Groups',
				'no user or group given',
				'Enter at least one user or group ID or user email.',
			);
		}
		const ids = new Set<string>();
		for (const recipient of checked) ids.add(await resolveRecipient(this, recipient));
		removals = [...ids].map((id) => ({ id }));
		await checkMyDocumentsFile(this, fileId);
	}
	requested.set(this, removals);
	const body = requestBody(requestOptions);
	body.share = removals.map(({ id }) => ({ shareTo: id, access: 0 }));
	body.notify = false;
	return requestOptions;
}

/** DocSpace does not return removed subjects: one item per subject asked to be removed. */
export async function fileRemoveSharingOutput(
	this: IExecuteSingleFunctions,
): Promise<INodeExecutionData[]> {
	const fileId = String(locatorValue(this, 'file')).trim();
	const pairedItem = { item: this.getItemIndex() };
	const removals = requested.get(this) ?? [];
	if (removals.length === 0) {
		return [
			{
				json: { fileId, removed: false, reason: 'The file was not shared with any user or group.' },
				pairedItem,
			},
		];
	}
	return removals.map(({ id, known }) => ({
		json: {
			fileId,
			id,
			...(known
				? {
						subjectType: known.subjectType,
						name: known.name,
						email: known.email,
						previousAccess: known.access,
						previousAccessName: known.accessName,
					}
				: {}),
			removed: true,
		},
		pairedItem,
	}));
}
