import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { describeValue, invalidField } from '../../shared/validation';

const INVALID_CHARACTERS = /[\\/:*?"<>|\u0000-\u001f]/;
/** DocSpace's longest title (docs/docspace/files.md §1). */
export const MAX_TITLE_LENGTH = 165;

/** A file name DocSpace stores as given: not empty, ≤ 165 characters, none it would replace. */
export function fileTitle(context: IExecuteSingleFunctions, field: string, value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidField(
			context,
			field,
			`expected a file name, got ${describeValue(value)}`,
			`Enter a file name in "${field}".`,
		);
	}
	const title = String(value).trim();
	if (title === '')
		throw invalidField(
			context,
			field,
			'is empty',
			`Enter a file name in "${field}", e.g. Contract.pdf.`,
		);
	if (title.length > MAX_TITLE_LENGTH) {
		throw invalidField(
			context,
			field,
			`is ${title.length} characters long; DocSpace accepts at most ${MAX_TITLE_LENGTH}`,
			`Shorten "${field}".`,
		);
	}
	if (INVALID_CHARACTERS.test(title)) {
		throw invalidField(
			context,
			field,
			`${describeValue(title)} contains a character DocSpace does not allow in file names (\\ / : * ? " < > |)`,
			'Remove or replace those characters.',
		);
	}
	return title;
}

/** The extension of a name as DocSpace reads it (".pdf"), or '' when the name has none. */
export function extensionOf(title: string): string {
	const match = /\.([A-Za-z][A-Za-z0-9]{0,9})$/.exec(title);
	return match ? `.${match[1].toLowerCase()}` : '';
}
