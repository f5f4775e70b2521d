import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../shared/routing';
import { entryId, invalidField } from '../../shared/validation';

// A folder's address in DocSpace's web client carries it as ?folder=1234 (rooms, their sub-folders
// and My documents); a room's own address may only have /rooms/shared/1234.
const FOLDER_URL_REGEX = '(?:[?&]folder=|/rooms/(?:shared|archived)/(?![^?#]*[?&]folder=))(\\d+|[A-Za-z]+-[\\w.-]+)';
const FOLDER_ID_REGEX = '^\\s*(\\d+|[A-Za-z]+-[\\w.-]+|@my)\\s*$';

/** Upload and Create put the new file here: a room, a folder, or My documents. */
export const destinationFolderLocator: INodeProperties = {
	displayName: 'Destination Folder or Room',
	name: 'destinationFolder',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'Where the file goes: a room, a folder inside a room, or My Documents',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a folder or room…',
			typeOptions: { searchListMethod: 'searchFolders', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [
				{
					type: 'regex',
					properties: { regex: FOLDER_ID_REGEX, errorMessage: 'A folder or room ID is a number such as 1234 (or sbox-42 for a connected storage)' },
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/1234/filter?folder=5678',
			extractValue: { type: 'regex', regex: FOLDER_URL_REGEX },
			validation: [
				{
					type: 'regex',
					properties: { regex: `.*${FOLDER_URL_REGEX}.*`, errorMessage: 'Paste the address of the folder or room as the DocSpace web page shows it' },
				},
			],
		},
	],
};

/** The destination's id for the URL path (`@my` for My documents), refused before sending when invalid. */
export function destinationFolderPath(context: IExecuteSingleFunctions): string {
	const value = locatorValue(context, 'destinationFolder');
	if (typeof value === 'string' && value.trim().toLowerCase() === '@my') return '@my';
	if (value === undefined || value === '') {
		throw invalidField(
			context,
			'Destination Folder or Room',
			'no folder or room given',
			'Pick a folder or room, enter its ID (e.g. 1234), or paste its address.',
		);
	}
	return encodeURIComponent(entryId(context, 'Destination Folder or Room', value, 'folder'));
}
