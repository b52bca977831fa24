import { importInStages } from './import-in-stages';

/** Lets the promise callbacks already due run (no timer). */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('importInStages', () => {
  afterEach(() => jest.useRealTimers());

  it('imports each stage after the one before has been evaluated and a task has passed', async () => {
    jest.useFakeTimers();
    const order: string[] = [];
    const stage = (name: string) => async () => {
      order.push(name);
      return name;
    };
    const app = importInStages([stage('framework'), stage('material')], stage('application'));

    await settle();
    // Not in the same task: the next stage waits for a timer.
    expect(order).toEqual(['framework']);
    expect(jest.getTimerCount()).toBe(1);
    jest.runOnlyPendingTimers();
    await settle();
    expect(order).toEqual(['framework', 'material']);
    jest.runOnlyPendingTimers();
    await settle();
    expect(order).toEqual(['framework', 'material', 'application']);
    await expect(app).resolves.toBe('application');
  });

  it('imports the last at once when there is nothing before it', async () => {
    const last = jest.fn(async () => 'application');
    await expect(importInStages([], last)).resolves.toBe('application');
    expect(last).toHaveBeenCalledTimes(1);
  });

  it('stops at a stage that fails, and says so', async () => {
    const last = jest.fn(async () => 'application');
    const failed = new Error('chunk-framework.js: 404');
    await expect(importInStages([() => Promise.reject(failed)], last)).rejects.toBe(failed);
    expect(last).not.toHaveBeenCalled();
  });
});
