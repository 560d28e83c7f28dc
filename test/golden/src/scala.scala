package example

/** A shape. */
class Circle(r: Double) extends Shape {
  def area: Double = math.Pi * r * r
}

object Circle {
  def unit(): Circle = new Circle(1)
}

trait Shape {
  def area: Double
}

case class Point(x: Int, y: Int)

def top(a: Int): Int = a

type Meters = Double

val greeting = "hi"

object Config {
  val MaxSize = 10
  var verbose = false
}

enum Direction {
  case North, South
  case Angle(degrees: Int)
}

class Vec(val x: Int) {
  def +(o: Vec): Vec = new Vec(x + o.x)
}
