// A local stand-in for the open-data APIs (Kolada v3, SCB PxWebApi 2) that replays recorded
// answers from a folder, so tests fetch "from the API" without the internet:
//
//   GET  /scb/tables/<ID>/metadata   → <dir>/scb/tables/<ID>/metadata.json
//   POST /scb/tables/<ID>/data       → <dir>/scb/tables/<ID>/data.json, cut down to the
//                                      query's selection as SCB would (a dimension left out is
//                                      eliminated: its eliminationValueCode kept, the dimension dropped)
//   GET  /kolada/kpi                 → <dir>/kolada/kpi.json
//   GET  /kolada/data/kpi/<ID>/…     → <dir>/kolada/data/<ID>.json, or Kolada's empty page
//   GET  /af/<name>                  → <dir>/af/<name> (a workbook's bytes)
//
// Every request is kept in `requests` (method, path), for tests that count them.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** Starts the server on a free port of 127.0.0.1; resolves to { url, requests, close }. */
export async function startReplayServer(dir) {
  const requests = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url, 'http://replay');
      requests.push({ method: request.method, path: `${url.pathname}${url.search}` });
      try {
        answer(dir, request.method, url, body, response);
      } catch (error) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ title: String(error.message ?? error) }));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function answer(dir, method, url, body, response) {
  const json = (value, status = 200) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  const notFound = () => json({ status: 404, title: 'Not found' }, 404);
  const file = (...parts) => {
    const full = path.join(dir, ...parts);
    return full.startsWith(dir) && existsSync(full) ? full : null;
  };
  let match = url.pathname.match(/^\/scb\/tables\/([A-Za-z0-9]+)\/(metadata|data)$/);
  if (match) {
    const found = file('scb', 'tables', match[1].toUpperCase(), `${match[2]}.json`);
    if (!found) return notFound();
    const dataset = JSON.parse(readFileSync(found, 'utf8'));
    if (match[2] === 'metadata') return json(dataset);
    if (method !== 'POST') return json({ title: 'the replay answers data queries by POST only' }, 405);
    return json(select(dataset, JSON.parse(body || '{}').selection ?? []));
  }
  if (url.pathname === '/kolada/kpi') {
    const found = file('kolada', 'kpi.json');
    return found ? json(JSON.parse(readFileSync(found, 'utf8'))) : notFound();
  }
  match = url.pathname.match(/^\/kolada\/data\/kpi\/([A-Z][0-9]{5})\//);
  if (match) {
    const found = file('kolada', 'data', `${match[1]}.json`);
    return json(found ? JSON.parse(readFileSync(found, 'utf8')) : { values: [], next_url: null, count: 0 });
  }
  match = url.pathname.match(/^\/af\/([^/]+)$/);
  if (match) {
    const found = file('af', decodeURIComponent(match[1]));
    if (!found) return notFound();
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    return response.end(readFileSync(found));
  }
  return notFound();
}

/** The part of a JSON-stat 2.0 dataset a PxWebApi 2 selection asks for. */
function select(dataset, selection) {
  const chosen = new Map(selection.map((s) => [s.variableCode, s.valueCodes]));
  const codesOf = (id) => {
    const index = dataset.dimension[id].category.index;
    return Array.isArray(index)
      ? index
      : Object.entries(index)
          .sort((a, b) => a[1] - b[1])
          .map(([code]) => code);
  };
  for (const id of chosen.keys())
    if (!dataset.id.includes(id)) throw new Error(`the table has no variable ${id}`);
  const keep = dataset.id.map((id) => {
    const codes = codesOf(id);
    if (chosen.has(id)) {
      const wanted = chosen.get(id);
      const unknown = wanted.filter((code) => !codes.includes(code));
      if (unknown.length) throw new Error(`${id} has no value ${unknown.join(', ')}`);
      return { id, positions: wanted.map((code) => codes.indexOf(code)), codes: wanted, drop: false };
    }
    const total = dataset.dimension[id].extension?.eliminationValueCode;
    if (dataset.dimension[id].extension?.elimination && total !== undefined)
      return { id, positions: [codes.indexOf(total)], codes: [total], drop: true };
    throw new Error(`${id} cannot be eliminated: select values of it`);
  });
  const size = keep.map((k) => k.positions.length);
  const total = size.reduce((a, b) => a * b, 1);
  const value = [];
  const status = {};
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    let source = 0;
    let stride = 1;
    const at = new Array(keep.length);
    for (let d = keep.length - 1; d >= 0; d--) {
      at[d] = rest % size[d];
      rest = Math.floor(rest / size[d]);
    }
    for (let d = keep.length - 1; d >= 0; d--) {
      source += keep[d].positions[at[d]] * stride;
      stride *= dataset.size[d];
    }
    value.push(dataset.value[source] ?? null);
    const s = dataset.status?.[String(source)];
    if (s) status[String(flat)] = s;
  }
  const kept = keep.filter((k) => !k.drop);
  const dimension = Object.fromEntries(
    kept.map((k) => {
      const d = dataset.dimension[k.id];
      const labels = d.category.label ?? {};
      return [
        k.id,
        {
          ...d,
          category: {
            ...d.category,
            index: Object.fromEntries(k.codes.map((code, i) => [code, i])),
            label: Object.fromEntries(k.codes.map((code) => [code, labels[code] ?? code])),
          },
        },
      ];
    }),
  );
  const { status: _, ...rest } = dataset;
  return {
    ...rest,
    id: kept.map((k) => k.id),
    size: kept.map((k) => k.positions.length),
    dimension,
    value,
    ...(Object.keys(status).length ? { status } : {}),
  };
}
