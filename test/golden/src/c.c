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

static char *name(void) {
    return "x";
}
