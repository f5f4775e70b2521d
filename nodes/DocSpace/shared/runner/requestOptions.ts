import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParameterReader } from './parameters';

/** n8n's default request timeout for declarative nodes (RoutingNode). */
const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * The Request Options n8n adds to every declarative node (proxy, Ignore SSL Issues, timeout),
 * turned into request options as RoutingNode does; batching is applied by the runner's loop.
 */
export function requestOptionsOf(
	context: IExecuteFunctions,
	itemIndex: number,
	runIndex: number,
	read: ParameterReader,
): Partial<IHttpRequestOptions> {
	const { proxy, timeout, allowUnauthorizedCerts } = read('requestOptions', itemIndex, {}) as {
		proxy?: string;
		timeout?: number;
		allowUnauthorizedCerts?: boolean;
	};
	const result: Partial<IHttpRequestOptions> = {};
	if (proxy) {
		let parsed: URL | undefined;
		try {
			parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
		} catch {
			parsed = undefined;
		}
		const missing = !parsed
			? 'host'
			: !parsed.hostname
				? 'host'
				: !parsed.port
					? 'port'
					: undefined;
		if (!parsed || missing) {
			throw new NodeOperationError(context.getNode(), 'The proxy is not valid', {
				runIndex,
				itemIndex,
				description: `The proxy URL does not contain a valid value for "${missing ?? 'host'}"`,
			});
		}
		result.proxy = {
			host: parsed.hostname,
			port: parseInt(parsed.port, 10),
			protocol: parsed.protocol.replace(/:$/, '') || undefined,
			...(parsed.username
				? {
						auth: {
							username: decodeURIComponent(parsed.username),
							password: decodeURIComponent(parsed.password),
						},
					}
				: {}),
		} as IHttpRequestOptions['proxy'];
	}
	if (allowUnauthorizedCerts) result.skipSslCertificateValidation = allowUnauthorizedCerts;
	result.timeout = timeout ? timeout : DEFAULT_TIMEOUT_MS;
	return result;
}
