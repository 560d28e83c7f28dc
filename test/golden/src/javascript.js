// A counter.
class Counter {
  constructor() {
    this.n = 0;
  }

  increment() {
    this.n += 1;
  }

  get value() {
    return this.n;
  }
}

function add(a, b) {
  return a + b;
}

const double = (x) => x * 2;
const legacy = function (y) {
  return y;
};

function* ids() {
  yield 1;
}

module.exports.helper = function () {};

const LIMIT = 10;
let current = null;
var legacyFlag = true;
const { readFile, writeFile: write } = require("fs");

class Box {
  size = 0;
  #secret = 1;
  *[Symbol.iterator]() {}
  gen = function* () {};
}

export { LIMIT as limit } from "./limits.js";
export * from "./all.js";
export default Box;
