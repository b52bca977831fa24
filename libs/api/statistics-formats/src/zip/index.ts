export * from './guarded-zip';
export { ZipStructureError, readCentralDirectory, type ZipEntry } from './central-directory';
