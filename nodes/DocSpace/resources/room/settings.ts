import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	describeValue,
	integerInRange,
	invalidField,
	optionalText,
	booleanValue,
} from '../../shared/validation';
import { roomLogoOption } from './logo';

// The settings DocSpace takes on room create and update (docs/docspace/rooms.md §1–§2).

const WATERMARK_ADDITIONS = [
	{ name: 'User Name', value: 1 },
	{ name: 'User Email', value: 2 },
	{ name: 'User IP Address', value: 4 },
	{ name: 'Current Date', value: 8 },
	{ name: 'Room Name', value: 16 },
];
const LIFETIME_PERIODS: Record<string, number> = { days: 0, months: 1, years: 2 };
const MB = 1024 * 1024;

/** Collection entries shared by Create's Additional Fields and Update's Update Fields. */
export function roomSettingOptions(forUpdate: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Color',
			name: 'color',
			type: 'color',
			default: '',
			placeholder: 'e.g. FF6F3D',
			description:
				'Colour of the room icon as 6 hex digits (a leading # is removed before sending). Empty: DocSpace picks one.',
		},
		{
			displayName: 'Cover',
			name: 'cover',
			type: 'string',
			default: '',
			placeholder: 'e.g. cover1',
			description: 'ID of one of the portal’s room covers (at most 50 characters)',
		},
		{
			displayName: 'Deny Download',
			name: 'denyDownload',
			type: 'boolean',
			default: false,
			description:
				'Whether members other than room managers are prevented from downloading, copying and printing files',
		},
		{
			displayName: 'File Lifetime',
			name: 'lifetimeValue',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 999 },
			default: 30,
			description:
				'Files older than this are removed automatically (1–999, in the unit of File Lifetime Unit)',
		},
		{
			displayName: 'File Lifetime Unit',
			name: 'lifetimePeriod',
			type: 'options',
			options: [
				{ name: 'Days', value: 'days' },
				{ name: 'Months', value: 'months' },
				{ name: 'Years', value: 'years' },
			],
			default: 'days',
			description: 'Unit of File Lifetime',
		},
		{
			displayName: 'File Lifetime: Delete Permanently',
			name: 'lifetimeDeletePermanently',
			type: 'boolean',
			default: false,
			description: 'Whether expired files are deleted for good instead of moved to Trash',
		},
		{
			displayName: 'Indexing',
			name: 'indexing',
			type: 'boolean',
			default: false,
			description:
				'Whether files and folders are numbered in a fixed order (index), as in virtual data rooms',
		},
		roomLogoOption,
		{
			displayName: 'Storage Quota (MB)',
			name: 'quotaMb',
			type: 'number',
			typeOptions: { minValue: -1 },
			default: -1,
			description:
				'How much the room may store, in megabytes. -1: no limit. It cannot exceed the portal’s quota.',
		},
		{
			displayName: 'Watermark Angle',
			name: 'watermarkRotate',
			type: 'options',
			options: [
				{ name: 'Diagonal', value: -45 },
				{ name: 'Horizontal', value: 0 },
			],
			default: -45,
			description: 'How the watermark is laid over documents',
		},
		{
			displayName: 'Watermark Details',
			name: 'watermarkAdditions',
			type: 'multiOptions',
			options: WATERMARK_ADDITIONS,
			default: [],
			description: 'What DocSpace prints in the watermark besides Watermark Text',
		},
		{
			displayName: 'Watermark Text',
			name: 'watermarkText',
			type: 'string',
			default: '',
			placeholder: 'e.g. Confidential',
			description:
				'Text of the watermark shown on documents opened in the room (at most 255 characters)',
		},
	];
	if (!forUpdate) {
		options.push({
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. client, 2027',
			description:
				'Tags, separated by commas (or a list in an expression). Tags that do not exist yet are created.',
		});
		return options;
	}
	return [
		...options,
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'New room title (at most 170 characters)',
		},
		{
			displayName: 'Turn Off File Lifetime',
			name: 'disableLifetime',
			type: 'boolean',
			default: false,
			description: 'Whether to stop removing old files automatically',
		},
		{
			displayName: 'Turn Off Watermark',
			name: 'disableWatermark',
			type: 'boolean',
			default: false,
			description: 'Whether to remove the watermark',
		},
	];
}

/** A list of texts from "a, b", a list, or one value; each trimmed, empty ones dropped. */
export function textList(value: unknown): string[] {
	const list = Array.isArray(value)
		? value.flat()
		: typeof value === 'string'
			? value.split(',')
			: value === undefined || value === null
				? []
				: [value];
	return list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

export function roomTags(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
): string[] {
	const tags = [...new Set(textList(value))];
	for (const tag of tags) optionalText(context, field, tag, 255);
	return tags;
}

/** DocSpace takes the colour without "#" and at most 6 characters (a leading "#" gives 400). */
function roomColor(context: IExecuteSingleFunctions, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let hex = String(value).trim().replace(/^#/, '');
	if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (digit) => digit + digit);
	if (!/^[0-9a-f]{6}$/i.test(hex)) {
		throw invalidField(
			context,
			'Color',
			`${describeValue(value)} is not a colour`,
			'Enter 6 hex digits such as FF6F3D (with or without #).',
		);
	}
	return hex.toUpperCase();
}

/** The settings of a Create/Update collection as DocSpace's request fields; throws before sending. */
export function roomSettingsBody(
	context: IExecuteSingleFunctions,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const color = roomColor(context, fields.color);
	if (color) body.color = color;
	const cover = optionalText(context, 'Cover', fields.cover, 50);
	if (cover) body.cover = cover;
	for (const [name, label] of [
		['denyDownload', 'Deny Download'],
		['indexing', 'Indexing'],
	] as const) {
		if (fields[name] !== undefined && fields[name] !== '')
			body[name] = booleanValue(context, label, fields[name]);
	}
	if (fields.quotaMb !== undefined && fields.quotaMb !== '') {
		const quota = integerInRange(
			context,
			'Storage Quota (MB)',
			fields.quotaMb,
			-1,
			1024 * 1024 * 1024,
		);
		if (quota === 0)
			throw invalidField(
				context,
				'Storage Quota (MB)',
				'is 0',
				'Enter a size in megabytes, or -1 for no limit.',
			);
		body.quota = quota === -1 ? -1 : quota * MB;
	}
	const lifetimeSet = ['lifetimeValue', 'lifetimePeriod', 'lifetimeDeletePermanently'].some(
		(name) => fields[name] !== undefined,
	);
	if (fields.disableLifetime === true) {
		if (lifetimeSet)
			throw invalidField(
				context,
				'Turn Off File Lifetime',
				'is on while a File Lifetime is set',
				'Use one of them.',
			);
		body.lifetime = { enabled: false };
	} else if (lifetimeSet) {
		const period = LIFETIME_PERIODS[String(fields.lifetimePeriod ?? 'days')];
		if (period === undefined) {
			throw invalidField(
				context,
				'File Lifetime Unit',
				`${describeValue(fields.lifetimePeriod)} is not a unit`,
				'Choose days, months or years.',
			);
		}
		body.lifetime = {
			enabled: true,
			value: integerInRange(context, 'File Lifetime', fields.lifetimeValue ?? 30, 1, 999),
			period,
			deletePermanently: booleanValue(
				context,
				'File Lifetime: Delete Permanently',
				fields.lifetimeDeletePermanently ?? false,
			),
		};
	}
	const watermarkSet = ['watermarkText', 'watermarkAdditions', 'watermarkRotate'].some(
		(name) => fields[name] !== undefined,
	);
	if (fields.disableWatermark === true) {
		if (watermarkSet)
			throw invalidField(
				context,
				'Turn Off Watermark',
				'is on while watermark fields are set',
				'Use one of them.',
			);
		body.watermark = { enabled: false };
	} else if (watermarkSet) {
		const text = optionalText(context, 'Watermark Text', fields.watermarkText, 255);
		const additions = [fields.watermarkAdditions ?? []].flat().map((value) => {
			const flag = WATERMARK_ADDITIONS.find(
				(option) =>
					option.value === Number(value) ||
					option.name.toLowerCase() === String(value).toLowerCase(),
			);
			if (!flag)
				throw invalidField(
					context,
					'Watermark Details',
					`${describeValue(value)} is not a watermark detail`,
					`Use: ${WATERMARK_ADDITIONS.map((option) => option.name).join(', ')}.`,
				);
			return flag.value;
		});
		if (!text && additions.length === 0) {
			throw invalidField(
				context,
				'Watermark Text',
				'is empty and no Watermark Details are chosen',
				'Enter a text or choose what the watermark shows.',
			);
		}
		// A [Flags] enum: the chosen details are added up.
		const sum = [...new Set(additions)].reduce((total, flag) => total + flag, 0);
		const rotate = Number(fields.watermarkRotate ?? -45);
		if (rotate !== 0 && rotate !== -45)
			throw invalidField(
				context,
				'Watermark Angle',
				`${describeValue(fields.watermarkRotate)} is not an angle`,
				'Choose Diagonal or Horizontal.',
			);
		body.watermark = { enabled: true, ...(text ? { text } : {}), additions: sum, rotate };
	}
	return body;
}
