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
