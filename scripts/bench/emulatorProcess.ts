/**
 * The DocSpace emulator in its own process for the benchmark, so that the CPU time measured in
 * the benchmark process is n8n's engine and the node only. Driven over IPC.
 */
import { DocSpaceEmulator, SEED_IDS, seedMany } from '../../test/emulator';
import type { EmulatorOptions, Fault } from '../../test/emulator';

type Command =
	| {
			id: number;
			type: 'reset';
			rooms?: number;
			files?: number;
			options: Partial<EmulatorOptions>;
	  }
	| { id: number; type: 'stats' }
	| { id: number; type: 'inject'; fault: Fault & { path: string } }
	| { id: number; type: 'countLinks'; roomIds: string[] }
	| { id: number; type: 'put'; url: string; body: unknown }
	| { id: number; type: 'stop' };

async function main() {
	const emulator = await DocSpaceEmulator.start({ latencyMs: 30 });
	const startOptions = { latencyMs: 30 };
	process.send?.({ ready: true, baseUrl: emulator.baseUrl });
	let lastCpu = process.cpuUsage();
	process.on('message', async (command: Command) => {
		if (command.type === 'reset') lastCpu = process.cpuUsage();
		let result: unknown;
		if (command.type === 'reset') {
			const { rooms, files } = command;
			emulator.reset(rooms || files ? seedMany({ rooms, files }) : undefined);
			emulator.configure({ ...startOptions, ...command.options });
			result = true;
		} else if (command.type === 'inject') {
			emulator.inject({ ...command.fault, path: new RegExp(command.fault.path) } as Fault);
			result = true;
		} else if (command.type === 'stats') {
			const cpu = process.cpuUsage(lastCpu);
			lastCpu = process.cpuUsage();
			result = {
				...emulator.stats,
				requests: emulator.requests.length,
				statuses: countStatuses(emulator),
				emulatorCpuMs: (cpu.user + cpu.system) / 1000,
			};
			emulator.requests.length = 0;
		} else if (command.type === 'countLinks') {
			result = command.roomIds.reduce((sum, id) => sum + emulator.roomLinks(id).length, 0);
		} else if (command.type === 'put') {
			const response = await fetch(`${emulator.baseUrl}${command.url}`, {
				method: 'PUT',
				headers: {
					Authorization: `Bearer ${SEED_IDS.apiKey}`,
					'Content-Type': 'application/json',
					Accept: 'application/json',
				},
				body: JSON.stringify(command.body),
			});
			result = response.status;
			emulator.requests.length = 0;
		} else if (command.type === 'stop') {
			await emulator.stop();
			process.send?.({ id: command.id, result: true });
			process.exit(0);
		}
		process.send?.({ id: command.id, result });
	});
}

function countStatuses(emulator: DocSpaceEmulator): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of emulator.requests)
		counts[request.status] = (counts[request.status] ?? 0) + 1;
	return counts;
}

void main();
