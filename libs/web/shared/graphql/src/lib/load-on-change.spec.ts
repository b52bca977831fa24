import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Subject } from 'rxjs';
import { loadOnChange } from './load-on-change';

interface Request {
  slug: string;
  response: Subject<string>;
}

@Component({ selector: 'ks-host', template: '' })
class HostComponent {
  readonly slug = input.required<string>();
  readonly requests: Request[] = [];
  readonly ready = jest.fn<void, [string]>();
  readonly page = loadOnChange(
    this.slug,
    (slug) => {
      const response = new Subject<string>();
      this.requests.push({ slug, response });
      return response;
    },
    this.ready,
  );
}

describe('loadOnChange', () => {
  function render(slug = 'a') {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentRef.setInput('slug', slug);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance };
  }

  it('loads for the first slug and shows the data when it arrives', () => {
    const { host } = render('a');

    expect(host.requests.map((request) => request.slug)).toEqual(['a']);
    expect(host.page.state()).toEqual({ status: 'loading' });

    host.requests[0].response.next('data for a');

    expect(host.page.state()).toEqual({ status: 'ready', data: 'data for a' });
    expect(host.ready).toHaveBeenCalledWith('data for a');
  });

  it('loads again when the slug changes, with the spinner, and cancels the earlier request', () => {
    const { fixture, host } = render('a');
    host.requests[0].response.next('data for a');

    fixture.componentRef.setInput('slug', 'b');
    fixture.detectChanges();

    expect(host.requests.map((request) => request.slug)).toEqual(['a', 'b']);
    expect(host.page.state()).toEqual({ status: 'loading' });
    expect(host.requests[0].response.observed).toBe(false);

    // A late answer for the earlier slug is not shown.
    host.requests[0].response.next('late data for a');
    expect(host.page.state()).toEqual({ status: 'loading' });

    host.requests[1].response.next('data for b');
    expect(host.page.state()).toEqual({ status: 'ready', data: 'data for b' });
  });

  it('keeps ready data on screen during a silent reload, and shows the spinner otherwise', () => {
    const { host } = render('a');
    host.requests[0].response.next('first');

    host.page.reload();

    expect(host.requests.map((request) => request.slug)).toEqual(['a', 'a']);
    expect(host.requests[0].response.observed).toBe(false);
    expect(host.page.state()).toEqual({ status: 'ready', data: 'first' });
    host.requests[1].response.next('second');
    expect(host.page.state()).toEqual({ status: 'ready', data: 'second' });

    host.page.reload(false);

    expect(host.page.state()).toEqual({ status: 'loading' });
  });

  it('turns a failed request into an error state with the mapped AppError, and reloads from it', () => {
    const { host } = render('a');

    host.requests[0].response.error(
      new CombinedGraphQLErrors({ data: null }, [{ message: 'nope', extensions: { code: 'NOT_FOUND' } }]),
    );

    expect(host.page.state()).toEqual({
      status: 'error',
      error: { code: 'NOT_FOUND', messageKey: 'errors.notFound', fields: [] },
    });
    expect(host.ready).not.toHaveBeenCalled();

    // Silent only keeps data on screen: there is none after an error.
    host.page.reload();
    expect(host.page.state()).toEqual({ status: 'loading' });
  });

  it('cancels the request under way when the page goes away', () => {
    const { fixture, host } = render('a');

    fixture.destroy();

    expect(host.requests[0].response.observed).toBe(false);
  });
});
