/// A point in space.
#[derive(Debug)]
pub struct Point {
    x: f64,
}

pub enum Shape {
    Circle(f64),
}

pub trait Area {
    fn area(&self) -> f64;
    fn describe(&self) -> String {
        String::new()
    }
}

impl Area for Point {
    fn area(&self) -> f64 {
        0.0
    }
}

impl Point {
    /// Make a point.
    pub async fn new(x: f64) -> Self {
        Point { x }
    }
}

pub fn distance(a: &Point, b: &Point) -> f64 {
    a.x - b.x
}

mod geometry {
    pub fn origin() -> super::Point {
        super::Point { x: 0.0 }
    }
}

type Meters = f64;

macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}

pub union IntOrFloat {
    i: u32,
    f: f32,
}
