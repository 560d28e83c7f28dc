#include <stdio.h>

/* A point. */
struct point {
    int x;
    int y;
};

typedef struct {
    int w;
} size_t2;

enum color { RED, GREEN };

union value { int i; float f; };

/* Add two numbers. */
int add(int a, int b) {
    return a + b;
}

/* Subtract two numbers (defined elsewhere). */
int subtract(int a, int b);

static char *name(void) {
    return "x";
}

#define MAX_NAME 32
#define SQUARE(x) ((x) * (x))

int counter = 0;
static const char *names[] = {"a", "b"};
extern int shared;

struct point {
    int x, y;
    char *label;
};

enum color { RED, GREEN = 2 };
