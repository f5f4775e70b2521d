import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { normalizeBaseUrl } from '../DocSpace/shared/credentialValues';
import { CREDENTIAL_TYPE } from '../DocSpace/shared/transport';
import { eventByName, expandEvents } from './events';
import { simplifyDelivery, type WebhookDelivery } from './output';
import { TARGET_KINDS, type TargetType, type TriggerStaticData } from './registration';
import { SIGNATURE_HEADER, signatureIsValid } from './signature';
import { normaliseDates } from '../DocSpace/shared/presentation';

/**
 * How many accepted event ids are remembered. DocSpace retries one delivery at most 5 times
 * within about 31 s (docs/docspace/webhooks.md §7), so the last 500 deliveries cover retries
 * even on a busy portal.
 */
export const MAX_REMEMBERED_EVENTS = 500;

type RawRequest = { method?: string; rawBody?: unknown; headers: Record<string, unknown> };

function answer(
	context: IWebhookFunctions,
	status: number,
	message?: string,
): IWebhookResponseData {
	const response = context.getResponseObject();
	if (message === undefined) response.status(status).end();
	else response.status(status).json({ message });
	return { noWebhookResponse: true };
}

function parseDelivery(rawBody: Buffer): WebhookDelivery | undefined {
	try {
		const body = JSON.parse(rawBody.toString('utf8')) as WebhookDelivery;
		const valid = body && typeof body === 'object' && body.event && typeof body.event === 'object';
		return valid
			? { ...body, payload: body.payload ?? {}, webhook: body.webhook ?? {} }
			: undefined;
	} catch {
		return undefined;
	}
}

/** Whether the node's parameters want this event (DocSpace may send more, e.g. a config changed in DocSpace). */
function isWanted(context: IWebhookFunctions, trigger: string): boolean {
	const event = eventByName(trigger);
	const chosen = expandEvents(context.getNodeParameter('events', []));
	if (chosen && (!event || !chosen.includes(event))) return false;
	const target = context.getNodeParameter('target', 'none') as TargetType;
	// DocSpace matches a target by id only, so a file with the id of the chosen room would match too.
	return target === 'none' || (event !== undefined && TARGET_KINDS[target].includes(event.kind));
}

async function portalUrl(context: IWebhookFunctions): Promise<string> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		return normalizeBaseUrl(credentials.baseUrl);
	} catch {
		return '';
	}
}

/**
 * One DocSpace delivery: HEAD check answered, signature of the raw body verified in constant
 * time, an event id already accepted answered 200 without starting the workflow again.
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = context.getRequestObject() as unknown as RawRequest;
	// DocSpace checks the address with HEAD before it registers it, and wants a 2xx (§5).
	if (context.getWebhookName() === 'setup' || request.method === 'HEAD')
		return answer(context, 200);

	const data = context.getWorkflowStaticData('node') as TriggerStaticData;
	const rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
	const signature = context.getHeaderData()[SIGNATURE_HEADER];
	if (!data.secret || !rawBody || !signatureIsValid(rawBody, signature, data.secret)) {
		return answer(context, 401, 'Invalid or missing x-docspace-signature-256');
	}
	const delivery = parseDelivery(rawBody);
	if (!delivery) return answer(context, 400, 'The body is not a DocSpace webhook delivery');

	// The id is the delivery-log row: the same on every automatic retry of one delivery (§7).
	const key = `${delivery.webhook.id ?? ''}:${delivery.event.id ?? ''}`;
	const seen = Array.isArray(data.seen) ? data.seen : [];
	if (seen.includes(key)) return answer(context, 200, 'Already received');
	data.seen = [...seen, key].slice(-MAX_REMEMBERED_EVENTS);

	const trigger = String(delivery.event.trigger ?? '');
	if (!isWanted(context, trigger)) return answer(context, 200, 'Event not selected in the trigger');

	const simplify = context.getNodeParameter('simplify', true) as boolean;
	// Dates in UTC with a Z, as in the DocSpace node's output (shared/presentation.ts).
	const json: IDataObject = normaliseDates(
		simplify ? simplifyDelivery(delivery, await portalUrl(context)) : { ...delivery },
	);
	// Acknowledged here, before n8n starts the execution: DocSpace wants a quick 2xx (§7), and n8n
	// saves the static data (the remembered id) only when the answer is sent before the execution
	// starts; with n8n's own "onReceived" answer the id would be lost and a retry would start again.
	answer(context, 200, 'Workflow was started');
	return { noWebhookResponse: true, workflowData: [[{ json }]] };
}
