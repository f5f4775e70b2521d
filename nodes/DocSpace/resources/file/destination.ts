import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { locatorValue } from '../../shared/routing';
import { entryId, invalidField } from '../../shared/validation';

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
