// Shared link rules: binding of RoomLinkRequest / FileLinkRequest, password policy, expiration (docs/docspace/api.md §3).

import { argumentError, argumentOutOfRange } from './apiErrors';
import {
	AttributeValidator,
	EMPTY_UUID,
	parseJsonObject,
	property,
	readApiDate,
	readBoolean,
	readEnum,
	readFileShare,
	readOptionalInt,
	readString,
	readUuid,
} from './binding';
import type { PasswordPolicy } from './types';

export interface LinkRequest {
	/** undefined = create a new link (omitted or the empty uuid). */
	linkId?: string;
	access: number;
	expirationDate?: Date;
	internal: boolean;
	title?: string;
	linkType: number;
	password?: string;
	denyDownload: boolean;
	maxUseCount?: number;
	primary: boolean;
}

/** Binds RoomLinkRequest (flat body, §3.1) or FileLinkRequest (§5); unknown properties are ignored. */
export function bindLinkRequest(rawBody: string, kind: 'room' | 'file'): LinkRequest {
	const isRoom = kind === 'room';
	const body = parseJsonObject(rawBody);
	const read = <T>(name: string, reader: (value: unknown, path: string) => T): T | undefined => {
		const found = property(body, name);
		return found === undefined ? undefined : reader(found.value, `$.${found.key}`);
	};
	const linkId = read('linkId', readUuid);
	const request: LinkRequest = {
		linkId: linkId === EMPTY_UUID ? undefined : linkId,
		// §1.4: FileShare goes through FileShareConverter; omitted → None.
		access: read('access', readFileShare) ?? 0,
		expirationDate: read('expirationDate', readApiDate),
		internal: read('internal', readBoolean) ?? false,
		title: read('title', readString),
		// §3.1: an omitted linkType means 0 = Invitation.
		linkType: isRoom
			? (read('linkType', (value, path) =>
					readEnum(value, path, 'ASC.Files.Core.ApiModels.ResponseDto.LinkType'),
				) ?? 0)
			: 1,
		password: read('password', readString),
		denyDownload: read('denyDownload', readBoolean) ?? false,
		maxUseCount: isRoom ? read('maxUseCount', readOptionalInt) : undefined,
		primary: isRoom ? false : (read('primary', readBoolean) ?? false),
	};
	if (isRoom) read('currentUseCount', readOptionalInt); // bound, then ignored (§3.1)
	const validator = new AttributeValidator();
	validator.maxLength('Title', request.title, 255);
	validator.maxLength('Password', request.password, 255);
	validator.range('MaxUseCount', request.maxUseCount, 1, 1000);
	validator.throwIfInvalid();
	return request;
}

export const MAX_PASSWORD_LENGTH = 30;

/** PasswordSettingsManager.CheckPassword (§3.2): minLength..30, printable ASCII \x21-\x7E, optional classes. */
export function checkPassword(password: string, policy: PasswordPolicy): void {
	const valid =
		password.length >= policy.minLength &&
		password.length <= MAX_PASSWORD_LENGTH &&
		/^[\x21-\x7E]+$/.test(password) &&
		(!policy.digits || /\d/.test(password)) &&
		(!policy.upperCase || /[A-Z]/.test(password)) &&
		(!policy.specSymbols || /[^A-Za-z0-9]/.test(password));
	if (valid) return;
	let message = `Password must contain from ${policy.minLength} to ${MAX_PASSWORD_LENGTH} characters, only Latin letters, no spaces`;
	if (policy.digits) message += ', at least one digit';
	if (policy.upperCase) message += ', at least one capital letter';
	if (policy.specSymbols) message += ', at least one special character';
	throw argumentError(message);
}

/** Trimmed password, or undefined when empty (§3.1: the server trims it). */
export function normalizePassword(
	password: string | undefined,
	policy: PasswordPolicy,
): string | undefined {
	const trimmed = password?.trim();
	if (!trimmed) return undefined;
	checkPassword(trimmed, policy);
	return trimmed;
}

const MAX_LINK_LIFETIME_YEARS = 10; // FilesLinkUtility.MaxLinkLifeTimeInYears

function tooFarAhead(date: Date): boolean {
	const limit = new Date();
	limit.setUTCFullYear(limit.getUTCFullYear() + MAX_LINK_LIFETIME_YEARS);
	return date.getTime() > limit.getTime();
}

/** External links (§3.2): a past date is silently dropped; more than 10 years ahead → 400. */
export function externalLinkExpiration(date: Date | undefined): Date | undefined {
	if (date === undefined) return undefined;
	if (tooFarAhead(date)) throw argumentOutOfRange('expirationDate');
	return date.getTime() <= Date.now() ? undefined : date;
}

/** Invitation links (§3.2): a past date or more than 10 years ahead → 400. */
export function invitationLinkExpiration(date: Date | undefined): Date | undefined {
	if (date === undefined) return undefined;
	if (date.getTime() <= Date.now() || tooFarAhead(date)) throw argumentOutOfRange('expirationDate');
	return date;
}

export function linkLimitMessage(limit: number): string {
	return `The maximum number of links may not exceed ${limit}`;
}
