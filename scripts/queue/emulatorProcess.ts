/**
 * The DocSpace emulator in its own process for the queue-mode test, with DocSpace's limits
 * (15 parallel writes, 1,500 requests a minute per user) and 30 ms per request. Driven over IPC.
 */
import { DocSpaceEmulator, seedMany } from '../../test/emulator';

export type EmulatorCommand =
	| { id: number; type: 'reset'; rooms: number; latencyMs: number }
	| { id: number; type: 'summary' }
	| { id: number; type: 'links'; roomIds: string[] }
	| { id: number; type: 'stop' };

export interface EmulatorSummary {
	maxConcurrentWrites: number;
	rejected429: number;
	/** Writes by status, e.g. { '200': 2000, '429': 35 }. */
	writes: Record<string, number>;
	/** Reads (GET) by status. */
	reads: Record<string, number>;
	violations: number;
}

async function main() {
	const emulator = await DocSpaceEmulator.start({ latencyMs: 30 });
	process.send?.({ ready: true, baseUrl: emulator.baseUrl });
	process.on('message', async (command: EmulatorCommand) => {
		let result: unknown = true;
		if (command.type === 'reset') {
			emulator.reset(seedMany({ rooms: command.rooms }));
			emulator.configure({ latencyMs: command.latencyMs });
		} else if (command.type === 'summary') {
			const writes: Record<string, number> = {};
			const reads: Record<string, number> = {};
			for (const request of emulator.requests) {
				const byStatus = request.method === 'GET' ? reads : writes;
				byStatus[request.status] = (byStatus[request.status] ?? 0) + 1;
			}
			const summary: EmulatorSummary = {
				maxConcurrentWrites: emulator.stats.maxConcurrentWrites,
				rejected429: emulator.stats.rejected429,
				writes,
				reads,
				violations: emulator.openApiViolations().length,
			};
			result = summary;
		} else if (command.type === 'links') {
			// Titles of the links of each room: one per room, or a link was lost or duplicated.
			result = Object.fromEntries(
				command.roomIds.map((id) => [
					id,
					emulator.roomLinks(id).map((link) => (link.sharedTo as { title?: string }).title ?? ''),
				]),
			);
		} else if (command.type === 'stop') {
			await emulator.stop();
			process.send?.({ id: command.id, result: true });
			process.exit(0);
		}
		process.send?.({ id: command.id, result });
	});
}

void main();
