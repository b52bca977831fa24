import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@kraftsamling/web/shared/auth';
import { firstValueFrom, toArray } from 'rxjs';
import {
  IMPORT_FETCH,
  IMPORT_UPLOAD_URL,
  ImportEvent,
  ImportFailure,
  ImportUploadService,
  toImportEvent,
} from './import-upload';
import { bytes, chunkedReader } from '../testing/streams';

function streamed(chunks: string[]) {
  return {
    ok: true,
    status: 200,
    body: { getReader: () => chunkedReader(chunks.map(bytes)) },
    json: async () => null,
  };
}

function failed(status: number, body: unknown) {
  return { ok: false, status, body: null, json: async () => body };
}

describe('ImportUploadService', () => {
  function setUp(answer: unknown) {
    const fetchFn = jest.fn(async () => answer);
    TestBed.configureTestingModule({
      providers: [
        { provide: IMPORT_FETCH, useValue: fetchFn },
        {
          provide: AuthSession,
          useValue: { accessToken: async () => 'token-1', user: {}, logout: jest.fn() },
        },
      ],
    });
    return { service: TestBed.inject(ImportUploadService), fetchFn };
  }

  const file = new File(['PERIOD;KOM'], 'arbetslosa-bas.xlsx');
  const request = {
    collaborationId: 'c1',
    source: 'af' as const,
    afSeries: 'bas' as const,
    dryRun: true,
    publishedAt: '2024-10-15',
    file,
  };

  it('downloads the collaboration’s template with the bearer token, in the language asked for', async () => {
    const blob = new Blob(['x']);
    const { service, fetchFn } = setUp({ ok: true, status: 200, blob: async () => blob });
    await expect(service.template('c1', 'xlsx', 'en')).resolves.toBe(blob);
    expect(fetchFn).toHaveBeenCalledWith('/api/imports/template?collaborationId=c1&format=xlsx&lang=en', {
      headers: { Authorization: 'Bearer token-1' },
    });
    fetchFn.mockResolvedValueOnce({ ok: false, status: 403 } as never);
    await expect(service.template('c1', 'csv', 'sv')).rejects.toThrow('HTTP 403');
  });

  it('posts the file and fields as multipart with the bearer token, and emits progress then the report', async () => {
    const { service, fetchFn } = setUp(
      streamed([
        '{"type":"progress","stage":"parsing","fra',
        'ction":0.5}\n{"type":"progress","stage":"checking","fraction":1}\n{"type":"rep',
        'ort","report":{"format":"AF_WORKBOOK","dryRun":true,"batchId":null,"inserted":12,"changed":1,"unchanged":0,"problems":[],"unmappedSeries":[{"series":"XYZSOK","values":3}]}}\n',
      ]),
    );

    const events = await firstValueFrom(service.upload(request).pipe(toArray()));

    expect(events).toEqual<ImportEvent[]>([
      { type: 'uploading' },
      { type: 'progress', stage: 'parsing', fraction: 0.5 },
      { type: 'progress', stage: 'checking', fraction: 1 },
      {
        type: 'report',
        report: {
          format: 'AF_WORKBOOK',
          dryRun: true,
          batchId: null,
          inserted: 12,
          changed: 1,
          unchanged: 0,
          problems: [],
          unmappedSeries: [{ series: 'XYZSOK', values: 3 }],
          manualOverwrites: [],
          confirmationToken: null,
          nothingMatched: null,
          catalogue: null,
        },
      },
    ]);
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${IMPORT_UPLOAD_URL}?collaborationId=c1`);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer token-1');
    const form = init.body as FormData;
    expect(form.get('source')).toBe('af');
    expect(form.get('afSeries')).toBe('bas');
    expect(form.get('dryRun')).toBe('true');
    expect(form.get('publishedAt')).toBe('2024-10-15');
    expect((form.get('file') as File).name).toBe('arbetslosa-bas.xlsx');
  });

  it('turns an HTTP error into a failure with a message key and the API message', async () => {
    const { service } = setUp(failed(413, { code: 'PAYLOAD_TOO_LARGE', message: 'File too large' }));
    await expect(firstValueFrom(service.upload(request).pipe(toArray()))).rejects.toEqual<ImportFailure>({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'File too large',
      messageKey: 'imports.errors.tooLarge',
      fields: [],
    });
  });

  it('tells the user to wait when the API answers 429 (too many requests)', async () => {
    const { service } = setUp(failed(429, { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' }));
    await expect(firstValueFrom(service.upload(request).pipe(toArray()))).rejects.toEqual<ImportFailure>({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests',
      messageKey: 'errors.tooManyRequests',
      fields: [],
    });
  });

  it('reports an answer that ends before the report as incomplete', async () => {
    const { service } = setUp(streamed(['{"type":"progress","stage":"writing","fraction":0.2}\n']));
    await expect(firstValueFrom(service.upload(request).pipe(toArray()))).rejects.toMatchObject({
      messageKey: 'imports.errors.incomplete',
    });
  });
});

describe('toImportEvent', () => {
  it('clamps the fraction and skips lines of unknown types or stages', () => {
    expect(toImportEvent({ type: 'progress', stage: 'parsing', fraction: 1.5 })).toEqual({
      type: 'progress',
      stage: 'parsing',
      fraction: 1,
    });
    expect(toImportEvent({ type: 'progress', stage: 'dreaming', fraction: 0.5 })).toBeNull();
    expect(toImportEvent({ type: 'heartbeat' })).toBeNull();
  });

  it('keeps what a Kolada key-figure list did to the catalogue, and a file that matched nothing', () => {
    const event = toImportEvent({
      type: 'report',
      report: {
        dryRun: true,
        inserted: 0,
        changed: 0,
        unchanged: 0,
        problems: [],
        unmappedSeries: [],
        catalogue: { added: 2, updated: 0, unchanged: 0, curated: 1 },
        nothingMatched: { series: 3, examples: ['KOLADA|N00053|T'], message: 'nothing in this file matches' },
      },
    });
    expect(event?.type === 'report' && event.report.catalogue).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      curated: 1,
    });
    expect(event?.type === 'report' && event.report.nothingMatched).toEqual({
      series: 3,
      examples: ['KOLADA|N00053|T'],
      message: 'nothing in this file matches',
    });
  });
});
