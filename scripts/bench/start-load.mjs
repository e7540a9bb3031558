// The load that failed users (issue 15): STARTS request starts (default 600), each from a
// client address of its own (X-Forwarded-For: the server must trust 127.0.0.1 as a proxy),
// CONCURRENCY at once (default 100), each for a new e-mail address.
//   node scripts/bench/start-load.mjs BASE_URL [label]
// Prints a table line on stderr and one JSON object on stdout:
//   {"measure":"start_load","label":"sqlite","starts":600,"concurrency":100,"errors":0,
//    "statuses":{"200":600},"p50_ms":…,"p99_ms":…,"max_ms":…,"per_second":…}
const base = process.argv[2];
const label = process.argv[3] ?? "";
if (!base) {
  console.error("usage: node scripts/bench/start-load.mjs BASE_URL [label]");
  process.exit(2);
}
const starts = Number(process.env.STARTS ?? 600);
const concurrency = Number(process.env.CONCURRENCY ?? 100);
const run = `${Date.now().toString(36)}`;

const latencies = [];
const statuses = {};
let next = 0;

async function one(i) {
  const client = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 1}`;
  const body = new URLSearchParams({ email: `load-${run}-${i}@example.org`, role: i % 2 ? "student" : "employer" });
  const t0 = performance.now();
  let status;
  try {
    const reply = await fetch(`${base}/api/demande/commencer`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "x-forwarded-for": client,
      },
      body,
    });
    await reply.arrayBuffer();
    status = String(reply.status);
  } catch (e) {
    status = `network error: ${e.cause?.code ?? e.message}`;
  }
  latencies.push(performance.now() - t0);
  statuses[status] = (statuses[status] ?? 0) + 1;
}

async function worker() {
  while (next < starts) {
    await one(next++);
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
const errors = Object.entries(statuses)
  .filter(([s]) => !/^2\d\d$/.test(s))
  .reduce((n, [, c]) => n + c, 0);
const result = {
  measure: "start_load",
  label,
  starts,
  concurrency,
  errors,
  statuses,
  p50_ms: Number(at(0.5).toFixed(1)),
  p99_ms: Number(at(0.99).toFixed(1)),
  max_ms: Number(latencies[latencies.length - 1].toFixed(1)),
  per_second: Number((starts / seconds).toFixed(1)),
};
console.error(
  `${label.padEnd(10)} ${starts} starts, ${concurrency} at once: ${errors} errors ${JSON.stringify(statuses)}, ` +
    `p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, max ${result.max_ms} ms, ${result.per_second} starts/s`,
);
console.log(JSON.stringify(result));
