import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { describeValue, invalidField } from './validation';

const MAX_LINK_LIFETIME_YEARS = 10; // FilesLinkUtility.MaxLinkLifeTimeInYears (docs/docspace/api.md §3.2)
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A date-time without zone, as n8n's date picker gives it, read in the workflow's time zone. */
export function wallTimeToUtc(text: string, timeZone: string): number | undefined {
	const match = WALL_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = match;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${fraction}`) * 1000));
	const check = new Date(wall);
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return undefined;
	let zone = timeZone;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		zone = 'UTC';
	}
	let utc = wall - zoneOffsetMs(wall, zone);
	const corrected = wall - zoneOffsetMs(utc, zone);
	if (corrected !== utc) utc = corrected;
	return utc;
}

function instantOf(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return value.getTime();
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		return (value as { toMillis: () => number }).toMillis(); // a Luxon DateTime from an expression ($now.plus(…))
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (HAS_ZONE.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return wallTimeToUtc(text, timeZone);
}

/**
 * The expiration as DocSpace reads it: an ISO-8601 string in UTC (docs/docspace/api.md §1.5; the
 * OpenAPI's `{utcTime, timeZoneOffset}` object is refused by the server). A past date or one
 * more than 10 years ahead is refused here: DocSpace would silently drop the first on external
 * links and reject the second.
 */
export function expirationToIso(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	now = Date.now(),
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const instant = instantOf(value, context.getTimezone());
	if (instant === undefined || Number.isNaN(instant)) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a date`,
			'Pick a date and time, or map an ISO date such as 2027-01-31T18:00:00Z (or {{ $now.plus({ days: 7 }) }}).',
		);
	}
	if (instant <= now) {
		throw invalidField(
			context,
			field,
			`${new Date(instant).toISOString()} is in the past`,
			'Choose a date in the future, or leave the field empty for a link that never expires.',
		);
	}
	const latest = new Date(now);
	latest.setUTCFullYear(latest.getUTCFullYear() + MAX_LINK_LIFETIME_YEARS);
	if (instant > latest.getTime()) {
		throw invalidField(
			context,
			field,
			`${new Date(instant).toISOString()} is more than ${MAX_LINK_LIFETIME_YEARS} years ahead`,
			`DocSpace links can live at most ${MAX_LINK_LIFETIME_YEARS} years; choose an earlier date or leave it empty.`,
		);
	}
	return new Date(instant).toISOString();
}
