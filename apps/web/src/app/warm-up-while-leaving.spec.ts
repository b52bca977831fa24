import { warmUpWhileLeaving } from './warm-up-while-leaving';

describe('warmUpWhileLeaving', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** The types given to inputs the page made. */
  function watchInputTypes(): string[] {
    const types: string[] = [];
    const create = document.createElement.bind(document);
    jest
      .spyOn(document, 'createElement')
      .mockImplementation((name: string, options?: ElementCreationOptions) => {
        const element = create(name, options);
        if (name === 'input') {
          const set = element.setAttribute.bind(element);
          jest.spyOn(element, 'setAttribute').mockImplementation((attribute: string, value: string) => {
            if (attribute === 'type') types.push(value);
            set(attribute, value);
          });
        }
        return element;
      });
    return types;
  }

  it('probes the input types and makes the first formatters in tasks after the page starts to leave', () => {
    const types = watchInputTypes();
    const numberFormat = jest.spyOn(Intl, 'NumberFormat');
    warmUpWhileLeaving('sv-SE');

    jest.runOnlyPendingTimers();
    expect(types).toEqual([]);

    window.dispatchEvent(new Event('beforeunload'));
    // Not in the event itself: the navigation is under way first.
    expect(types).toEqual([]);
    jest.runAllTimers();
    expect(types).toEqual(
      expect.arrayContaining(['date', 'datetime-local', 'month', 'time', 'week', 'color']),
    );
    expect(new Set(types).size).toBe(22);
    expect(numberFormat).toHaveBeenCalledWith('sv-SE', expect.anything());
  });

  it('does each costly piece in a task of its own, the date field first', () => {
    // One task of 60–250 ms became a long task across the first paint in a phone's simulation.
    const types = watchInputTypes();
    const numberFormat = jest.spyOn(Intl, 'NumberFormat');
    warmUpWhileLeaving('sv-SE');
    window.dispatchEvent(new Event('beforeunload'));

    jest.runOnlyPendingTimers();
    expect(types).toEqual(['date']);
    expect(numberFormat).not.toHaveBeenCalled();

    jest.runOnlyPendingTimers();
    expect(types).toEqual(['date']);
    expect(numberFormat).toHaveBeenCalledTimes(1);

    jest.runOnlyPendingTimers();
    expect(types).toEqual(['date', 'color']);
    expect(jest.getTimerCount()).toBe(1);
  });

  it('does nothing when the page leaves after the session has started', () => {
    const types = watchInputTypes();
    const stayed = warmUpWhileLeaving('en-GB');
    stayed();

    window.dispatchEvent(new Event('beforeunload'));
    jest.runOnlyPendingTimers();
    expect(types).toEqual([]);
  });
});
