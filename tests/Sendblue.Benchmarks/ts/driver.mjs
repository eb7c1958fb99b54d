// The official TypeScript SDK (npm `sendblue`, pinned in package-lock.json) doing one workload of
// the loopback comparison against the canned server, as its own process:
//   node driver.mjs <status|listall> <base-url> [count] [concurrency]
// Prints one JSON line with what was done, like the .NET driver.
import SendblueAPI from 'sendblue';

const [workload, baseURL, countArg, concurrencyArg] = process.argv.slice(2);
if (!workload || !baseURL) {
  console.error('usage: node driver.mjs <status|listall> <base-url> [count] [concurrency]');
  process.exit(2);
}

const count = Number(countArg ?? 20000);
const concurrency = Number(concurrencyArg ?? 16);
const client = new SendblueAPI({ apiKey: 'bench-key-id', apiSecret: 'bench-secret-key', baseURL });
const handle = '5f2b9c3e-8a41-4d7c-0000-000000000001';
const started = performance.now();
let done = 0;

if (workload === 'status') {
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const status = await client.messages.getStatus({ handle });
      if (status.status === 'DELIVERED') done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
} else if (workload === 'listall') {
  // The SDK has no auto-pagination for this endpoint: the same walk by hand (stop on hasMore,
  // each message_handle once), as a user of it would write.
  const seen = new Set();
  let offset = 0;
  for (;;) {
    const page = await client.messages.list({ limit: 100, offset });
    const data = page.data ?? [];
    for (const message of data) {
      if (message.message_handle !== undefined && seen.has(message.message_handle)) continue;
      seen.add(message.message_handle);
      if (message.message_handle) done++;
    }
    if (data.length === 0 || page.pagination?.hasMore !== true) break;
    offset += data.length;
  }
} else {
  console.error(`unknown workload '${workload}'`);
  process.exit(2);
}

console.log(JSON.stringify({ client: 'ts', workload, done, elapsedMs: Math.round((performance.now() - started) * 10) / 10 }));
