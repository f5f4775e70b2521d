/**
 * How many requests a portal and user may have in flight right now, learnt from DocSpace's 429s:
 * additive increase, multiplicative decrease (AIMD). DocSpace counts its limits per user
 * (docs/docspace/transport.md §3), but each n8n process (a queue-mode worker, say) has its own
 * limiter, so W processes together may send W × 15 writes. A 429 halves this process's limit and
 * pauses its new requests until the Retry-After DocSpace sent; a run of successes gives one slot
 * back, up to the limit set under Options. With no 429 the limit never changes.
 */
export const ADAPTIVE_LIMIT = {
	/** A 429 multiplies the in-flight limit by this (never below 1). */
	decrease: 0.5,
	/** The longest pause a Retry-After puts on an account's new requests. */
	maxPauseMs: 60_000,
	/** A learnt limit is forgotten this long after its last change. */
	ttlMs: 10 * 60_000,
	maxEntries: 100,
} as const;

export class AdaptiveLimit {
	/** The learnt in-flight limit; undefined while nothing was refused (the configured limit rules). */
	ceiling: number | undefined;

	/** New requests wait until then (epoch ms). */
	pausedUntil = 0;

	/** Bumped by every decrease: a 429 of a request sent before it says nothing new. */
	epoch = 0;

	private successes = 0;

	/** The limit a request configured with `limit` may use now. */
	effective(limit: number): number {
		return this.ceiling === undefined ? limit : Math.min(limit, this.ceiling);
	}

	paused(now = Date.now()): boolean {
		return now < this.pausedUntil;
	}

	/** A request sent in `epoch` under `limit` was refused with 429; returns whether anything changed. */
	overloaded(epoch: number, limit: number, retryAfterMs: number | undefined): boolean {
		let changed = false;
		if (epoch === this.epoch) {
			this.ceiling = Math.max(1, Math.floor(this.effective(limit) * ADAPTIVE_LIMIT.decrease));
			this.successes = 0;
			this.epoch++;
			changed = true;
		}
		// A wait longer than the pause bound (the daily cap) is not waited for: the request fails.
		if (retryAfterMs !== undefined && retryAfterMs <= ADAPTIVE_LIMIT.maxPauseMs) {
			const until = Date.now() + retryAfterMs;
			if (until > this.pausedUntil) {
				this.pausedUntil = until;
				changed = true;
			}
		}
		return changed;
	}

	/** A request sent in `epoch` under `limit` succeeded. */
	succeeded(epoch: number, limit: number): void {
		if (this.ceiling === undefined || epoch !== this.epoch) return;
		this.successes++;
		if (this.successes < this.ceiling) return;
		this.successes = 0;
		this.ceiling++;
		if (this.ceiling >= limit) this.ceiling = undefined;
	}

	/** Whether it holds nothing worth remembering. */
	get settled(): boolean {
		return this.ceiling === undefined && !this.paused();
	}
}
