module.exports = require('../jest/node-preset.cjs')(__dirname);
