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

/// The largest size.
pub const MAX: usize = 64;
static COUNTER: u32 = 0;

pub enum Shape {
    Circle,
    Square(u32),
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        Ok(())
    }
}

impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        Ok(())
    }
}

impl Named for &str {
    fn name(&self) -> String {
        String::new()
    }
}
