// The workspace's tsconfig path aliases (@kraftsamling/...) as Jest module mappings, so
// tests import libraries exactly as the code does.
const path = require('node:path');
const workspaceRoot = path.resolve(__dirname, '../..');
const { compilerOptions } = require(path.join(workspaceRoot, 'tsconfig.base.json'));

module.exports = function pathAliasModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/.]/g, (c) => `\\${c}`)}$`] = path.join(workspaceRoot, target);
  }
  return mapper;
};
