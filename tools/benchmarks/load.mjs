// What the load benchmarks share: a demo user's token from the dev IdP, autocannon with
// 20 connections posting one GraphQL body, and the one-line summary docs/benchmarks.md quotes.
import autocannon from 'autocannon';

export const CONNECTIONS = 20;
export const SECONDS = Number(process.env.BENCHMARK_SECONDS ?? 20);

/** An access token of a demo user (password grant of the dev realm's CLI client). */
export async function demoToken(issuerUrl, username) {
  const response = await fetch(`${issuerUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'kraftsamling-cli',
      username,
      password: 'demo',
    }),
  });
  if (!response.ok) throw new Error(`token for ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** A GraphQL call that throws on errors. */
export function graphqlClient(apiUrl, token) {
  return async (query, variables) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** `CONNECTIONS` clients posting `body` to `url` for `duration` seconds. */
export function postLoad({ token, body, headers = {} }) {
  return (url, duration, connections = CONNECTIONS) =>
    autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
      connections,
      duration,
    });
}

export function summary(name, result) {
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} requests/s, median ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${(result.throughput.average / result.requests.average / 1024).toFixed(0)} KiB per answer, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  return result;
}
