/// A vehicle.
class Vehicle {
    func start() {
    }
}

struct Point {
    var x: Int
    init(x: Int) {
        self.x = x
    }
    func moved(by dx: Int) -> Point {
        return Point(x: x + dx)
    }
}

protocol Drawable {
    func draw()
}

enum Direction {
    case north
    func opposite() -> Direction { return .north }
}

extension Point {
    func describe() -> String { return "" }
}

func fetch(id: Int) async -> String {
    return ""
}

typealias Meters = Double

let maxRetries = 3
var attempts = 0

struct Size {
    let width: Int
    var height = 0
}

enum Suit {
    case hearts, spades
}
