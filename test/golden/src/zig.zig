const std = @import("std");

/// A point.
const Point = struct {
    x: i32,

    pub fn add(self: Point, other: Point) Point {
        return .{ .x = self.x + other.x };
    }
};

const Color = enum { red, green };

const Value = union { int: i32, float: f32 };

pub fn main() void {
    std.debug.print("hi", .{});
}

pub const max_items = 10;
var counter: u32 = 0;
