import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { imageFacts } from '../../shared/images';
import { DocSpaceFailureError, docSpaceApiRequest, failureOf } from '../../shared/transport';
import { postFilePart } from '../../shared/upload';
import { invalidField } from '../../shared/validation';
import { roomItems } from './output';

/** DocSpace's default largest logo image (`web:max-upload-size`, docs/docspace/rooms.md §6). */
export const MAX_LOGO_BYTES = 1024 * 1024;
/** The largest crop rectangle side and offset DocSpace accepts (§6). */
const MAX_CROP = 1280;
const FIELD = 'Logo (Binary Field)';

/** The Additional Fields / Update Fields entry of Room: Create and Room: Update. */
export const roomLogoOption: INodeProperties = {
	displayName: FIELD,
	name: 'logoBinaryField',
	type: 'string',
	default: '',
	placeholder: 'e.g. data',
	description:
		"Name of the input binary field holding the room's logo: a PNG or JPEG image of at most 1 MB. DocSpace shows its centred square, up to 1280 × 1280 pixels.",
};

export interface LogoRequest {
	tmpFile: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

const pendingLogos = new WeakMap<object, LogoRequest>();

/** The centred square of the image, as DocSpace's crop rectangle (§6). */
function centredSquare(width: number, height: number): Omit<LogoRequest, 'tmpFile'> {
	const side = Math.min(width, height, MAX_CROP);
	return {
		x: Math.min(Math.floor((width - side) / 2), MAX_CROP),
		y: Math.min(Math.floor((height - side) / 2), MAX_CROP),
		width: side,
		height: side,
	};
}

/** Reads and checks the logo image of the item's binary field (nothing is sent for a bad one). */
async function logoImage(
	context: IExecuteSingleFunctions,
	property: string,
): Promise<{
	data: Buffer;
	fileName: string;
	mimeType: string;
	crop: Omit<LogoRequest, 'tmpFile'>;
}> {
	let binary: IBinaryData;
	try {
		binary = context.helpers.assertBinaryData(property);
	} catch {
		throw invalidField(
			context,
			FIELD,
			`the item has no binary field "${property}"`,
			"Enter the name of the field that holds the image (see the input item's Binary tab).",
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(property);
	const facts = imageFacts(data);
	if (!facts) {
		throw invalidField(
			context,
			FIELD,
			`"${binary.fileName ?? property}" is not a PNG or JPEG image`,
			'DocSpace takes room logos as PNG or JPEG only: convert the image first (e.g. with the Edit Image node).',
		);
	}
	if (data.length > MAX_LOGO_BYTES) {
		throw invalidField(
			context,
			FIELD,
			`the image is ${data.length} bytes; DocSpace takes logos of at most 1 MB (${MAX_LOGO_BYTES} bytes)`,
			'Make the image smaller (e.g. resize it with the Edit Image node).',
		);
	}
	return {
		data,
		fileName: binary.fileName || `logo.${facts.format === 'png' ? 'png' : 'jpg'}`,
		mimeType: facts.format === 'png' ? 'image/png' : 'image/jpeg',
		crop: centredSquare(facts.width, facts.height),
	};
}

/** POST files/logos: the image becomes a temporary file DocSpace names (§6). */
async function uploadLogo(
	context: IExecuteSingleFunctions,
	image: { data: Buffer; fileName: string; mimeType: string },
): Promise<string> {
	return await postFilePart(context, { url: '/api/2.0/files/logos' }, image, (full) => {
		const failure = failureOf(full, 'object');
		if (failure) throw new DocSpaceFailureError(failure);
		// HTTP 200 also when DocSpace refuses the image: {success: false, message}.
		const result = ((full.body as IDataObject).response ?? {}) as IDataObject;
		if (result.success === true && typeof result.data === 'string' && result.data)
			return result.data;
		const message =
			typeof result.message === 'string' && result.message
				? result.message
				: 'DocSpace did not take the logo image';
		throw new DocSpaceFailureError({ statusCode: 400, body: { error: { message } } });
	});
}

/**
 * Pre-send part of Room: Create and Room: Update: with a logo field given, checks the image and
 * uploads it before the room is written; returns the logo request (docs/docspace/rooms.md §6).
 */
export async function prepareRoomLogo(
	context: IExecuteSingleFunctions,
	fields: IDataObject,
): Promise<LogoRequest | undefined> {
	const property = typeof fields.logoBinaryField === 'string' ? fields.logoBinaryField.trim() : '';
	if (!property) return undefined;
	const image = await logoImage(context, property);
	return { tmpFile: await uploadLogo(context, image), ...image.crop };
}

/** The room's logo is set once the operation's request wrote the room (roomWithLogoOutput). */
export function setLogoAfterwards(context: IExecuteSingleFunctions, logo: LogoRequest): void {
	pendingLogos.set(context, logo);
}

/** Makes the operation's request the logo request itself (an update that changes only the logo). */
export function sendLogoInstead(
	requestOptions: IHttpRequestOptions,
	roomId: string,
	logo: LogoRequest,
): void {
	requestOptions.method = 'POST';
	requestOptions.url = `/api/2.0/files/rooms/${encodeURIComponent(roomId)}/logo`;
	requestOptions.body = { ...logo };
}

/**
 * Post-receive of Room: Create and Room: Update: the room, after its logo was set with POST
 * files/rooms/{id}/logo when one waits (that answer is the room with its logo).
 */
export async function roomWithLogoOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let room = ((response.body as IDataObject | undefined)?.response ?? {}) as IDataObject;
	const logo = pendingLogos.get(this);
	pendingLogos.delete(this);
	if (logo && room.id !== undefined) {
		try {
			const { response: withLogo } = await docSpaceApiRequest.call(
				this,
				'POST',
				`/api/2.0/files/rooms/${encodeURIComponent(String(room.id))}/logo`,
				{},
				{ ...logo },
				'object',
			);
			room = withLogo as IDataObject;
		} catch (error) {
			const failure = error as Error & { description?: string };
			failure.description = [
				`The room itself was saved (ID ${String(room.id)}) without the logo: to set it, run Room: Update with the logo.`,
				failure.description,
			]
				.filter(Boolean)
				.join(' ');
			throw failure;
		}
	}
	return await roomItems(this, [room]);
}
