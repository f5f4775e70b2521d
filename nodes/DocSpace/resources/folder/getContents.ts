import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fillLocatorId } from '../../shared/routing';
import { booleanValue, describeValue, invalidField, optionalText } from '../../shared/validation';
import { portalUrl } from '../room/output';
import { simplifyFile, simplifyFolder } from './output';

const show = { resource: ['folder'], operation: ['getContents'] };

/** FilterType values (docs/docspace/folders.md §5). */
const ENTRY_TYPES: Record<string, number> = {
	all: 0,
	filesOnly: 1,
	foldersOnly: 2,
	documents: 3,
	presentations: 4,
	spreadsheets: 5,
	images: 7,
	archives: 10,
	media: 12,
	pdf: 22,
	pdfForms: 23,
	diagrams: 25,
};
/** SortedByType names DocSpace reads case-insensitively; an unknown one silently gives the default order (§5). */
const SORT_BY: Record<string, string> = {
	modified: 'DateAndTime',
	created: 'DateAndTimeCreation',
	name: 'AZ',
	size: 'Size',
	author: 'Author',
	type: 'Type',
};

export const folderGetContentsDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'contentFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Sub-Folders in Search',
				name: 'withSubfolders',
				type: 'boolean',
				default: false,
				description:
					'Whether Search also looks into sub-folders (at any depth) instead of only this folder',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. contract',
				description: 'Only entries whose name contains this text (not case-sensitive)',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Author', value: 'author' },
					{ name: 'Created', value: 'created' },
					{ name: 'Modified', value: 'modified' },
					{ name: 'Name', value: 'name' },
					{ name: 'Size', value: 'size' },
					{ name: 'Type', value: 'type' },
				],
				default: 'modified',
				description: 'The order of the entries (folders always come before files)',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ascending' },
					{ name: 'Descending', value: 'descending' },
				],
				default: 'descending',
				description:
					'Whether to sort from smallest to largest (A to Z, oldest first) or the reverse',
			},
			{
				displayName: 'Type',
				name: 'entryType',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Archives', value: 'archives' },
					{ name: 'Diagrams', value: 'diagrams' },
					{ name: 'Documents', value: 'documents' },
					{ name: 'Files Only', value: 'filesOnly' },
					{ name: 'Folders Only', value: 'foldersOnly' },
					{ name: 'Images', value: 'images' },
					{ name: 'Media', value: 'media' },
					{ name: 'PDF Forms', value: 'pdfForms' },
					{ name: 'PDFs', value: 'pdf' },
					{ name: 'Presentations', value: 'presentations' },
					{ name: 'Spreadsheets', value: 'spreadsheets' },
				],
				default: 'all',
				description: 'Only entries of this kind',
			},
		],
	},
];

function choice<T>(
	context: IExecuteSingleFunctions,
	field: string,
	table: Record<string, T>,
	value: unknown,
): T {
	const key = Object.keys(table).find(
		(candidate) => candidate.toLowerCase() === String(value).trim().toLowerCase(),
	);
	if (key === undefined) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a valid choice`,
			`Use one of: ${Object.keys(table).join(', ')}.`,
		);
	}
	return table[key];
}

export async function prepareFolderGetContents(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'folder');
	const filters = this.getNodeParameter('contentFilters', {}) as IDataObject;
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const search = optionalText(this, 'Search', filters.search, 255);
	if (search !== undefined) qs.filterValue = search;
	qs.withSubFolders = booleanValue(
		this,
		'Include Sub-Folders in Search',
		filters.withSubfolders ?? false,
	);
	const type = choice(this, 'Type', ENTRY_TYPES, filters.entryType ?? 'all');
	if (type !== 0) qs.filterType = type;
	qs.sortBy = choice(this, 'Sort By', SORT_BY, filters.sortBy ?? 'modified');
	qs.sortOrder = choice(
		this,
		'Sort Order',
		{ ascending: 0, descending: 1 },
		filters.sortOrder ?? 'descending',
	);
	requestOptions.qs = qs;
	return requestOptions;
}

/** One item per entry of the page: folders first, then files (FolderContentDto, §5). */
export async function folderGetContentsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const content = ((response.body as IDataObject)?.response ?? {}) as IDataObject;
	const folders = (content.folders ?? []) as IDataObject[];
	const files = (content.files ?? []) as IDataObject[];
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const baseUrl = simplify ? await portalUrl(this) : '';
	const pairedItem = { item: this.getItemIndex() };
	return [
		...folders.map((folder) => ({
			json: simplify ? simplifyFolder(folder, baseUrl) : folder,
			pairedItem,
		})),
		...files.map((file) => ({ json: simplify ? simplifyFile(file) : file, pairedItem })),
	];
}
