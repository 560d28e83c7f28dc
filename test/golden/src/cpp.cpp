// The larger of two values.
#define MAX(a, b) ((a) > (b) ? (a) : (b))

namespace geo {

// A shape.
class Shape {
public:
    Shape();
    virtual double area() const;
    double scale(double k) { return k; }
};

struct Point {
    double x;
    void move(double dx);
};

// The shape's distance from the origin (defined elsewhere).
double distance(const Shape &s);

}  // namespace geo

geo::Shape::Shape() {}

double geo::Shape::area() const {
    return 0;
}

template <typename T>
T identity(T x) {
    return x;
}

enum class Color { Red };

using Meters = double;

union Number {
    int i;
    float f;
};

#define VERSION 3

namespace config {
const int kLimit = 10;
int verbosity;
}

enum class Mode { Fast, Safe };

class Buffer {
public:
    int size;
    static const int kMax = 4;
};

template <> struct Holder<int> { int held; };
template <> int* make<int>() { return nullptr; }

class Query {
public:
    Query(const Query&);
    ~Query();
    Query& operator=(const Query&) = delete;
    static const char* name();
    bool operator==(const Query& other) const;
};

std::ostream& operator<<(std::ostream& out, const Query& q) { return out; }

typedef int Predicate(bool);
