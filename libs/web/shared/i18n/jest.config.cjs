module.exports = require('../../../../libs/web/jest.preset.cjs')(__dirname);
