module.exports = require('../../../../tools/jest/angular-preset.cjs')(__dirname);
