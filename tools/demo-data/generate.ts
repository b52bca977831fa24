// The demo-data generator as a library: `generateDemoData({ outDir, today })`. See README.md.
export * from './src/generate';
