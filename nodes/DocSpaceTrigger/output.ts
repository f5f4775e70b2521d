import type { IDataObject } from 'n8n-workflow';

import { roomWebUrl } from '../DocSpace/resources/room/output';
import { eventByName } from './events';

/** The delivery body DocSpace sends (docs/docspace/webhooks.md §6); defaults (0, false, null) are left out. */
export interface WebhookDelivery extends IDataObject {
	event: {
		id?: number;
		createOn?: string;
		createBy?: string;
		trigger?: string;
		triggerId?: number;
	};
	payload: IDataObject;
	webhook: { id?: number; name?: string; url?: string; retryCount?: number; target?: IDataObject };
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function idOf(value: unknown): string | null {
	return typeof value === 'number' || (typeof value === 'string' && value !== '')
		? String(value)
		: null;
}

/** The item the event is about: `form.submit` carries the original and the submitted form. */
function subjectOf(payload: IDataObject, trigger: string): IDataObject {
	if (
		trigger === 'form.submit' &&
		payload.submittedForm &&
		typeof payload.submittedForm === 'object'
	) {
		return payload.submittedForm as IDataObject;
	}
	return payload;
}

function itemUrl(portalUrl: string, kind: string, id: string | null): string | null {
	if (!id || !portalUrl) return null;
	if (kind === 'file' || kind === 'form')
		return `${portalUrl}/doceditor?fileId=${encodeURIComponent(id)}`;
	if (kind === 'room' || kind === 'folder' || kind === 'agent')
		return roomWebUrl(portalUrl, id) ?? null;
	return null;
}

/** One flat item per event: what happened, when, who did it, to what. */
export function simplifyDelivery(delivery: WebhookDelivery, portalUrl: string): IDataObject {
	const trigger = String(delivery.event.trigger ?? '');
	const kind = eventByName(trigger)?.kind ?? trigger.split('.')[0];
	const item = subjectOf(delivery.payload, trigger);
	const id = idOf(item.id);
	const result: IDataObject = {
		event: trigger,
		eventId: delivery.event.id ?? null,
		time: text(delivery.event.createOn),
		userId: text(delivery.event.createBy),
		itemType: kind,
		itemId: id,
	};
	if (kind === 'user') {
		result.name =
			[item.firstName, item.lastName]
				.filter((part) => typeof part === 'string' && part)
				.join(' ') || null;
		result.email = text(item.email);
	} else if (kind === 'group') {
		result.name = text(item.name);
	} else {
		result.title = text(item.title);
		result.parentId = idOf(item.parentId);
		result.url = itemUrl(portalUrl, kind, id);
		if (trigger === 'form.submit')
			result.formId = idOf((delivery.payload.originalForm as IDataObject | undefined)?.id);
	}
	result.webhookId = delivery.webhook.id ?? null;
	result.attempt = Number(delivery.webhook.retryCount ?? 0) + 1;
	return result;
}
