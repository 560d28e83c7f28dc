/// A user.
class User extends Entity {
  User(this.name);

  final String name;

  String greet(User other) {
    return 'hi ${other.name}';
  }

  Future<void> save() async {}
}

mixin Logger {
  void log(String m) {}
}

enum Role { admin }

extension Names on User {
  String upper() => name.toUpperCase();
}

int top(int a) {
  return a;
}

typedef Callback = void Function(int code);

const maxItems = 10;
var counter = 0;

class Config {
  static const version = 2;
  int retries = 3, timeout = 30;
}

extension type Meters(double value) {
  Meters operator +(Meters other) => Meters(value + other.value);
}

class Point {
  Point.origin();
  factory Point.parse(String s) => Point.origin();
}
