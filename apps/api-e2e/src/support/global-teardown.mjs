export default async function globalTeardown() {
  await globalThis.__KRAFTSAMLING_STACK__?.stop();
  await globalThis.__KRAFTSAMLING_REPLAY__?.close();
}
