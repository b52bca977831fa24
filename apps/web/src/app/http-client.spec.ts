import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideAppHttpClient } from './http-client';

describe('provideAppHttpClient', () => {
  it('posts to the API without reading document.cookie (bearer tokens, no XSRF cookie)', () => {
    // A cookie Angular's XSRF step would copy into a header: the API never asks for one.
    document.cookie = 'XSRF-TOKEN=from-a-cookie';
    const cookieRead = jest.spyOn(document, 'cookie', 'get');
    TestBed.configureTestingModule({ providers: [provideAppHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(HttpClient).post('/graphql', { query: '{ me { id } }' }).subscribe();
    const request = TestBed.inject(HttpTestingController).expectOne('/graphql');
    expect(request.request.headers.has('X-XSRF-TOKEN')).toBe(false);
    expect(cookieRead).not.toHaveBeenCalled();
    request.flush({ data: null });
    cookieRead.mockRestore();
  });
});
